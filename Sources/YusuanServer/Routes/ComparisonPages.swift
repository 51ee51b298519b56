import Foundation
import Hummingbird
import YusuanCore
import YusuanRender
import YusuanStore

/// Figures side by side: a year comparison of two versions of a department, and a version's changes
/// against the previous version of the same year.
enum ComparisonPages {
    static func register(_ router: Router<PortalContext>, _ services: PortalServices) {
        router.get("/departments/{code}/compare") { request, context in
            let lang = context.language
            let d = try await services.department(code: context.parameters.get("code"))
            let (before, after) = try await pair(request, department: d, context: context, services: services)
            let all = FigureChanges.compare(try await services.disclosure(of: before), try await services.disclosure(of: after))
            let changedOnly = request.uri.queryParameters.get("changed") == "1"
            let changes = changedOnly ? all.filter(\.isChanged) : all
            var data: [String: Any] = ["department": ["code": d.code, "name": d.name],
                                       "before": Views.versionData(before, lang: lang), "after": Views.versionData(after, lang: lang)]
            data["groups"] = groups(changes)
            data["hasRows"] = !changes.isEmpty
            data["changedOnly"] = changedOnly
            data["query"] = "before=\(before.id)&after=\(after.id)"
            data["changedCount"] = String(all.filter(\.isChanged).count)
            data["totalCount"] = String(all.count)
            let title = lang.text("compare_title") + " · " + d.name
            return Views.render(Page(template: "compare", title: title, data: data), context: context, services: services)
        }

        router.get("/versions/{id}/changes") { _, context in
            let lang = context.language
            let v = try await services.visibleVersion(id: context.parameters.get("id"), context: context)
            guard let d = try await services.store.department(id: v.departmentID) else { throw PortalError.notFound("department") }
            var data = VersionPage.header(v, d, lang: lang)
            if let previous = try await services.previousVersion(of: v) {
                let changes = try await changed(from: previous, to: v, services: services)
                data["previous"] = Views.versionData(previous, lang: lang)
                data["rows"] = changes.map { rowData($0) }
                data["hasRows"] = !changes.isEmpty
                data["changedCount"] = String(changes.count)
            }
            let title = lang.text("changes_title") + " · " + d.name + " \(v.year) v\(v.number)"
            return Views.render(Page(template: "changes", title: title, data: data), context: context, services: services)
        }
    }

    /// The figures that differ between two versions.
    static func changed(from previous: VersionRecord, to v: VersionRecord, services: PortalServices) async throws -> [FigureChange] {
        FigureChanges.compare(try await services.disclosure(of: previous), try await services.disclosure(of: v)).filter(\.isChanged)
    }

    /// The two versions to compare: `?before=ID&after=ID`, else the newest published versions of the
    /// two latest years.
    static func pair(_ request: Request, department d: DepartmentRecord, context: PortalContext,
                     services: PortalServices) async throws -> (VersionRecord, VersionRecord) {
        let q = request.uri.queryParameters
        if let b = q.get("before"), let a = q.get("after") {
            let before = try await services.visibleVersion(id: b, context: context)
            let after = try await services.visibleVersion(id: a, context: context)
            guard before.departmentID == d.id, after.departmentID == d.id else {
                throw PortalError.badRequest(zh: "只能比较同一部门的两个版本。", en: "Only two versions of the same department can be compared.")
            }
            return (before, after)
        }
        let published = try await services.publishedByYear(departmentID: d.id)
        guard published.count >= 2 else {
            throw PortalError(.notFound, zh: "\(d.name) 只有一个年度的已公开版本，无法比较；可用 ?before=版本号&after=版本号 指定两个版本。",
                              en: "\(d.name) has published only one year; choose two versions with ?before=ID&after=ID.")
        }
        return (published[published.count - 2], published[published.count - 1])
    }

    /// Consecutive figures of one table under that table's heading.
    static func groups(_ changes: [FigureChange]) -> [[String: Any]] {
        var out: [[String: Any]] = []
        var rows: [[String: Any]] = []
        var table: String?
        for c in changes {
            if c.table != table {
                if let table { out.append(["table": table, "rows": rows]) }
                table = c.table
                rows = []
            }
            rows.append(rowData(c))
        }
        if let table { out.append(["table": table, "rows": rows]) }
        return out
    }

    static func rowData(_ c: FigureChange) -> [String: Any] {
        var row: [String: Any] = ["table": c.table, "row": c.row, "column": c.column,
                                  "before": c.before.map(Money.wan) ?? "—", "after": c.after.map(Money.wan) ?? "—",
                                  "changed": c.isChanged]
        if let change = c.change { row["change"] = (change > 0 ? "+" : "") + Money.wan(change) } else { row["change"] = "—" }
        row["rate"] = c.rate.map { ($0.isNegative ? "" : "+") + $0.description + "%" } ?? "—"
        return row
    }

    /// The JSON form of a change (API): amounts in 分 as integers, the rate as a decimal string.
    static func json(_ c: FigureChange) -> [String: Any] {
        var o: [String: Any] = ["table": c.table, "row": c.row, "column": c.column,
                                "key": ["table": c.key.table, "row": c.key.row, "column": c.key.column]]
        o["before_fen"] = c.before.map { NSNumberInt($0) } ?? NSNull()
        o["after_fen"] = c.after.map { NSNumberInt($0) } ?? NSNull()
        o["change_fen"] = c.change.map { NSNumberInt($0) } ?? NSNull()
        o["rate_percent"] = c.rate.map { $0.description } ?? NSNull()
        return o
    }
}

/// An Int64 as a JSON number.
func NSNumberInt(_ v: Int64) -> NSNumber { NSNumber(value: v) }

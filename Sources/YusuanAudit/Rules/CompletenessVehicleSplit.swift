import YusuanCore

extension CompletenessRules {
    /// CMP-006: the 三公 table splits 公务用车购置及运行费 into 购置费 and 运行（维护）费.
    static let vehicleSplit = Rule(
        id: "CMP-006", severity: .warning, category: .completeness,
        title: "公务用车费分列购置与运行维护", titleEnglish: "Official vehicle costs are split into purchase and operation",
        why: "公开规定要求“公务用车购置及运行费”细化到公务用车购置费和公务用车运行费两项。",
        whyEnglish: "The disclosure rules require official vehicle costs to be shown as purchase and operation separately.",
        check: checkVehicleSplit)

    /// The three vehicle figures of one column (rows orientation) or one row (columns orientation).
    struct VehicleFigures {
        var total: Cell?
        var purchase: Cell?
        var operation: Cell?
        /// Where the total was read, for the finding.
        var row: Row?
        var column: Column?
        /// "2022年预算数" — which figures these are, when the table has several sets.
        var label: String

        /// Whether the total is printed non-zero while both parts are blank or absent.
        var splitMissing: Bool {
            guard let t = total, let n = t.number, !n.isPercent, n.value != .zero else { return false }
            return (purchase?.isBlank ?? true) && (operation?.isBlank ?? true)
        }
    }

    static func checkVehicleSplit(_ c: AuditContext) -> RuleOutcome {
        let tables = c.disclosure.tables(.threePublic)
        guard !tables.isEmpty else {
            return .notApplicable(reason: "文中没有“三公”经费表 / no “three public” table")
        }
        var out: [Finding] = []
        for t in tables {
            for v in vehicleFigures(t) where v.splitMissing {
                let total = v.total?.text.trimmed ?? ""
                let which = v.label.isEmpty ? "" : "（\(v.label)）"
                let whichEn = v.label.isEmpty ? "" : " (\(v.label))"
                let absent = v.purchase == nil && v.operation == nil
                let zh = absent ? "但表中没有公务用车购置费和公务用车运行（维护）费栏目" : "但公务用车购置费和公务用车运行（维护）费两栏均为空"
                let en = absent ? "but the table has no purchase and operation items" : "but both the purchase and the operation cells are blank"
                out.append(vehicleSplit.finding(
                    c.location(t, row: v.row, column: v.column), expected: "购置费、运行费分列", found: "仅列合计\(total)",
                    message: "\(t.displayName)\(which)公务用车购置及运行费为\(total)，\(zh)，未按规定分列。",
                    english: "\(t.displayName)\(whichEn) prints official vehicle costs of \(total), \(en): the split the rules require is missing."))
            }
        }
        return .ran(out)
    }

    /// The vehicle total and its two parts, for each set of figures in the table, whichever way it is laid out.
    static func vehicleFigures(_ t: DisclosureTable) -> [VehicleFigures] {
        let vehicleMeasures: Set<Measure> = [.threePublicVehicle, .threePublicVehiclePurchase, .threePublicVehicleOperation]
        if t.columns.contains(where: { $0.measure.map(vehicleMeasures.contains) ?? false }) {
            return vehicleFiguresByColumn(t)
        }
        return vehicleFiguresByRow(t)
    }

    /// Items as columns: each vehicle column with the nearest purchase and operation columns of its year, per row.
    private static func vehicleFiguresByColumn(_ t: DisclosureTable) -> [VehicleFigures] {
        var out: [VehicleFigures] = []
        let totals = t.columns(.threePublicVehicle)
        for v in totals {
            let purchase = nearest(t.columns(.threePublicVehiclePurchase), to: v)
            let operation = nearest(t.columns(.threePublicVehicleOperation), to: v)
            let label = v.year.map { "\($0)年" + (v.phase?.rawValue ?? "") + "数" } ?? (totals.count > 1 ? v.header : "")
            for row in t.rows {
                out.append(VehicleFigures(
                    total: row.cell(v.index), purchase: purchase.flatMap { row.cell($0.index) },
                    operation: operation.flatMap { row.cell($0.index) }, row: row, column: v, label: label))
            }
        }
        return out
    }

    /// The column of `candidates` of the same year as `v`, closest to it.
    private static func nearest(_ candidates: [Column], to v: Column) -> Column? {
        candidates.filter { $0.year == v.year }.min { abs($0.index - v.index) < abs($1.index - v.index) }
    }

    /// Items as rows: the vehicle rows, per money column (change and rate columns left out).
    private static func vehicleFiguresByRow(_ t: DisclosureTable) -> [VehicleFigures] {
        var total: Row?
        var purchase: Row?
        var operation: Row?
        for row in t.rows {
            switch vehicleItem(row.name) {
            case .threePublicVehicle?: if total == nil { total = row }
            case .threePublicVehiclePurchase?: if purchase == nil { purchase = row }
            case .threePublicVehicleOperation?: if operation == nil { operation = row }
            default: break
            }
        }
        guard let total else { return [] }
        let columns = t.moneyColumns.filter { $0.measure != .change && $0.measure != .rate }
        return columns.map { col in
            VehicleFigures(
                total: total.cell(col.index), purchase: purchase?.cell(col.index), operation: operation?.cell(col.index),
                row: total, column: col, label: columns.count > 1 ? (col.year.map { "\($0)年" + (col.phase?.rawValue ?? "") + "数" } ?? col.header) : "")
        }
    }

    /// Which vehicle item a row label names: 公务用车购置及运行费 / 公务用车费 (total), 公务用车购置费, 公务用车运行维护费.
    static func vehicleItem(_ label: String) -> Measure? {
        var k = stripOrdinals(TextNormalization.key(label))
        k = k.replacing("公车", with: "公务用车")
        guard k.contains("公务用车") else { return nil }
        let both = ["购置及运行", "购置和运行", "购置与运行", "运行及购置", "购置及运维"]
        if both.contains(where: { k.contains($0) }) { return .threePublicVehicle }
        if k.contains("购置") { return .threePublicVehiclePurchase }
        if k.contains("运行") || k.contains("维护") || k.contains("运维") { return .threePublicVehicleOperation }
        return .threePublicVehicle
    }
}

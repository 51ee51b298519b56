import YusuanCore

/// The “三公”经费 section: this year's items as the 三公 table prints them, compared with last year's. The figures are
/// noted now (`c`'s books), the paragraph written from the rounded books.
enum ThreePublicParagraphs {
    static func write(_ c: BuildContext) -> (RoundedBooks) -> [String] {
        let table = c.printing(like: .threePublic)
        let scale = table.scale
        func now(_ items: [Measure]) -> PendingFigure {
            let codes = items.flatMap(ThreePublicTable.economicCodes)
            return table.books.pending(LeafFilter.fund(.generalBudget).and(.economicCodes(Set(codes))))
        }
        let prior = c.budget.priorYear.threePublic
        func before(_ items: [Measure]) -> Amount? {
            guard !prior.isEmpty else { return nil }
            return scale.amount(scale.figure(units: items.map { Ledger.nearest(prior[$0.rawValue]?.fen ?? 0, scale.fen) }.reduce(0, +)))
        }
        let all: [Measure] = [.threePublicOutbound, .threePublicReception, .threePublicVehicleOperation, .threePublicVehiclePurchase]
        let pendingAll = now(all)
        let items: [(name: String, items: [Measure], pending: PendingFigure)] =
            [("因公出国（境）费", [.threePublicOutbound]), ("公务接待费", [.threePublicReception]),
             ("公务用车运行维护费", [.threePublicVehicleOperation]), ("公务用车购置费", [.threePublicVehiclePurchase])]
            .map { name, items in (name, items, now(items)) }
        let writer = NarrativeWriter(c)
        return { rounded in
            func clause(_ name: String, _ items: [Measure], _ n: Amount) -> String {
                let head = n.fen == 0 ? "\(name)0\(c.narrativeUnit.rawValue)" : "\(name)\(writer.money(n))"
                guard let b = before(items) else { return head }
                return head + "，" + writer.change(n, b, subject: "three-public")
                    .replacingOccurrences(of: "，主要原因是", with: "，主要原因是")
            }
            let total = rounded.amount(pendingAll)
            var s = "\(c.year)年“三公”经费预算\(writer.money(total))"
            if let b = before(all) { s += "，" + writer.change(total, b, subject: "three-public") }
            s += "。其中：" + items.map { clause($0.name, $0.items, rounded.amount($0.pending)) }.joined(separator: "；") + "。"
            return [s]
        }
    }
}

/// 机关运行经费, 政府采购, 绩效目标, 国有资产: one paragraph each, keyed by section. The figure is noted now (`c`'s
/// books), the paragraphs written from the rounded books and the project total the narrative states.
enum OtherMatters {
    static func write(_ c: BuildContext) -> (RoundedBooks, _ projectTotal: Amount) -> [(String, String)] {
        let admin = Set(c.budget.units.filter { $0.kind == .administrative }.map(\.code))
        let basic = c.printing(like: .basicExpenditure)
        let pendingOperating = basic.books.pending(LeafFilter.fund(.generalBudget).and(.publicCost).and(.units(admin)))
        let scale = c.printing(like: .procurement).scale
        return { rounded, projectTotal in
            let writer = NarrativeWriter(c)
            let operating = rounded.amount(pendingOperating)
            var out: [(String, String)] = []
            var op = "\(c.year)年一般公共预算财政拨款机关运行经费\(writer.money(operating))"
            if let p = c.budget.priorYear.operatingCost {
                op += "，" + writer.change(operating, basic.scale.amount(basic.scale.nearest(p)), subject: "operating-cost")
            }
            out.append(("operating-costs", op + "。"))
            let items = c.budget.procurement
            func sum(_ list: [ProcurementItem]) -> Amount {
                scale.amount(scale.figure(units: list.map { Ledger.nearest($0.amount.fen, scale.fen) }.reduce(0, +)))
            }
            if items.isEmpty {
                out.append(("procurement", "\(c.year)年无政府采购预算。"))
            } else {
                let parts = ProcurementItem.Kind.allCases.map { k in "政府采购\(k.rawValue)预算\(writer.money(sum(items.filter { $0.kind == k })))" }
                out.append(("procurement", "所属各预算单位政府采购预算总额\(writer.money(sum(items)))：" + parts.joined(separator: "，") + "。"))
            }
            out.append(("performance", "\(c.year)年项目支出均实行了绩效目标管理，涉及一般公共预算当年财政拨款\(writer.money(projectTotal))。"))
            let vehicles = c.budget.vehicles
            let count = vehicles.map(\.count).reduce(0, +)
            let kinds = vehicles.filter { $0.count > 0 }.map { "\($0.kind)\($0.count)辆" }.joined(separator: "、")
            out.append(("assets", "截至\(c.year - 1)年12月，所属各预算单位共有车辆\(count)辆" + (kinds.isEmpty ? "" : "，其中\(kinds)") + "。"))
            return out
        }
    }
}

/// 名词解释.
enum Glossary {
    static let paragraphs = [
        "（一）财政拨款收入：指本级财政当年拨付的资金，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。",
        "（二）基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和日常公用经费。",
        "（三）项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
        "（四）“三公”经费：指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
        "（五）机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的日常公用经费。",
    ]
}

/// 项目经费情况说明 (Shanghai): each project with its amount and what it is for. The amounts are noted now (`c`'s
/// books), the paragraphs written from the rounded books.
enum ProjectParagraphs {
    static func write(_ c: BuildContext) -> (RoundedBooks) -> [String] {
        let projects = c.budget.projects
        guard !projects.isEmpty else { return { _ in ["\(c.year)年无项目支出。"] } }
        let list = c.printing(like: .projectList).books
        let amounts = projects.map { list.pending(.projects([$0.code])) }
        let writer = NarrativeWriter(c)
        return { rounded in
            projects.enumerated().map { i, p in
                var s = "\(i + 1).\(p.name)：\(writer.money(rounded.amount(amounts[i])))"
                let overview = p.overview.trimmed
                if !overview.isEmpty { s += "，" + (overview.hasSuffix("。") ? String(overview.dropLast()) : overview) }
                return s + "。"
            }
        }
    }
}

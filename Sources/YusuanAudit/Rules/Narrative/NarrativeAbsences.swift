import YusuanCore

/// NAR-006: "无…" in the narrative while a table prints figures, and figures cited from a table printed empty.
enum NarrativeAbsences {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        let look = NarrativeLookup(ctx)
        let procurement = ProcurementTable.figures(ctx)
        var findings: [Finding] = []
        var applicable = false
        for s in look.statements {
            switch s.kind {
            case .none:
                if case .procurement(let part) = s.topic, s.scope == .all, let t = procurement[part] {
                    applicable = true
                    guard !t.figure.value.isZero else { continue }
                    findings.append(rule.finding(
                        look.location(s), expected: "0", found: t.figure.value.description,
                        message: "情况说明\(s.quoted)称没有\(look.name(s).zh)，但\(t.zh)印有 \(t.figure.value) \(t.figure.unit.rawValue)。",
                        english: "The narrative says there is no \(look.name(s).en) (\(s.clause)), but \(t.en) prints \(t.figure.value) \(t.figure.unit.english)."))
                    continue
                }
                let facts = look.facts(s.topic, scope: s.scope, year: s.year, phase: s.phase)
                if !facts.isEmpty { applicable = true }
                guard let f = facts.first(where: { !$0.figure.value.isZero }) else { continue }
                let name = look.name(s)
                findings.append(rule.finding(
                    look.location(s), expected: "0", found: f.figure.value.description,
                    message: "情况说明\(s.quoted)称没有\(name.zh)，但\(f.table.displayName)「\(f.column.header)」印有 \(f.figure.value) \(f.figure.unit.rawValue)。",
                    english: "The narrative says there is no \(name.en) (\(s.clause)), but \(f.table.displayName) prints \(f.figure.value) \(f.figure.unit.english)."))
            case .noFund(let fund):
                let printed = fundFacts(ctx, fund: fund)
                if !printed.isEmpty { applicable = true }
                let all = ctx.facts.all
                guard let i = printed.first(where: { !all[$0].figure.value.isZero }) else { continue }
                let f = all[i]
                let zh = fund == .govFund ? "政府性基金" : "国有资本经营预算"
                let en = fund == .govFund ? "government funds" : "state capital operation funds"
                findings.append(rule.finding(
                    look.location(s), expected: "0", found: f.figure.value.description,
                    message: "情况说明\(s.quoted)称没有\(zh)，但\(f.table.displayName)「\(f.row.label)」印有 \(f.figure.value) \(f.figure.unit.rawValue)。",
                    english: "The narrative says there are no \(en) (\(s.clause)), but \(f.table.displayName) prints \(f.figure.value) \(f.figure.unit.english) on “\(f.row.label)”."))
            case .level:
                guard let stated = s.figure, !stated.value.isZero else { continue }
                let facts = look.facts(s.topic, scope: s.scope, year: s.year, phase: s.phase)
                if !facts.isEmpty { applicable = true }
                let empty: DisclosureTable?
                if let f = facts.first {
                    empty = facts.allSatisfy({ $0.blank && $0.table.hasNoData }) ? f.table : nil
                } else {
                    empty = emptiedTable(s, ctx: ctx)
                    if empty != nil { applicable = true }
                }
                guard let table = empty else { continue }
                let name = look.name(s)
                findings.append(rule.finding(
                    look.location(s), expected: "0", found: stated.value.description,
                    message: "情况说明\(s.quoted)列出\(name.zh) \(stated.value) \(stated.unit.rawValue)，但\(table.displayName)为空表。",
                    english: "The narrative states \(name.en) of \(stated.value) \(stated.unit.english) (\(s.clause)), but \(table.displayName) is printed empty."))
            default:
                continue
            }
        }
        if findings.isEmpty && !applicable {
            return .notApplicable(reason: "the narrative says nothing is absent that a table prints")
        }
        return .ran(findings)
    }

    /// The table a statement's figure belongs in, printed without rows of figures ("本表无数据"): a
    /// government-fund or state-capital figure, or a 三公 one, when that table holds no data at all.
    static func emptiedTable(_ s: NarrativeStatement, ctx: AuditContext) -> DisclosureTable? {
        guard s.phase == ctx.disclosure.phase, s.year == ctx.year, case .fact = s.topic else { return nil }
        let kind: TableKind
        if s.topic?.isThreePublic == true {
            kind = .threePublic
        } else if s.scope == .govFund {
            kind = .govFundExpenditure
        } else if s.scope == .stateCapital {
            kind = .stateCapitalExpenditure
        } else {
            return nil
        }
        let tables = ctx.disclosure.tables(kind)
        guard let first = tables.first, tables.allSatisfy(\.hasNoData) else { return nil }
        return first
    }

    /// Every printing of the fund in the document's year (its tables, its columns, its income rows), as indices
    /// of `ctx.facts.all`: the facts are read in place, not copied into an array of their own.
    static func fundFacts(_ ctx: AuditContext, fund: FundScope) -> [Int] {
        let income: Measure = fund == .govFund ? .govFund : .stateCapital
        let all = ctx.facts.all
        return all.indices.filter { i in
            (all[i].quantity.scope == fund || all[i].quantity.subject == .income(income))
                && all[i].quantity.year == ctx.year && all[i].quantity.phase == ctx.disclosure.phase
        }
    }
}

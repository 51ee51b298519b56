import YusuanCore

/// 增减金额 and 增减幅度 columns against the two years they compare.
enum ChangeColumns {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        var findings: [Finding] = []
        var applicable = false
        for table in ctx.grids {
            let years = table.moneyColumns.filter { $0.year != nil && $0.measure != .change && $0.measure != .rate }
            guard let change = table.columns.first(where: { $0.measure == .change }),
                  let this = years.max(by: { ($0.year ?? 0) < ($1.year ?? 0) }),
                  let last = years.min(by: { ($0.year ?? 0) < ($1.year ?? 0) }), this.year != last.year else { continue }
            applicable = true
            let rate = table.columns.first { $0.measure == .rate }
            for row in table.rows {
                guard let a = table.figure(row, this), let b = table.figure(row, last), let c = table.figure(row, change) else { continue }
                let diff = a.value - b.value
                if diff != c.value.rescaled(to: c.value.scale).map({ $0 }) ?? c.value, !(table.isBlank(row, change) && diff.isZero) {
                    let scale = max(a.value.scale, b.value.scale, c.value.scale)
                    let zh = "\(row.label)：增减金额应为 \(a.value.formatted(digits: scale)) − \(b.value.formatted(digits: scale)) = \(diff.formatted(digits: scale))，表中为 \(c.value.formatted(digits: scale))。"
                    let en = "\(row.label): the change should be \(a.value.formatted(digits: scale)) − \(b.value.formatted(digits: scale)) = \(diff.formatted(digits: scale)); the table prints \(c.value.formatted(digits: scale))."
                    findings.append(rule.finding(ctx.location(table, row: row, column: change), expected: diff.formatted(digits: scale),
                                                 found: c.value.formatted(digits: scale), message: zh, english: en))
                }
                guard let rate, let printed = row.cell(rate.index)?.number, !b.value.isZero,
                      let exact = diff.percent(of: b.value, digits: printed.value.scale) else { continue }
                if exact != printed.value {
                    let zh = "\(row.label)：增减幅度应为 \(diff.formatted(digits: max(diff.scale, 2))) ÷ \(b.value) = \(exact)%，表中为 \(printed.value)%。"
                    let en = "\(row.label): the rate should be \(diff) ÷ \(b.value) = \(exact)%; the table prints \(printed.value)%."
                    findings.append(rule.finding(ctx.location(table, row: row, column: rate), expected: "\(exact)%", found: "\(printed.value)%",
                                                 message: zh, english: en))
                }
            }
        }
        return applicable ? .ran(findings) : .notApplicable(reason: "no table with a change column")
    }
}

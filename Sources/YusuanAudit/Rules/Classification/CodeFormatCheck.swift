import YusuanCore

/// CLS-001: printed classification codes are 3/5/7 digits (functional) or 3/5 (economic);
/// a code whose parent line is missing from a table that shows the hierarchy is a notice.
enum CodeFormatCheck {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        var findings: [Finding] = []
        var applicable = false
        for table in PrintedCodes.tables(ctx) {
            let columns = PrintedCodes.codeColumns(table)
            let hasPrinted = table.rows.contains { $0.codePrinted }
            guard !columns.isEmpty || hasPrinted else { continue }
            applicable = true
            if let split = PrintedCodes.splitColumns(table) {
                findings += splitColumns(ctx, table, split, rule: rule)
            } else if let column = columns.first {
                findings += codeColumn(ctx, table, column, rule: rule)
            } else {
                findings += namePrefixes(ctx, table, rule: rule)
            }
            findings += missingParents(ctx, table, rule: rule)
        }
        return applicable ? .ran(findings) : .notApplicable(reason: "no table prints classification codes")
    }

    static func isCJK(_ c: Character) -> Bool {
        c.unicodeScalars.contains { $0.value >= 0x2E80 }
    }

    /// 3/5/7 digits; a 7-digit code is functional, so it starts with 2 (expenditure) or 1 (revenue).
    static func isValid(_ t: String) -> Bool {
        guard let code = ClassificationCode.parse(t) else { return false }
        // The parsed digits are ASCII: a byte is a character.
        let first = code.digits.utf8.first
        return code.digits.utf8.count != 7 || first == 0x32 || first == 0x31  // "2", "1"
    }

    /// What a code of this first digit should look like.
    static func expectedLength(_ digits: String) -> (zh: String, en: String) {
        digits.hasPrefix("3") || digits.hasPrefix("5")
            ? ("3 或 5 位数字（经济分类类/款）", "3 or 5 digits (economic 类/款)")
            : ("3、5 或 7 位数字（功能分类类/款/项）", "3, 5 or 7 digits (functional 类/款/项)")
    }

    static func codeColumn(_ ctx: AuditContext, _ table: DisclosureTable, _ column: Column, rule: Rule) -> [Finding] {
        let unitsToo = TextNormalization.key(column.header).contains("单位")
        var out: [Finding] = []
        // Rows read in place (not a copy of each, `for row in`).
        table.rows.forEachInPlace { row in
            // The text is read where it lies (not out of a copy of the cell, `row.cell(_:)`). A valid code (most
            // cells) is passed first, before the text is made half-width and trimmed: the code is read from the text
            // made so, and so is valid exactly when `t` is.
            guard column.index < row.cells.count, !isValid(row.cells[column.index].text) else { return }
            let t = TextNormalization.halfWidth(row.cells[column.index].text).trimmed
            // Ten characters or more is a project or unit code, never a mistyped 科目 code.
            guard !t.isEmpty, t.count < 10, t.contains(where: { $0.isASCII && $0.isNumber }),
                  !t.contains(where: isCJK) else { return }
            let location = ctx.location(table, row: row, column: column)
            let name = "\(PrintedCodes.shortName(table))“\(row.name)”行"
            if t.allSatisfy({ $0.isASCII && $0.isNumber }) {
                // A 单位/科目 column also prints unit codes: only a line named as a 科目 must carry a 科目 code.
                if unitsToo && !PrintedCodes.isSubjectName(row.name, ctx) { return }
                let exp = expectedLength(t)
                out.append(rule.finding(location, expected: exp.zh, found: "\(t.count) 位",
                    message: "\(name)的科目编码“\(t)”为 \(t.count) 位，科目编码应为 \(exp.zh)。",
                    english: "The classification code \(t) (row \(row.name)) has \(t.count) digits; codes have \(exp.en)."))
                return
            }
            let squeezed = t.filter { $0.isASCII && $0.isNumber }
            if isValid(squeezed), t.allSatisfy({ ($0.isASCII && $0.isNumber) || " -.·".contains($0) }) {
                out.append(rule.finding(location, expected: squeezed, found: t,
                    message: "\(name)的科目编码印作“\(t)”，中间夹有空格或分隔符，应为连续数字 \(squeezed)。",
                    english: "The classification code of row \(row.name) is printed “\(t)” with separators; it should read \(squeezed).",
                    severity: .notice))
            } else {
                out.append(rule.finding(location, expected: "只含数字", found: t,
                    message: "\(name)的科目编码“\(t)”含有数字以外的字符，不是有效的科目编码。",
                    english: "The classification code “\(t)” of row \(row.name) holds characters other than digits; it is not a valid code."))
            }
        }
        return out
    }

    /// 类 | 款 | 项 printed in three columns: 3, 2 and 2 digits.
    static func splitColumns(_ ctx: AuditContext, _ table: DisclosureTable, _ columns: [Column], rule: Rule) -> [Finding] {
        var out: [Finding] = []
        for row in table.rows {
            for column in columns {
                let t = TextNormalization.halfWidth(row.cell(column.index)?.text ?? "").trimmed
                guard !t.isEmpty, !t.contains(where: isCJK) else { continue }
                let want = column.leaf == "类" ? 3 : 2
                if t.count == want && t.allSatisfy({ $0.isASCII && $0.isNumber }) { continue }
                out.append(rule.finding(ctx.location(table, row: row, column: column), expected: "\(want) 位数字", found: t,
                    message: "\(PrintedCodes.shortName(table))“\(row.name)”行的“\(column.leaf)”编码“\(t)”应为 \(want) 位数字。",
                    english: "The \(column.leaf) part “\(t)” of row \(row.name) should be \(want) digits."))
            }
        }
        return out
    }

    /// No code column: a name that starts with a digit run of the wrong length ("201030 信访事务").
    static func namePrefixes(_ ctx: AuditContext, _ table: DisclosureTable, rule: Rule) -> [Finding] {
        table.rows.compactMap { row in
            if row.codePrinted, let code = row.code {
                guard !isValid(code.digits) else { return nil }
                let exp = expectedLength(code.digits)
                return rule.finding(ctx.location(table, row: row), expected: exp.zh, found: "\(code.digits.count) 位",
                    message: "\(PrintedCodes.shortName(table))“\(row.label)”行的科目编码“\(code.digits)”为 \(code.digits.count) 位，科目编码应为 \(exp.zh)。",
                    english: "The code \(code.digits) of row \(row.label) has \(code.digits.count) digits; codes have \(exp.en).")
            }
            let name = TextNormalization.halfWidth(row.name).trimmed
            let digits = name.prefix { $0.isASCII && $0.isNumber }
            let next = name.dropFirst(digits.count).first
            guard digits.count >= 4, digits.count <= 9, ![5, 7].contains(digits.count),
                  let n = next, n == " " || isCJK(n), !"年月日号元万个名".contains(n) else { return nil }
            let exp = expectedLength(String(digits))
            return rule.finding(ctx.location(table, row: row), expected: exp.zh, found: "\(digits.count) 位",
                message: "\(PrintedCodes.shortName(table))“\(row.name)”行名称前的编码“\(digits)”为 \(digits.count) 位，科目编码应为 \(exp.zh)。",
                english: "The code “\(digits)” before the name of row \(row.name) has \(digits.count) digits; codes have \(exp.en).")
        }
    }

    /// A 款 or 项 whose parent line is missing, in a table that prints higher levels of the same scheme.
    static func missingParents(_ ctx: AuditContext, _ table: DisclosureTable, rule: Rule) -> [Finding] {
        var reported = Set<ClassificationCode>()
        var out: [Finding] = []
        for (i, code, parent) in parentless(table.rows) where reported.insert(parent).inserted {
            let row = table.rows[i]
            let column = PrintedCodes.codeColumns(table).first
            out.append(rule.finding(ctx.location(table, row: row, column: column),
                expected: "\(parent.digits)（\(parent.levelName)）", found: "缺",
                message: "\(PrintedCodes.shortName(table))列有\(code.levelName) \(row.label)，却没有其所属的\(parent.levelName) \(parent.digits) 一行。",
                english: "\(PrintedCodes.shortNameEnglish(table)) prints the \(code.levelName) \(row.label) without its parent \(parent.levelName) \(parent.digits).",
                severity: .notice))
        }
        return out
    }

    /// The rows, in order, whose printed code has a parent no row carries, in rows that carry a code of a higher level
    /// of the same scheme: each with its code and that parent.
    static func parentless(_ rows: [Row]) -> [(row: Int, code: ClassificationCode, parent: ClassificationCode)] {
        // The last code seen at each level (1–3): a table lists a parent before its children, so a code's parent is
        // nearly always the last code of the level above, found without hashing every code of the table. Any other
        // is looked up among all the codes, gathered only then.
        var last: [ClassificationCode?] = [nil, nil, nil, nil]
        var all: (codes: [ClassificationCode], present: Set<ClassificationCode>)?
        var out: [(row: Int, code: ClassificationCode, parent: ClassificationCode)] = []
        for i in rows.indices {
            guard let code = rows[i].code else { continue }
            defer { last[code.level] = code }
            guard rows[i].codePrinted, let parent = code.parent, last[parent.level] != parent else { continue }
            let (codes, present) = all ?? {
                let codes = rows.compactMap(\.code)
                return (codes, Set(codes))
            }()
            all = (codes, present)
            guard !present.contains(parent), codes.contains(where: { $0.scheme == code.scheme && $0.level < code.level }) else { continue }
            out.append((i, code, parent))
        }
        return out
    }
}

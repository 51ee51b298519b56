import Testing
import YusuanTestSupport
@testable import YusuanCore
@testable import YusuanIngest

/// `FormBuilder.isLabelCell` and `GridBuilder.splitJoinedHeadings` turn a cell away on its first scalar without keying
/// it (`TextNormalization.keyMayStart`, round 35): the label test must give what keying the cell and testing the key
/// (`isLabel(key(cell))`, the old definition) gives, a field line's fields and a header's split headings must be
/// what they were, on random cells made of the pieces where keying, canonical equivalence and bytes part ways.
@Suite struct KeyStartPrecheckTests {
    static let pieces = [
        "项目名称", "项目", "项", "年度目标", "年", "立项依据", "立", "部门(单位)名称", "单位", "其中:财政拨款", "其中：", "总体目标",
        "\u{F98E}", "\u{F9F7}", "（", "(", "[", "]", "【", "“", "\"", "'", "‘", " ", "\u{3000}", "\t", "\u{00A0}", "\u{0301}",
        "\u{FF21}", "1", "１", "a", "-", ":", "万元", "资金", "\r\n", "😀", "一", "科目名称", "名称", "科目", "决算数", "金额", "数",
        "单位", "金额单位", "(单位", "（单位", "：元", ":万元", "\u{F95E}",
    ]

    static func randomCell(_ rng: inout SeededRandom) -> String {
        (0..<Int.random(in: 0...4, using: &rng)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
    }

    /// The fields of a line as they were made before (every cell keyed).
    static func referenceFields(_ line: RawLine) -> [FormField] {
        let cells = line.cells.map { $0.trimmed }
        var out: [FormField] = []
        var i = 0
        while i < cells.count {
            let k = TextNormalization.key(cells[i])
            if !k.isEmpty, FormBuilder.isLabel(k) {
                var j = i + 1
                while j < cells.count && cells[j].isEmpty { j += 1 }
                let value = j < cells.count && !FormBuilder.isLabel(TextNormalization.key(cells[j])) ? cells[j] : ""
                out.append(FormField(label: TextNormalization.compactChinese(cells[i]), value: value,
                                     location: SourceLocation(line: line.location.line, page: line.location.page, sheet: line.location.sheet, column: i)))
                i = value.isEmpty ? i + 1 : j + 1
            } else {
                i += 1
            }
        }
        return out
    }

    @Test func labelCellIsTheKeyedTest() {
        var rng = SeededRandom(seed: 35)
        var labels = 0
        for _ in 0..<20_000 {
            let cell = Self.randomCell(&rng)
            let want = FormBuilder.isLabel(TextNormalization.key(cell))
            if want { labels += 1 }
            #expect(FormBuilder.isLabelCell(cell) == want, "\(Array(cell.unicodeScalars))")
        }
        #expect(labels > 500)  // the random cells reach the labels, not only the values
        for label in FormBuilder.fieldLabels { #expect(FormBuilder.isLabelCell(label) && FormBuilder.isLabelCell(" " + label)) }
        #expect(FormBuilder.isLabelCell("\u{F98E}度目标"))  // a compatibility ideograph is canonically 年
        #expect(!FormBuilder.isLabelCell("1项目名称") && !FormBuilder.isLabelCell("名称"))
    }

    @Test func fieldsAreTheKeyedFields() {
        var rng = SeededRandom(seed: 36)
        for n in 0..<5_000 {
            let cells = (0..<Int.random(in: 0...6, using: &rng)).map { _ in Self.randomCell(&rng) }
            let line = RawLine(cells: cells, location: SourceLocation(line: n))
            var got: [FormField] = []
            FormBuilder.fields(line, into: &got)
            let want = Self.referenceFields(line)
            #expect(got == want, "\(cells)")
            #expect(got.map { Array($0.label.utf8) + [0] + Array($0.value.utf8) } == want.map { Array($0.label.utf8) + [0] + Array($0.value.utf8) })
        }
    }

    /// `splitJoinedHeadings` as it was, every cell keyed.
    static func referenceSplit(_ header: [[String]], data: [[String]]) -> [[String]] {
        let labelHeadings = ["科目名称", "项目名称", "项目", "科目", "名称"]
        func isFigureColumn(_ c: Int) -> Bool {
            let values = data.map { c < $0.count ? $0[c].trimmed : "" }.filter { !$0.isEmpty }
            return !values.isEmpty && values.allSatisfy { NumberParser.parse($0) != nil && ClassificationCode.parse($0) == nil || LayoutSegments.isFigureWord($0) }
        }
        var out = header
        for r in out.indices {
            for c in out[r].indices {
                let key = TextNormalization.key(out[r][c])
                guard let label = labelHeadings.first(where: { key.hasTextPrefix($0) && key.count > $0.count }) else { continue }
                let rest = String(key.dropFirst(label.count))
                guard rest.hasSuffix("数") || rest.contains("金额"), !isFigureColumn(c) else { continue }
                var k = c + 1
                while k < out[r].count, !isFigureColumn(k), out[r][k].trimmed.isEmpty { k += 1 }
                guard k < out[r].count, isFigureColumn(k), out[r][k].trimmed.isEmpty else { continue }
                out[r][c] = label
                out[r][k] = rest
            }
        }
        return out
    }

    @Test func joinedHeadingsSplitAsKeyed() {
        var rng = SeededRandom(seed: 37)
        var split = 0
        let figures = ["1,234.56", "95.00", "", "2,000"]
        for _ in 0..<3_000 {
            let width = Int.random(in: 1...4, using: &rng)
            // Joined headings ("项目决算数", spelled in the pieces' ways) or any cell, over empty ones.
            let joined = ["项目", "科目名称", "名称", "（项目", " 项目", "\u{F9F7}项", "“科目", "\"项目", "'名称"]
            let ends = ["决算数", "金额", "数", " 数", "(万元)", ""]
            let header = (0..<Int.random(in: 1...2, using: &rng)).map { _ in
                (0..<width).map { _ -> String in
                    switch Int.random(in: 0..<4, using: &rng) {
                    case 0: return ""
                    case 1: return Self.randomCell(&rng)
                    default: return joined[Int.random(in: 0..<joined.count, using: &rng)] + ends[Int.random(in: 0..<ends.count, using: &rng)]
                    }
                }
            }
            let data = (0..<2).map { _ in (0..<width).map { c in c == 0 || Int.random(in: 0..<5, using: &rng) == 0 ? "一、支出" : figures[Int.random(in: 0..<figures.count, using: &rng)] } }
            let got = GridBuilder.splitJoinedHeadings(header, data: data), want = Self.referenceSplit(header, data: data)
            if want.map({ $0.map { Array($0.utf8) } }) != header.map({ $0.map { Array($0.utf8) } }) { split += 1 }
            #expect(got.map { $0.map { Array($0.utf8) } } == want.map { $0.map { Array($0.utf8) } }, "\(header)")
        }
        #expect(split > 20)  // headings are split, not only passed over
    }

    /// `unitLine` as it was, every label that may hold 单 keyed.
    static func referenceUnitLine(_ labels: [String]) -> MoneyUnit? {
        let counted = labels.filter { $0 != "?" }
        guard !counted.isEmpty, counted.count <= 3 else { return nil }
        for c in counted {
            let k = TextNormalization.key(c)
            if (k.hasPrefix("单位") || k.hasPrefix("金额单位") || k.hasPrefix("(单位")) && k.count <= 12 { return MoneyUnit.find(in: k) }
        }
        return nil
    }

    @Test func unitLinesAsKeyed() {
        var rng = SeededRandom(seed: 38)
        var units = 0
        for _ in 0..<10_000 {
            let labels = (0..<Int.random(in: 1...3, using: &rng)).map { _ in Self.randomCell(&rng) }.map(\.trimmed).filter { !$0.isEmpty }
            let want = Self.referenceUnitLine(labels)
            if want != nil { units += 1 }
            #expect(TableTitles.unitLine(labels: labels) == want, "\(labels)")
        }
        #expect(units > 100)
    }
}

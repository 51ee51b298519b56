import Testing
@testable import YusuanAudit
import YusuanCore
import YusuanIngest
import YusuanTestSupport

/// Round 11's shortcuts in the rules give what the steps they replace gave: the codes found once per audit,
/// the indicator operators read with a first-scalar check, the additive columns without joining headers.
@Suite struct ReadOnceRulesTests {
    @Test func codesFoundOnceAreTheCodesFoundAfresh() throws {
        let d = try Recogniser.recognise(TextReader.read(Fixtures.text("Examples/tongnan-xinfang-2022-budget.txt"), source: "seed"))
        let ctx = AuditContext(disclosure: d, profile: nil)
        for derived in [false, true] {
            let kept = PrintedCodes.all(ctx, derived: derived), fresh = PrintedCodes.find(d, derived: derived)
            #expect(!kept.isEmpty)
            #expect(kept.map(\.code.digits) == fresh.map(\.code.digits))
            #expect(kept.map(\.name) == fresh.map(\.name))
            #expect(kept.map(\.printed) == fresh.map(\.printed))
            #expect(kept.map(\.row) == fresh.map(\.row))
            #expect(kept.map(\.table.title) == fresh.map(\.table.title))
            #expect(kept.map(\.key) == kept.map { TextNormalization.key($0.name) })
        }
        #expect(PrintedCodes.all(ctx, derived: true).count > PrintedCodes.all(ctx, derived: false).count)
    }

    static let values = ["≥95%", "≧ 90", ">=3", "大于等于5", "不低于90%", "不少于2次", "≤1", "≦2", "<=3", "小于等于4",
                         "不高于5", "不超过6", ">7", "大于8", "<9", "小于10", "=11", "等于12", "好", "", " ", "95%",
                         "＞＝3", "\u{F967}低于5", "大\u{301}于5", "≥\u{338}5", ">\u{338}5", "一", "abc", "=\r\n"]

    @Test func operatorsAreReadAsBefore() {
        for v in Self.values {
            #expect(IndicatorText.operatorSymbol(v) == Self.referenceOperator(v), "\(v)")
            let got = IndicatorText.parseValue(v), want = Self.referenceParseValue(v)
            #expect(got.value == want.value && got.op == want.op && got.unit == want.unit, "\(v)")
        }
    }

    /// Pieces of value cells: digits, separators and units, with what joins or looks like them (combining marks,
    /// full-width digits, CR LF, a zero-width joiner) and operator symbols.
    static let valuePieces = ["1", "9", "0", ".", ",", "%", "万元", "人次", " ", "\u{301}", "\u{200D}", "１", "\r", "\n",
                              "≥", ">=", "<", "=", "好", "-", "e", "\u{E9}", "٣"]

    /// `parseValue` reads the number and the rest on bytes when it can; it must read what the characters read.
    @Test func valuesAgreeWithTheCharacterReading() {
        var rng = SeededRandom(seed: 33)
        for _ in 0..<20_000 {
            var v = ""
            for _ in 0..<Int.random(in: 0...6, using: &rng) { v += Self.valuePieces.randomElement(using: &rng) ?? "" }
            let got = IndicatorText.parseValue(v), want = Self.referenceParseValue(v)
            #expect(got.value == want.value && got.op == want.op && got.unit == want.unit, "\(v.unicodeScalars.map { $0.value })")
        }
    }

    @Test func additiveColumnsSkipOfWhichHeadings() {
        func column(_ i: Int, _ path: [String]) -> Column {
            var c = Column(index: i, headerPath: path, role: .money)
            c.measure = .total
            return c
        }
        let columns = [column(0, ["合计"]), column(1, ["其中", "基本"]), column(2, ["项目", "其中：专项"]), column(3, ["其", "中"])]
        let table = DisclosureTable(kind: .other, title: "t", attachment: nil, unit: .yuan, unitDeclared: true,
                                    columns: columns, rows: [], location: SourceLocation())
        #expect(table.additiveColumns.map(\.index) == columns.filter { !$0.header.contains("其中") }.map(\.index))
        #expect(table.additiveColumns.map(\.index) == [0, 3])
    }

    /// `operatorSymbol` and `parseValue` as they were before round 11 (Swift's `hasPrefix` over every word).
    static func referenceOperator(_ raw: String) -> String? {
        let t = TextNormalization.key(raw)
        if t.isEmpty { return nil }
        for (word, symbol) in IndicatorText.operatorWords where t.hasPrefix(word) { return symbol }
        return nil
    }

    static func referenceParseValue(_ raw: String) -> (value: Fixed?, op: String?, unit: String) {
        var s = TextNormalization.halfWidth(raw).trimmed
        var op: String?
        for prefix in ["≥", "≧", ">=", "≤", "≦", "<=", ">", "<", "="] where s.hasPrefix(prefix) {
            op = referenceOperator(prefix)
            s = String(s.dropFirst(prefix.count)).trimmed
            break
        }
        let numeric = s.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
        let rest = String(s.dropFirst(numeric.count)).trimmed
        guard !numeric.isEmpty, let n = NumberParser.parse(String(numeric)),
              !rest.contains(where: { $0.isASCII && $0.isNumber }) else { return (nil, op, "") }
        return (n.value, op, rest)
    }
}

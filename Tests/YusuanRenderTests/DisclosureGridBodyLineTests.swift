import Testing
@testable import YusuanCore
@testable import YusuanRender

/// The text writer takes a table's body lines one at a time (`tables(of:keepingBodies: false)` and `eachBodyLine`),
/// laid out into one reused line, instead of the grid's kept `body`. On random disclosures (tables alone, forms,
/// 收入 | 支出 pairs; code and name cells blank or printed, rows with codes, ordinals and totals) every grid must
/// hand over the lines the kept grid holds, in order, and agree with it in everything else.
@Suite struct DisclosureGridBodyLineTests {
    static let roles: [ColumnRole] = [.code, .name, .serial, .unit, .text, .money, .percent]
    static let texts = ["", " ", "合计", "一、基本支出", "(一)工资福利支出", "2010301", "201", "1,234.56", "-0.01",
                        "行政运行", "\u{3000}", "其中：", "30101"]
    static let names = ["", "合计", "一、基本支出", "1.行政运行", "行政运行", "其中：人员经费", "总计"]
    static let codes: [String?] = [nil, "201", "20103", "2010301", "30101"]

    static func table(_ random: inout SplitMix64, kind: TableKind, side: TableSide) -> DisclosureTable {
        let width = 1 + random.below(6)
        let columns = (0..<width).map { i in
            Column(index: i, headerPath: (0..<random.below(3)).map { ["项目", "金额", "基本支出"][$0] },
                   role: roles[random.below(roles.count)])
        }
        let rows = (0..<random.below(12)).map { _ -> Row in
            let code = codes[random.below(codes.count)]
            let cells = (0..<random.below(width + 2)).map { _ in Cell(text: texts[random.below(texts.count)], location: SourceLocation()) }
            return Row(code: code.flatMap(ClassificationCode.parse), codePrinted: random.below(2) == 0,
                       name: names[random.below(names.count)], kind: [.item, .subtotal, .grandTotal, .ofWhich][random.below(4)],
                       outline: random.below(3) == 0 ? nil : random.below(5), cells: cells, location: SourceLocation())
        }
        let fields = kind == .projectPerformance
            ? (0..<random.below(3)).map { _ in FormField(label: "项目名称", value: names[random.below(names.count)], location: SourceLocation()) }
            : []
        return DisclosureTable(kind: kind, side: side, title: "表", attachment: "1", unit: .wanYuan, unitDeclared: true,
                               columns: columns, rows: rows, notes: random.below(2) == 0 ? [] : ["注"],
                               location: SourceLocation(), fields: fields)
    }

    @Test func bodyLinesLaidOutOneAtATimeAreTheKeptOnes() {
        var random = SplitMix64(seed: 29)
        for _ in 0..<300 {
            var tables: [DisclosureTable] = []
            for _ in 0..<random.below(5) {
                switch random.below(4) {
                case 0: tables.append(Self.table(&random, kind: .projectPerformance, side: .whole))
                case 1: tables += [Self.table(&random, kind: .budgetSummary, side: .income),
                                   Self.table(&random, kind: .budgetSummary, side: .expenditure)]
                default: tables.append(Self.table(&random, kind: [.expenditureSummary, .projectList][random.below(2)], side: .whole))
                }
            }
            let d = Disclosure(title: "t", department: nil, year: nil, phase: .budget, tables: tables, narrative: [], source: "test")
            let kept = DisclosureGrid.tables(of: d), streamed = DisclosureGrid.tables(of: d, keepingBodies: false)
            #expect(kept.count == streamed.count)
            for (k, s) in zip(kept, streamed) {
                var lines: [DisclosureGrid.Line] = []
                s.eachBodyLine { lines.append($0) }
                #expect(lines.map(\.slots) == k.body.map(\.slots))
                #expect(lines.map(\.kind) == k.body.map(\.kind))
                #expect(lines.map(\.level) == k.body.map(\.level))
                var keptLines: [DisclosureGrid.Line] = []
                k.eachBodyLine { keptLines.append($0) }
                #expect(keptLines.map(\.slots) == k.body.map(\.slots))
                #expect(s.header.map(\.slots) == k.header.map(\.slots) && s.fields.map(\.slots) == k.fields.map(\.slots))
                #expect(s.title == k.title && s.width == k.width && s.notes == k.notes && s.unitText == k.unitText)
            }
        }
    }
}

import Foundation
import PropertyBased
import Testing
@testable import YusuanBuild
import YusuanCore

/// Money cells are built from the exact figure (`FigureFormat.cell`) instead of parsing the formatted text
/// back: the cell must be the one parsing gives, to the figure's scale and its encoded form.
@Suite struct GridCellTests {
    static func expectSameAsParsed(_ value: Fixed, _ format: FigureFormat, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let built = format.cell(value)
        let parsed = Cell(text: format.text(value), location: SourceLocation())
        #expect(built.text == parsed.text, sourceLocation: sourceLocation)
        #expect(built == parsed, "\(value) at \(format)", sourceLocation: sourceLocation)
        #expect(built.number?.value.mantissa == parsed.number?.value.mantissa, sourceLocation: sourceLocation)
        #expect(built.number?.value.scale == parsed.number?.value.scale, sourceLocation: sourceLocation)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(built) == encoder.encode(parsed), sourceLocation: sourceLocation)
    }

    @Test func randomFiguresPrintAndReadAsParsed() async {
        await propertyCheck(count: 2_000, input: Gen.int64(in: -9_999_999_999_999...9_999_999_999_999), Gen.int(in: 0...8), Gen.int(in: 0...6), Gen.bool) { mantissa, scale, digits, grouping in
            try Self.expectSameAsParsed(Fixed(mantissa: mantissa, scale: scale), FigureFormat(digits: digits, grouping: grouping))
        }
    }

    @Test func edgeFigures() throws {
        let values: [Fixed] = [Fixed(mantissa: 1, scale: 2), Fixed(mantissa: -1, scale: 2), Fixed(mantissa: 5, scale: 3),
                               Fixed(mantissa: -5, scale: 3), Fixed(mantissa: 4, scale: 3), Fixed(mantissa: -4, scale: 3),
                               Fixed(mantissa: 999_995, scale: 4), Fixed(mantissa: 123_456_789, scale: 0),
                               Fixed(mantissa: Int64.max, scale: 2), Fixed(mantissa: Int64.min + 1, scale: 2), Fixed(mantissa: Int64.max, scale: 0)]
        for value in values {
            for digits in 0...6 { for grouping in [false, true] { try Self.expectSameAsParsed(value, FigureFormat(digits: digits, grouping: grouping)) } }
        }
    }

    /// A built table's money cells hold the figures the grid was given, as printed.
    @Test func gridMoneyCellsCarryTheirFigures() throws {
        var grid = Grid(kind: .other, title: "表", columns: [.code, .name, .money(["合计"]), .money(["基本支出"])])
        grid.lines = [Grid.Line(code: "201", name: "一般公共服务支出", kind: .item,
                                values: [nil, nil, .fixed(Fixed(mantissa: 123_456, scale: 2)), .fixed(.zero)]),
                      Grid.Line(code: nil, name: "合计", kind: .subtotal, values: [nil, nil, .fixed(Fixed(mantissa: -7, scale: 2)), nil])]
        let table = grid.table(Books(ledger: Ledger([]), recorder: nil))
        #expect(table.rows[0].cells.map(\.text) == ["201", "一般公共服务支出", "1234.56", ""])
        #expect(table.rows[0].number(2) == Fixed(mantissa: 123_456, scale: 2))
        #expect(table.rows[0].cells[3].number == nil)
        #expect(table.rows[1].cells[2].text == "-0.07")
        #expect(table.rows[1].number(2) == Fixed(mantissa: -7, scale: 2))
        #expect(table.rows[0].cells[0].number == NumberParser.parse("201"))
    }
}

import Testing
import YusuanCore
@testable import YusuanIngest

/// A PDF's side heading ("支出", centred over the expenditure side of a 收支总表) that ends where the
/// figures of a found column begin — a right-aligned figure's left edge moves a grid column with the
/// font's digit widths — is not a column of its own; a heading clear of every figure column, with no
/// figures under it (an empty 上级专项 column), still is.
@Suite struct HeadedColumnsTouchTests {
    typealias Anchor = LayoutColumns.Anchor

    static func line(_ n: Int, _ cells: [(String, Range<Int>)]) -> RawLine {
        RawLine(cells: cells.map(\.0), location: SourceLocation(line: n, page: 1), spans: cells.map(\.1))
    }

    static let figures = [
        Anchor(isFigure: false, edge: 9, lower: 9, upper: 29), Anchor(isFigure: true, edge: 45, lower: 40, upper: 45),
        Anchor(isFigure: false, edge: 48, lower: 48, upper: 68), Anchor(isFigure: true, edge: 89, lower: 84, upper: 89),
        Anchor(isFigure: true, edge: 98, lower: 93, upper: 98),
    ]

    @Test func aSideHeadingTouchingAColumnsFiguresIsNoColumn() {
        let header = [
            Self.line(1, [("收入", 25..<29), ("支出", 80..<84)]),
            Self.line(2, [("项目", 21..<25), ("预算数", 39..<45), ("支出科目", 60..<68), ("合计", 84..<88), ("一般公共预算", 92..<98)]),
        ]
        let out = HeadedColumns.add(to: Self.figures, header: header)
        #expect(out.filter(\.isFigure).map(\.edge) == [45, 89, 98])
    }

    /// With an empty column beside (more headings than figure columns, so headings are looked at one by
    /// one): 上级专项 is added, the side heading is not.
    @Test func anEmptyColumnIsFoundByItsHeadingButNotTheSideHeading() {
        let header = [
            Self.line(1, [("收入", 25..<29), ("支出", 80..<84)]),
            Self.line(2, [("项目", 21..<25), ("预算数", 39..<45), ("支出科目", 60..<68), ("合计", 84..<88), ("一般公共预算", 92..<98),
                          ("上级专项", 104..<112)]),
        ]
        let out = HeadedColumns.add(to: Self.figures, header: header)
        #expect(out.filter(\.isFigure).count == 4)
        #expect(out.contains { $0.isFigure && $0.lower == 104 })
    }
}

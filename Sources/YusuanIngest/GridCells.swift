import YusuanCore

/// The data cells of a grid, trimmed and read as figures once: the column classifier and the row builder
/// both read every cell, and each used to trim and parse it again.
struct GridCells {
    /// Each data line's cells, trimmed.
    let trimmed: [[String]]
    /// `NumberParser.parse` of each trimmed cell.
    let numbers: [[PrintedNumber?]]

    init(_ rows: [[String]]) {
        // A line whose cells are all trimmed already (most) is kept in its own array, not copied cell by cell.
        trimmed = rows.map { line in line.allSatisfy(TextNormalization.isTrimmed) ? line : line.map { $0.trimmed } }
        numbers = trimmed.map { $0.map(NumberParser.parse) }
    }

    /// The non-empty trimmed cells of `column`, line by line.
    func values(_ column: Int) -> [String] {
        var out: [String] = []
        out.reserveCapacity(trimmed.count)
        for line in trimmed where column < line.count && !line[column].isEmpty { out.append(line[column]) }
        return out
    }

    /// The figures read from the non-empty cells of `column`, line by line (`values(column)` parsed).
    func figures(_ column: Int) -> [PrintedNumber] {
        var out: [PrintedNumber] = []
        // At most one a line: reserved once, not grown as it fills (most columns are figures).
        out.reserveCapacity(trimmed.count)
        for r in trimmed.indices where column < trimmed[r].count && !trimmed[r][column].isEmpty {
            if let n = numbers[r][column] { out.append(n) }
        }
        return out
    }

    /// The cell of line `line` at `column`, as `Cell(text: text.trimmed, location:)` would make it.
    func cell(line: Int, column: Int, location: SourceLocation) -> Cell? {
        guard line < trimmed.count, column >= 0, column < trimmed[line].count else { return nil }
        return Cell(text: trimmed[line][column], number: numbers[line][column], location: location)
    }
}

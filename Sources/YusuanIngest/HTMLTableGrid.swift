/// Lays the cells of successive table rows out on a grid, the way a tab-separated copy prints
/// them: a cell spanning N columns is followed by N-1 empty cells, and a cell spanning N rows
/// leaves an empty cell at its columns in the N-1 rows below.
struct HTMLTableGrid {
    struct Cell {
        var text: String
        var colspan: Int
        var rowspan: Int
    }

    /// Columns still covered by a cell from a row above → how many more rows it covers.
    private var carried: [Int: Int] = [:]

    /// The cells of one row, with padding inserted. `padding` counts padding cells added so far;
    /// once it reaches `budget` no more are added (the text cells are always kept).
    mutating func expand(_ cells: [Cell], padding: inout Int, budget: Int) -> [String] {
        var out: [String] = []
        var col = 0
        var covered = carried
        func pad() {
            if padding < budget { out.append("") }
            padding += 1
        }
        func skipCovered() {
            while let rows = covered[col], rows > 0 {
                pad()
                col += 1
            }
        }
        var next: [Int: Int] = [:]
        for cell in cells {
            skipCovered()
            out.append(cell.text)
            for _ in 1..<max(cell.colspan, 1) { pad() }
            if cell.rowspan > 1 {
                for c in col..<(col + max(cell.colspan, 1)) {
                    next[c] = cell.rowspan - 1
                    covered[c] = nil
                }
            }
            col += max(cell.colspan, 1)
        }
        // Columns covered from above in this row count down, whether or not the row reached them.
        for (c, rows) in carried where rows > 1 && next[c] == nil { next[c] = rows - 1 }
        carried = next
        return out
    }
}

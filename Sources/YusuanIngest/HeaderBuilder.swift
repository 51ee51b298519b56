import YusuanCore

/// Builds each column's header path from header lines in which a spanning cell is followed by
/// empty cells: an empty cell of an upper line belongs to the nearest filled cell on its left
/// when the lines below divide it (they are filled at that column).
enum HeaderBuilder {
    static func paths(_ header: [[String]], width: Int) -> [[String]] {
        let grid = header.map { row in (0..<width).map { i in i < row.count ? clean(row[i]) : "" } }
        var filled = grid
        for r in 0..<grid.count {
            guard r + 1 < grid.count else { break }
            var owner: String?
            for c in 0..<width {
                if !grid[r][c].isEmpty {
                    owner = grid[r][c]
                    continue
                }
                let dividedBelow = (r + 1..<grid.count).contains { !grid[$0][c].isEmpty }
                if let o = owner, dividedBelow, c > 0, coversBelow(grid, r: r, from: c) {
                    filled[r][c] = o
                } else {
                    owner = nil
                }
            }
        }
        return (0..<width).map { c in
            var path: [String] = []
            for r in 0..<filled.count where !filled[r][c].isEmpty {
                if path.last != filled[r][c] { path.append(filled[r][c]) }
            }
            return path
        }
    }

    /// The owner on the left spans this column only if the line below is filled somewhere in its span.
    static func coversBelow(_ grid: [[String]], r: Int, from c: Int) -> Bool {
        !grid[r + 1][c].isEmpty || (r + 2 < grid.count && !grid[r + 2][c].isEmpty)
    }

    /// "2021 年预算数" → "2021年预算数"; "公务接待 费" → "公务接待费".
    static func clean(_ s: String) -> String {
        TextNormalization.key(s)
    }
}

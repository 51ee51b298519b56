import YusuanCore

/// Builds each column's header path from header lines in which a spanning cell is followed by
/// empty cells: an empty cell of an upper line belongs to the nearest filled cell on its left
/// when the lines below divide it (they are filled at that column).
enum HeaderBuilder {
    /// `fixed` marks cells whose span was decided from printed positions (`HeaderSpans`): they
    /// neither spread further nor are spread into.
    static func paths(_ header: [[String]], width: Int, fixed: [[Bool]] = []) -> [[String]] {
        let grid = header.map { row in (0..<width).map { i in i < row.count ? clean(row[i]) : "" } }
        func isFixed(_ r: Int, _ c: Int) -> Bool { r < fixed.count && c < fixed[r].count && fixed[r][c] }
        var filled = grid
        for r in 0..<grid.count {
            guard r + 1 < grid.count else { break }
            var owner: String?
            for c in 0..<width {
                if !grid[r][c].isEmpty {
                    // Only a heading divided below (something under it) spans the columns after it.
                    owner = !isFixed(r, c) && (r + 1..<grid.count).contains { !grid[$0][c].isEmpty } ? grid[r][c] : nil
                    continue
                }
                let dividedBelow = (r + 1..<grid.count).contains { !grid[$0][c].isEmpty }
                if let o = owner, dividedBelow, c > 0 {
                    filled[r][c] = o
                } else {
                    owner = nil
                }
            }
        }
        spreadOverChildren(grid: grid, filled: &filled, width: width, fixed: isFixed)
        return (0..<width).map { c in
            var path: [String] = []
            for r in 0..<filled.count where !filled[r][c].isEmpty {
                if path.last != filled[r][c] { path.append(filled[r][c]) }
            }
            return path
        }
    }

    /// A heading centred over its sub-columns (as space-aligned text prints it) also owns the
    /// sub-columns to its left: the run of filled cells in the nearest lower line that is filled
    /// under it, where this line is empty.
    static func spreadOverChildren(grid: [[String]], filled: inout [[String]], width: Int, fixed: (Int, Int) -> Bool = { _, _ in false }) {
        for r in 0..<grid.count {
            for k in 0..<width where !grid[r][k].isEmpty && !fixed(r, k) {
                guard let below = (r + 1..<grid.count).first(where: { !grid[$0][k].isEmpty }) else { continue }
                var a = k
                while a > 0 && !grid[below][a - 1].isEmpty && filled[r][a - 1].isEmpty { a -= 1 }
                for c in a..<k { filled[r][c] = grid[r][k] }
            }
        }
    }

    /// "2021 年预算数" → "2021年预算数"; "公务接待 费" → "公务接待费".
    static func clean(_ s: String) -> String {
        TextNormalization.key(s)
    }
}

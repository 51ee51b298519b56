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

    /// The phase a column's heading names: 决算, or 预算 outside the names of the funds
    /// ("一般公共预算财政拨款" is a fund, not a budget figure; "一般公共预算预算数" is one).
    static func phase(of heading: String) -> Phase? {
        if heading.containsText("决算") { return .final }
        guard heading.containsText("预算") else { return nil }
        var rest = heading
        for fund in ["一般公共预算", "政府性基金预算", "国有资本经营预算"] where rest.contains(fund) { rest = rest.replacingAll(fund, with: "") }
        return rest.containsText("预算") ? .budget : nil
    }

    /// The levels that say what a column measures: in a “三公” table whose items each print a
    /// 预算数 and a 决算数 ("公务接待费" / "决算数"), the item, not the phase word under it.
    static func measurePath(_ path: [String], kind: TableKind) -> [String] {
        guard kind == .threePublic, path.count > 1, let leaf = path.last,
              ["预算数", "决算数", "执行数", "预算", "决算"].contains(TextNormalization.key(leaf)) else { return path }
        return Array(path.dropLast())
    }

    /// "2021 年预算数" → "2021年预算数"; "公务接待 费" → "公务接待费".
    static func clean(_ s: String) -> String {
        TextNormalization.key(s)
    }
}

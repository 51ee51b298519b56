import YusuanCore

/// Reading figures out of tables for the rules.
extension DisclosureTable {
    /// The printed figure of a cell; blank and "-" read as an exact zero.
    /// (The cell is read in place, `row.cells[i]`, not copied out as `row.cell(i)` would; inlined, so that a caller's
    /// `figure(rows[i], column)` reads the row where it lies instead of copying it to pass it.)
    @inline(__always) func figure(_ row: Row, _ column: Column) -> Figure? {
        let i = column.index
        guard i < row.cells.count else { return .blank(unit) }
        if let n = row.cells[i].number, !n.isPercent {
            return Figure(n.value, unit: n.unit ?? unit, exact: n.isDash)
        }
        return row.cells[i].isBlank ? .blank(unit) : nil
    }

    @inline(__always) func isBlank(_ row: Row, _ column: Column) -> Bool {
        column.index < row.cells.count ? row.cells[column.index].isBlank : true
    }

    /// Tables with rows and figure columns: every grid, not the performance forms.
    var isGrid: Bool { kind != .overallPerformance && kind != .projectPerformance && hasMoneyColumns }

    /// Money columns that are plain figures (not changes, rates or "其中" detail columns).
    var additiveColumns: [Column] {
        // `header` joins the path with "/", which cannot be part of a match: each level is searched instead.
        // One pass over the columns (not the money columns made first, then filtered).
        columns.filter { $0.role == .money && $0.measure != .rate && !$0.headerPath.contains { $0.contains("其中") } }
    }
}

extension Array where Element == Row {
    /// The outermost lines among the rows at `ids`: by printed code level, else by outline depth, else all. Rows are
    /// read in place by index, not copied.
    func topLevel(_ ids: [Int]) -> [Int] {
        // The least printed code level and the least outline depth of the items, found in one pass: only the
        // array returned is made.
        var minLevel: Int?, minDepth: Int?
        for i in ids where self[i].kind == .item {
            if self[i].codePrinted, let level = self[i].code?.level { minLevel = Swift.min(minLevel ?? level, level) }
            if let depth = self[i].outline { minDepth = Swift.min(minDepth ?? depth, depth) }
        }
        if let minLevel {
            return ids.filter { self[$0].kind == .item && self[$0].codePrinted && self[$0].code?.level == minLevel }
        }
        if let minDepth { return ids.filter { self[$0].kind == .item && self[$0].outline == minDepth } }
        return ids.filter { self[$0].kind == .item }
    }
}

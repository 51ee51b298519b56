import YusuanCore

/// Decides, from printed positions, which sub-columns a heading spans in space-aligned header lines
/// (a PDF's, `pdftotext -layout`'s). A spanning heading is centred over its sub-columns, so among
/// the runs of columns around it that it may own (empty on its line, headed below), it takes the
/// run whose centre is its own; where two headings share the columns between them, each takes its
/// side, and nothing between them is left without a parent. Sub-headings left over (a heading that
/// spans rows, printed level with the sub-headings) keep no parent. The heading is written into
/// every column it spans; the cells decided here are marked fixed, so that `HeaderBuilder` does
/// not spread them further by its grid-only rules.
enum HeaderSpans {
    /// How far (in characters) a run's centre may be from the heading's and still count as centred.
    static let tolerance = 1.5

    struct Option {
        var lower: Int
        var upper: Int
        var cost: Double
        /// The distance from centred before the tolerance: breaks ties between runs within it.
        var offset: Double = 0
    }

    static func resolve(_ header: inout [[String]], placed: [[Int: Range<Int>]], figureColumns: [Bool]) -> [[Bool]] {
        var fixed = header.map { Array(repeating: false, count: $0.count) }
        let width = figureColumns.count
        for r in header.indices where header[r].count == width && r < placed.count {
            func filled(_ line: Int, _ c: Int) -> Bool { c < header[line].count && !header[line][c].trimmed.isEmpty }
            func divided(_ c: Int) -> Bool { (r + 1..<header.count).contains { filled($0, c) } }
            // A column's centre: the nearest sub-heading printed below it.
            func centre(_ c: Int) -> Double? {
                for line in (r + 1)..<min(header.count, placed.count) {
                    if let s = placed[line][c] { return Double(s.lowerBound + s.upperBound) / 2 }
                }
                return nil
            }
            func free(_ c: Int) -> Bool { figureColumns[c] && !filled(r, c) && divided(c) && centre(c) != nil }
            let headings = placed[r].keys.sorted().filter { filled(r, $0) && divided($0) && centre($0) != nil }
            guard !headings.isEmpty else { continue }
            var options: [[Option]] = []
            var reach: [(Int, Int)] = []
            for k in headings {
                guard let span = placed[r][k] else { options.append([]); reach.append((k, k)); continue }
                let h = Double(span.lowerBound + span.upperBound) / 2
                var lo = k, hi = k
                while lo > 0 && free(lo - 1) { lo -= 1 }
                while hi + 1 < width && free(hi + 1) { hi += 1 }
                reach.append((lo, hi))
                var list: [Option] = []
                for a in lo...k {
                    for b in k...hi {
                        guard let ca = centre(a), let cb = centre(b) else { continue }
                        let offset = abs((ca + cb) / 2 - h)
                        list.append(Option(lower: a, upper: b, cost: max(0, offset - tolerance), offset: offset))
                    }
                }
                options.append(list)
            }
            guard let chosen = choose(options, reach: reach, headings: headings) else { continue }
            for (i, option) in chosen.enumerated() {
                let text = header[r][headings[i]]
                for c in option.lower...option.upper {
                    header[r][c] = text
                    fixed[r][c] = true
                }
            }
        }
        return fixed
    }

    /// One run for each heading, left to right, not overlapping; two neighbours that may both reach
    /// the columns between them leave none of those columns out. Least total distance from centred
    /// first, then most columns covered, then least distance from centred before the tolerance.
    static func choose(_ options: [[Option]], reach: [(Int, Int)], headings: [Int]) -> [Option]? {
        struct Best { var cost: Double; var covered: Int; var offset: Double; var picks: [Option] }
        func better(_ x: Best, than y: Best?) -> Bool {
            guard let y else { return true }
            if abs(x.cost - y.cost) > 0.01 { return x.cost < y.cost }
            if x.covered != y.covered { return x.covered > y.covered }
            return x.offset < y.offset - 0.01
        }
        var states: [Int: Best] = [-1: Best(cost: 0, covered: 0, offset: 0, picks: [])]   // keyed by the last column taken
        for (i, list) in options.enumerated() {
            guard !list.isEmpty else { return nil }
            // Whether the columns between this heading and the previous one must all be taken.
            let contiguous = i > 0 && reach[i - 1].1 >= headings[i] - 1 && reach[i].0 <= headings[i - 1] + 1
            var next: [Int: Best] = [:]
            for (end, state) in states.sorted(by: { $0.key < $1.key }) {
                for o in list where o.lower > end && (!contiguous || o.lower == end + 1) {
                    let candidate = Best(cost: state.cost + o.cost, covered: state.covered + o.upper - o.lower + 1,
                                         offset: state.offset + o.offset, picks: state.picks + [o])
                    if better(candidate, than: next[o.upper]) { next[o.upper] = candidate }
                }
            }
            guard !next.isEmpty else { return nil }
            states = next
        }
        var best: Best?
        for (_, state) in states.sorted(by: { $0.key < $1.key }) where better(state, than: best) { best = state }
        return best?.picks
    }
}

import YusuanCore

/// Puts header levels back in order in space-aligned text whose lowest header line repeats one group
/// of headings ("预算数 决算数 | 预算数 决算数 | …", as a 决算's “三公” table prints them). A cell
/// that spans rows is printed at its middle height, so `pdftotext -layout` prints a heading of the
/// level above the groups on any line among the higher headings ("公务用车购置费" below "小计",
/// "合计" beside "因公出国（境）费"). Each group's own heading is the piece centred over the group
/// (the lowest such, when a higher heading is centred there too); those headings become one line
/// right above the groups, and the other pieces keep their lines, above them.
enum HeaderGroups {
    static func relevel(_ lines: [RawLine]) -> [RawLine] {
        guard lines.count >= 3, lines.count <= 40, lines.allSatisfy({ $0.wraps == nil && $0.spans?.count == $0.cells.count && $0.cells.count <= 200 }),
              let last = lines.last, let ls = last.spans else { return lines }
        let leaves = ls.indices.filter { !last.cells[$0].trimmed.isEmpty }
        let words = leaves.map { TextNormalization.key(last.cells[$0]) }
        guard let k = groupSize(words) else { return lines }
        let groups = stride(from: 0, to: leaves.count, by: k).map { i in
            (lower: ls[leaves[i]].lowerBound, upper: ls[leaves[i + k - 1]].upperBound)
        }
        var used: [Int: Set<Int>] = [:]   // line → cells taken as a group's heading
        var heads: [(text: String, line: Int)] = []
        for g in groups {
            let centre = Double(g.lower + g.upper) / 2
            var best: (line: Int, cell: Int, distance: Double)?
            for (l, line) in lines.dropLast().enumerated() {
                guard let spans = line.spans else { continue }
                for (i, s) in spans.enumerated() where !line.cells[i].trimmed.isEmpty && used[l]?.contains(i) != true {
                    let c = Double(s.lowerBound + s.upperBound) / 2
                    guard c >= Double(g.lower) - 1, c <= Double(g.upper) + 1 else { continue }
                    let d = abs(c - centre)
                    // The lowest line first (a higher heading centred over this group spans more), then the nearest.
                    if best == nil || l > (best?.line ?? 0) || l == best?.line && d < (best?.distance ?? 0) { best = (l, i, d) }
                }
            }
            // Every group has its own heading, or this is no such header.
            guard let b = best else { return lines }
            used[b.line, default: []].insert(b.cell)
            heads.append((lines[b.line].cells[b.cell], b.line))
        }
        // Every heading is written over each column it spans (with that column's span), so that
        // each lands on its own column: a group's heading over its group, a higher heading over the
        // run of two or more whole groups centred under it (runs nest), the lower lines' first.
        let leafSpans = leaves.map { ls[$0] }
        func spread(_ text: String, groupsFrom a: Int, to b: Int) -> [(String, Range<Int>)] {
            (a * k..<(b + 1) * k).map { (text, leafSpans[$0]) }
        }
        var runs: [(Int, Int)] = groups.indices.map { ($0, $0) }
        var upper: [RawLine] = []
        for (l, line) in lines.dropLast().enumerated().reversed() {
            guard let spans = line.spans else { continue }
            var items: [(String, Range<Int>)] = []
            for (i, s) in spans.enumerated() where !line.cells[i].trimmed.isEmpty && used[l]?.contains(i) != true {
                let centre = Double(s.lowerBound + s.upperBound) / 2
                var best: (Int, Int, Double)?
                for a in groups.indices {
                    for b in (a + 1)..<groups.count where b < groups.count {
                        let nests = runs.allSatisfy { r in (r.0 >= a && r.1 <= b) || r.1 < a || r.0 > b || (r.0 <= a && r.1 >= b) }
                        guard nests else { continue }
                        let d = abs(Double(groups[a].lower + groups[b].upper) / 2 - centre)
                        guard d <= Double(groups[b].upper - groups[a].lower) / 4 else { continue }
                        if best == nil || d < (best?.2 ?? 0) - 0.01 || abs(d - (best?.2 ?? 0)) <= 0.01 && b - a > (best?.1 ?? 0) - (best?.0 ?? 0) {
                            best = (a, b, d)
                        }
                    }
                }
                if let (a, b, _) = best {
                    runs.append((a, b))
                    items += spread(line.cells[i], groupsFrom: a, to: b)
                } else {
                    items.append((line.cells[i], s))
                }
            }
            guard !items.isEmpty else { continue }
            var l2 = line
            items.sort { $0.1.lowerBound < $1.1.lowerBound }
            l2.cells = items.map(\.0)
            l2.spans = items.map(\.1)
            upper.insert(l2, at: 0)
        }
        let lowest = heads.map(\.line).max() ?? 0
        var headLine = lines[lowest]
        let spreadHeads = heads.enumerated().flatMap { g, h in spread(h.text, groupsFrom: g, to: g) }
        headLine.cells = spreadHeads.map(\.0)
        headLine.spans = spreadHeads.map(\.1)
        return upper + [headLine, last]
    }

    /// The size of the group the words repeat (two or more groups of two or more distinct words).
    static func groupSize(_ words: [String]) -> Int? {
        guard words.count >= 4 else { return nil }
        for k in 2...(words.count / 2) where words.count % k == 0 {
            let first = Array(words.prefix(k))
            guard Set(first).count == k else { continue }
            if words.indices.allSatisfy({ words[$0] == first[$0 % k] }) { return k }
        }
        return nil
    }
}

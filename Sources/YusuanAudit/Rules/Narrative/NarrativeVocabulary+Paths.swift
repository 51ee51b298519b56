import YusuanCore

/// "一般公共服务支出(类)统计信息事务(款)专项普查活动(项)": a 类/款/项 path names the 项, not the 类.
extension NarrativeVocabulary {
    static let pathMarkers: [([NarrativeChar], Int)] = [(NarrativeChar.array("(款)"), 5), (NarrativeChar.array("(项)"), 7)]
    static let classMarker = NarrativeChar.array("(类)")

    func classificationPaths(_ chars: [NarrativeChar]) -> [LabelMatch] {
        var out: [LabelMatch] = []
        for at in Self.occurrences(Self.classMarker, in: chars) {
            let before = chars[..<at]
            guard let (name, code) = functional.filter({ before.count >= $0.0.count && before.suffix($0.0.count).elementsEqual($0.0) })
                .max(by: { $0.0.count < $1.0.count }) else { continue }
            let start = at - name.count
            var end = at + 3
            var resolved: String? = code
            for (marker, digits) in Self.pathMarkers {
                guard let m = Self.firstOccurrence(marker, in: chars, from: end) else { break }
                let segment = chars[end..<m]
                if segment.isEmpty || segment.contains(where: { NarrativeTokens.isDigit($0) || NarrativeText.isClauseSeparator($0) }) { break }
                resolved = resolved.flatMap { child(of: $0, named: segment.text, digits: digits) }
                end = m + marker.count
            }
            let text = chars[start..<end].text
            let topic: NarrativeTopic = resolved.map { .fact(.functional($0), .total) } ?? .unknown(text)
            out.append(LabelMatch(topic: topic, start: start, end: end, strength: .strong, text: text))
        }
        return out
    }

    /// The code under `parent` with `digits` digits whose name or alias is `name`, if exactly one.
    func child(of parent: String, named name: String, digits: Int) -> String? {
        let k = NarrativeText.normalise(name)
        let hits = catalog?.entries.values.filter { e in
            e.code.count == digits && e.code.hasPrefix(parent) && ([e.name] + e.aliases).contains { NarrativeText.normalise($0) == k }
        } ?? []
        return hits.count == 1 ? hits.first?.code : nil
    }
}

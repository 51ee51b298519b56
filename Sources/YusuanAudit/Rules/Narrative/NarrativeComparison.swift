import YusuanCore

/// Reads what a change is measured against: "比2021年", "较上年", "与2020年度预算相比", "同比".
enum NarrativeComparison {
    static let connectors: [NarrativeChar] = ["比", "较", "与", "同"]
    /// The scalars of `connectors`, each a plain character: a plain character is a connector when its scalar is one
    /// of these (`isConnector`).
    static let connectorScalars: [UInt32] = connectors.map(\.scalar.value)
    /// The words `base` reads after a connector, as characters once (not made from their strings per clause).
    static let lastYearWords = words(["上一年度", "上一年", "上年度", "上年", "去年"])
    static let afterYearWords = words(["同期", "的", "年初"])
    static let budgetWord = NarrativeChar.array("预算")
    static let finalWord = NarrativeChar.array("决算")
    static let amountWords = words(["执行数", "数"])
    static let comparingWords = words(["相比", "比较", "对比"])

    static func words(_ w: [String]) -> [[NarrativeChar]] { w.map(NarrativeChar.array) }

    /// `connectors.contains(c)`: for a plain character, by its scalar (two plain characters are equal when their
    /// scalars are), without a comparison of characters per connector for every character of a clause.
    @inline(__always) static func isConnector(_ c: NarrativeChar) -> Bool {
        c.other == nil ? connectorScalars.contains(c.scalar.value) : connectors.contains(c)
    }

    /// The comparison a clause makes and the character range of its words.
    static func base(_ chars: [NarrativeChar], tokens: [NarrativeToken], year: Int?, phase: Phase) -> (ComparisonBase, Range<Int>)? {
        for (i, c) in chars.enumerated() where isConnector(c) {
            var j = i + 1
            var stated: Int?
            if c == "同" && j < chars.count && chars[j] == "比" {
                let b = ComparisonBase(year: year.map { $0 - 1 }, phase: phase, statedYear: nil, namesPhase: false, text: "同比")
                return (b, i..<(j + 1))
            }
            if let w = lastYearWords.first(where: { starts(chars, at: j, with: $0) }) {
                j += w.count
            } else if let t = tokens.first(where: { $0.start == j && $0.kind == .year }) {
                stated = Int(t.value.mantissa)
                j = t.end
            } else {
                continue
            }
            for skip in afterYearWords where starts(chars, at: j, with: skip) { j += skip.count }
            var named: Phase?
            if starts(chars, at: j, with: budgetWord) { named = .budget; j += 2 } else if starts(chars, at: j, with: finalWord) { named = .final; j += 2 }
            for skip in amountWords where starts(chars, at: j, with: skip) { j += skip.count }
            for skip in comparingWords where starts(chars, at: j, with: skip) { j += skip.count }
            let y = stated ?? year.map { $0 - 1 }
            let b = ComparisonBase(year: y, phase: named ?? phase, statedYear: stated, namesPhase: named != nil,
                                   text: chars[i..<j].text)
            return (b, i..<j)
        }
        return nil
    }

    static func starts(_ chars: [NarrativeChar], at i: Int, with a: [NarrativeChar]) -> Bool {
        guard i >= 0, i + a.count <= chars.count else { return false }
        return chars[i..<(i + a.count)].elementsEqual(a)
    }
}

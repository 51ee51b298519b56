import YusuanCore

/// Which quantity a clause is about: labels, their qualifications, and the topic they open.
extension NarrativeParser {
    /// A clause without figures that names a topic ("(一)收入预算", "2022年项目支出均实行了…") opens it.
    mutating func updateTopic(_ chars: [NarrativeChar]) {
        guard var m = vocabulary.best(chars, current: currentTopic) else { return }
        // Without a figure the words after a label are a verb ("项目支出均实行了…"); only "…项目" names another thing.
        if m.strength != .weak && NarrativeComparison.starts(chars, at: m.end, with: Self.projectWord) { m = qualified(m, in: chars) }
        if m.strength == .weak {
            var rest = chars
            rest.removeSubrange(m.start..<m.end)
            guard NarrativeWords.namesNothing(rest.text, department: department) else { return }
        }
        let topic = resolve(m, words: chars.text)
        currentTopic = topic
        countSinceTopic = false
        if !partMode { mainTopic = topic }
    }

    /// The quantity a clause names outright (a strong label), if any.
    func named(_ chars: [NarrativeChar]) -> NarrativeTopic? {
        guard let m = vocabulary.best(chars, current: currentTopic), m.strength == .strong else { return nil }
        return m.topic
    }

    /// A label followed by words that are not figures' filler names something else: "一般公共预算拨款支出"
    /// is an expenditure, "预留政府采购项目预算金额" not the procurement total. Remarks in brackets do not count.
    func qualified(_ m: LabelMatch, in chars: [NarrativeChar]) -> LabelMatch {
        if m.strength == .weak {
            // "一般公共预算财政拨款支出" is the total; "工资福利支出" is not.
            var rest = chars
            rest.removeSubrange(m.start..<m.end)
            if NarrativeWords.namesNothing(rest.text, department: department) { return m }
            let text = lastWordsOf(chars)
            return LabelMatch(topic: .unknown(text), start: m.start, end: chars.count, strength: .strong, text: text)
        }
        var kept: [NarrativeChar] = []
        var depth = 0
        for c in chars[m.end...] {
            if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } else if depth == 0 { kept.append(c) }
        }
        let rest = kept.text
        if m.topic.isIncome && rest.contains("支出") {
            return LabelMatch(topic: .expenditure, start: m.start, end: m.end, strength: .weak, text: "支出")
        }
        if NarrativeWords.namesNothing(rest, department: nil) { return m }
        let text = m.text + rest
        return LabelMatch(topic: .unknown(text), start: m.start, end: chars.count, strength: .strong, text: text)
    }

    /// A weak "支出" continues the paragraph's subject when that is a kind of spending.
    /// `words`: the words before the figure; a bare "支出决算为…" (no fund named) after a line the vocabulary
    /// does not know ("机关事业单位基本养老…" cut by a line break) continues that line, not the department's total.
    func resolve(_ m: LabelMatch, words: String = "") -> NarrativeTopic {
        guard m.strength == .weak, m.topic == .expenditure else { return m.topic }
        if case .fact = mainTopic, mainTopic?.isIncome == false { return mainTopic ?? .expenditure }
        if mainTopic == .agencyOperation { return .agencyOperation }
        if case .unknown = mainTopic, NarrativeVocabulary.scope(words) == nil { return mainTopic ?? .expenditure }
        return .expenditure
    }
}

import YusuanCore

/// The statements one number makes, by the words before it.
extension NarrativeParser {
    /// A money figure: a change when a direction word leads to it ("比2021年增加"), else a level.
    mutating func figure(_ f: Figure, prefix: [NarrativeChar], clause: NarrativeClause) {
        let p = prefix.text
        if let d = NarrativeWords.directionEnding(p) {
            let head = NarrativeChar.array(NarrativeWords.beforeDirection(p))
            let m = vocabulary.best(head, current: currentTopic).map { qualified($0, in: head) }
            if m?.strength == .weak && !partClause { partMode = false }
            let topic = m.map { resolve($0, words: p) } ?? currentTopic
            if let topic { currentTopic = topic }
            append(.change, topic: topic, label: m?.text, clause: clause, figure: f, direction: d, words: p)
            return
        }
        var topic: NarrativeTopic?
        var label: String?
        if let m = vocabulary.best(prefix, current: currentTopic).map({ qualified($0, in: prefix) }) {
            topic = resolve(m, words: p)
            label = m.text
            if m.strength == .weak && !partClause { partMode = false }
            countSinceTopic = false
        } else if NarrativeWords.namesNothing(p, department: department) && !countSinceTopic {
            topic = currentTopic
        }
        let explicit = NarrativeVocabulary.scope(p)
        append(.level, topic: topic, label: label ?? (topic == nil ? lastWords(p) : nil), clause: clause, figure: f, words: p)
        currentTopic = topic
        if !partMode {
            if let topic { mainTopic = topic }
            if let explicit { scope = explicit }
        }
    }

    /// "占 63.42%", "完成预算的 83.44%", "增长 10.14%"; other percentages (满意度 100%) are not about money.
    mutating func percent(_ v: Fixed, prefix: [NarrativeChar], clause: NarrativeClause) {
        let p = prefix.text
        let budgetWords = NarrativeVocabulary.phase(p) == .budget
        if let k = prefix.lastIndex(of: "占"), NarrativeVocabulary.phase(prefix[(k + 1)...].text) != .budget {
            let named = vocabulary.best(Array(prefix[(k + 1)...]), current: nil)?.topic
            append(.share(named), topic: currentTopic, label: nil, clause: clause, number: v, words: p)
        } else if budgetWords && (p.contains("完成") || p.contains("执行") || p.contains("占") || p.hasTextSuffix("的"))
                    || p.contains("完成率") || p.contains("执行率") {
            // "完成预算的83.44%", "占年初预算的98%", "为预算数的95%".
            append(.completion, topic: currentTopic, label: nil, clause: clause, number: v, words: p)
        } else if let d = NarrativeWords.rateEnding(p) {
            let m = vocabulary.best(prefix, current: currentTopic)
            append(.rate, topic: m.map { resolve($0, words: p) } ?? currentTopic, label: m?.text, clause: clause, number: v, direction: d, words: p)
        }
    }

    /// "共有车辆 1 辆", "在编在岗人员 27 人".
    mutating func count(_ v: Fixed, word: String, prefix: [NarrativeChar], clause: NarrativeClause) {
        countSinceTopic = true
        append(.count(word), topic: nil, label: lastWords(prefix.text), clause: clause, number: v)
    }

    /// "无因公出国（境）费用", "未安排购置车辆", "购置经费无", "无政府采购工程、政府采购服务预算",
    /// "本单位无政府性基金预算": zeros stated in words. Returns whether the clause said so.
    mutating func readAbsence(_ chars: [NarrativeChar], tokens: [NarrativeToken], clause: NarrativeClause) -> Bool {
        var spans: [[NarrativeChar]] = NarrativeWords.absence(chars).map { mark in
            mark >= chars.count ? Array(chars.dropLast()) : Array(chars[mark...])
        }
        if spans.isEmpty && previousAbsent && clause.separatorBefore == "、" { spans = [chars] }
        var found = false
        for span in spans {
            let s = span.text
            if let fund = NarrativeVocabulary.scope(s), fund == .govFund || fund == .stateCapital {
                append(.noFund(fund), topic: nil, label: fund == .govFund ? "政府性基金" : "国有资本经营", clause: clause)
                found = true
            } else if let m = vocabulary.best(span, current: currentTopic), m.strength != .weak {
                append(.none, topic: m.topic, label: m.text, clause: clause, figure: .blank(.wanYuan), words: chars.text)
                currentTopic = m.topic
                found = true
            }
        }
        previousAbsent = found
        return found
    }

    func lastWordsOf(_ chars: [NarrativeChar]) -> String { lastWords(chars.text) }

    /// The last few Chinese characters before a figure, for a label the vocabulary does not know.
    func lastWords(_ p: String) -> String {
        let cut = p.split(whereSeparator: { $0.isASCII && ($0.isNumber || $0 == "(" || $0 == ")") }).last.map(String.init) ?? p
        return String(cut.suffix(16))
    }

    mutating func append(_ kind: NarrativeStatement.Kind, topic: NarrativeTopic?, label: String?, clause: NarrativeClause,
                         figure: Figure? = nil, number: Fixed? = nil, direction: ChangeDirection? = nil, words: String = "") {
        let explicit = NarrativeVocabulary.scope(words)
        if partMode, let explicit { partScope = explicit }
        var sc = explicit ?? (partMode ? partScope : nil) ?? scope ?? .all
        if topic?.isThreePublic == true { sc = .general }
        var ph = NarrativeVocabulary.phase(words) ?? phase
        if kind == .change || kind == .rate {
            // "比2021年增加": the year and phase words belong to the base, this figure is the document's.
            ph = phase
        }
        let name = topic.map { $0.name(catalog: catalog).zh } ?? ""
        statements.append(NarrativeStatement(
            kind: kind, topic: topic, label: label ?? name, scope: sc, year: levelYear ?? year, phase: ph,
            figure: figure, number: number, direction: direction, base: kind == .change || kind == .rate ? base : nil,
            isPart: partMode, words: words, clause: clause.text, sentence: sentence, location: clause.location,
            block: block, sentenceIndex: sentenceIndex))
    }
}

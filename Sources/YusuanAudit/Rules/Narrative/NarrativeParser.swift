import YusuanCore

/// Reads every stated figure of the narrative with its label, year, phase and context.
///
/// A small clause parser: each clause is scanned for numbers; the words before a number say what
/// it is (a level, a change, a rate, a share, a completion percentage, a count); the label table
/// (`NarrativeVocabulary`) says which quantity it is about. A clause that names nothing continues
/// the topic already open in the sentence; "其中" opens parts of the figure before; "主要是…" opens
/// the reasons for the change before, whose figures become that change's components.
struct NarrativeParser {
    let year: Int?
    let phase: Phase
    let department: String?
    let catalog: Catalog?
    let vocabulary: NarrativeVocabulary
    var statements: [NarrativeStatement] = []

    /// "其中" opening a clause, and "项目" after a label, as characters once (not made from the word per clause).
    static let partWord = NarrativeChar.array("其中")
    static let projectWord = NarrativeChar.array("项目")

    // Paragraph state.
    var mainTopic: NarrativeTopic?
    var currentTopic: NarrativeTopic?
    var scope: FundScope?
    /// The fund the current section's heading names ("五、一般公共预算财政拨款支出决算情况说明"): the scope of
    /// its paragraphs until a sentence names another fund or the next heading.
    var sectionScope: FundScope?
    /// The fund a "其中" list names for its parts ("其中一般公共预算拨款政府采购…：货物…").
    var partScope: FundScope?
    var carried: NarrativeTopic?
    // Sentence state.
    var partMode = false
    var inReasons = false
    /// After "主要用于…" the clauses list uses, not quantities, until ";", a clause with an amount, or the sentence's end.
    var inUsage = false
    /// The clause began with "其中" (its label, even a bare "收入", names a part).
    var partClause = false
    /// The change the listed reasons explain (their amounts are its components).
    var reasonTarget: Int?
    /// The change, rate or 决算/预算 comparison whose direction the reasons' words should share.
    var explained: Int?
    var base: ComparisonBase?
    var levelYear: Int?
    var previousAbsent = false
    /// A count ("项目4个") came after the topic was named: an unnamed amount after it is the count's, not the topic's.
    var countSinceTopic = false
    var block = 0
    var sentenceIndex = 0
    var sentence = ""

    init(year: Int?, phase: Phase, department: String?, catalog: Catalog?) {
        self.year = year
        self.phase = phase
        self.department = department
        self.catalog = catalog
        vocabulary = NarrativeVocabulary(catalog: catalog)
    }

    /// The statements of a disclosure's narrative, in reading order.
    static func statements(_ d: Disclosure, catalog: Catalog?) -> [NarrativeStatement] {
        statements(d, blocks: NarrativeText.blocks(d.narrative), catalog: catalog)
    }

    /// The same, from the narrative's blocks already built (`NarrativeText.blocks(d.narrative)`).
    static func statements(_ d: Disclosure, blocks: [NarrativeBlock], catalog: Catalog?) -> [NarrativeStatement] {
        var p = NarrativeParser(year: d.year, phase: d.phase, department: d.department, catalog: catalog)
        p.read(blocks)
        return p.statements
    }

    static func statements(_ ctx: AuditContext) -> [NarrativeStatement] {
        ctx.statements
    }

    mutating func read(_ blocks: [NarrativeBlock]) {
        for (bi, b) in blocks.enumerated() {
            block = bi
            if b.isHeading {
                carried = vocabulary.best(NarrativeChar.array(b.text), current: nil).flatMap { $0.strength == .strong ? $0.topic : nil }
                sectionScope = NarrativeVocabulary.scope(b.text)
                continue
            }
            mainTopic = carried
            currentTopic = carried
            countSinceTopic = false
            carried = nil
            scope = sectionScope
            for s in b.sentences {
                sentenceIndex += 1
                sentence = s.text
                // A "其中" list of parts ends with its sentence: the next one speaks of the whole again.
                if partMode, let main = mainTopic { currentTopic = main }
                partMode = false
                partScope = nil
                inReasons = false
                inUsage = false
                reasonTarget = nil
                explained = nil
                base = nil
                levelYear = nil
                previousAbsent = false
                for c in s.clauses { read(c) }
            }
        }
    }

    mutating func read(_ clause: NarrativeClause) {
        var chars = NarrativeChar.array(clause.text)
        partClause = NarrativeComparison.starts(chars, at: 0, with: Self.partWord)
        if partClause {
            partMode = true
            chars.removeFirst(2)
        }
        let text = partClause ? chars.text : clause.text
        if clause.separatorBefore == ";" { inUsage = false }
        if text.containsText("用于") {
            inReasons = false
            inUsage = true
            previousAbsent = false
            return
        }
        if inUsage {
            // What the money is used for names no figure, unless the list gives amounts ("主要用于以下方面：…2106.66万元").
            let amounts = NarrativeTokens.scan(chars).contains { if case .money = $0.kind { return true }; return $0.kind == .percent }
            guard amounts else { return }
            inUsage = false
        }
        if inReasons && (clause.separatorBefore == ";" || NarrativeComparison.base(chars, tokens: NarrativeTokens.scan(chars), year: year, phase: phase) != nil) {
            inReasons = false
        }
        if inReasons {
            readReasons(chars, clause: clause)
            return
        }
        if let r = NarrativeWords.reasonStart(chars) {
            readHead(Array(chars[..<r]), clause: clause)
            inReasons = true
            // "…增加13.66万元。主要原因是…": a sentence that opens with the reasons explains the sentence before.
            let opens = r == 0 && clause.separatorBefore == nil
            func last(_ kinds: (NarrativeStatement) -> Bool) -> Int? {
                statements.lastIndex { $0.sentenceIndex == sentenceIndex && kinds($0) }
                    ?? (opens ? statements.lastIndex { $0.block == block && $0.sentenceIndex == sentenceIndex - 1 && kinds($0) } : nil)
            }
            reasonTarget = last { $0.kind == .change }
            explained = last { s in
                if case .relation = s.kind { return true }
                return s.kind == .change || s.kind == .rate
            }
            readReasons(Array(chars[r...]), clause: clause)
        } else {
            readHead(chars, clause: clause)
        }
    }

    /// The figures listed as reasons: components of the change they explain.
    mutating func readReasons(_ chars: [NarrativeChar], clause: NarrativeClause) {
        let tokens = NarrativeTokens.scan(chars)
        let money = tokens.filter { if case .money = $0.kind { return true }; return false }
        if money.isEmpty {
            if !readAbsence(chars, tokens: tokens, clause: clause), let e = explained,
               let d = NarrativeWords.directionEnding(NarrativeWords.withoutTrailers(chars.text)) {
                statements[e].reasons.append(StatedReason(direction: d, text: chars.text))
            }
            return
        }
        for (k, t) in money.enumerated() {
            guard case .money(let unit) = t.kind else { continue }
            let from = k > 0 ? money[k - 1].end : 0
            let to = k + 1 < money.count ? money[k + 1].start : chars.count
            let sign = NarrativeWords.componentSign(before: chars[from..<t.start].text, after: chars[t.end..<to].text)
            let component = ChangeComponent(figure: Figure(t.value, unit: unit), direction: sign, text: clause.text)
            if let target = reasonTarget { statements[target].components.append(component) }
        }
    }

    /// A clause outside the reasons: comparisons, relations, absences, then each number in turn.
    mutating func readHead(_ chars: [NarrativeChar], clause: NarrativeClause) {
        let tokens = NarrativeTokens.scan(chars)
        var baseRange: Range<Int>?
        if let (b, r) = NarrativeComparison.base(chars, tokens: tokens, year: year, phase: phase) {
            base = b
            baseRange = r
        }
        // Only whether there is a figure, and where the first one starts, are asked: no array of them is made.
        let firstFigure = tokens.first { t in
            if case .money = t.kind { return true }
            return t.kind == .percent
        }
        for t in tokens where t.kind == .year && !(baseRange?.contains(t.start) ?? false) && firstFigure.map({ t.start < $0.start }) ?? true {
            levelYear = Int(t.value.mantissa)
        }
        if firstFigure == nil {
            if let rel = NarrativeWords.relation(chars.text) {
                append(.relation(rel), topic: named(chars) ?? currentTopic, label: nil, clause: clause)
                return
            }
            if readAbsence(chars, tokens: tokens, clause: clause) { return }
            previousAbsent = false
            if let r = baseRange {
                let after = chars[r.upperBound...].text
                let d: ChangeDirection? = NarrativeWords.isFlat(after) ? .flat
                    : NarrativeWords.up.contains(where: after.contains) ? .up
                    : NarrativeWords.down.contains(where: after.contains) ? .down : nil
                if let d { append(.change, topic: named(Array(chars[..<r.lowerBound])) ?? currentTopic, label: nil, clause: clause, direction: d) }
            } else {
                updateTopic(chars)
            }
        }
        var from = 0
        for t in tokens {
            defer { from = max(from, t.end) }
            // The characters before the token, without the comparison's words: copied as they are without those,
            // for the tokens that read them (not for a year or a plain number).
            let span = from..<t.start
            func prefix() -> [NarrativeChar] {
                baseRange.map { r in span.filter { !r.contains($0) }.map { chars[$0] } } ?? Array(chars[span])
            }
            switch t.kind {
            case .money(let unit): figure(Figure(t.value, unit: unit), prefix: prefix(), clause: clause)
            case .percent: percent(t.value, prefix: prefix(), clause: clause)
            case .count(let w): count(t.value, word: w, prefix: prefix(), clause: clause)
            default: break
            }
        }
    }
}

import YusuanCore

/// A label found in a clause: what it names, where, and how much it says on its own.
struct LabelMatch: Sendable {
    enum Strength: Int, Sendable { case weak, sub, strong }
    var topic: NarrativeTopic
    var start: Int
    var end: Int
    var strength: Strength
    var text: String
}

/// The table of label words: which narrative words name which quantity.
///
/// Strong labels name a quantity on their own (公务接待费, 基本支出, 卫生健康支出). Sub-labels only
/// continue a topic already open (a bare "运行维护费" after 公务用车…, "货物" after 政府采购).
/// Weak labels ("支出", "收入") name a total unless the sentence is about something narrower.
struct NarrativeVocabulary: Sendable {
    static let strongWords: [(String, NarrativeTopic)] = [
        ("三公经费", .threePublic(.total)),
        ("因公出国", .threePublic(.threePublicOutbound)), ("出国(境)经费", .threePublic(.threePublicOutbound)),
        ("出国(境)费", .threePublic(.threePublicOutbound)),
        ("公务接待", .threePublic(.threePublicReception)), ("公务接待费", .threePublic(.threePublicReception)),
        ("因公出国(境)费", .threePublic(.threePublicOutbound)), ("因公出国(境)费用", .threePublic(.threePublicOutbound)),
        ("购置车辆", .threePublic(.threePublicVehiclePurchase)), ("车辆购置", .threePublic(.threePublicVehiclePurchase)),
        ("基本支出", .fact(.expenditureTotal, .basic)), ("项目支出", .fact(.expenditureTotal, .project)),
        ("人员经费", .fact(.expenditureTotal, .personnel)), ("公用经费", .fact(.expenditureTotal, .publicCost)),
        ("一般公共预算拨款", .fact(.income(.generalBudget), .total)),
        ("政府性基金预算拨款收入", .fact(.income(.govFund), .total)),
        ("事业收入", .fact(.income(.businessIncome), .total)), ("经营收入", .fact(.income(.operatingIncome), .total)),
        ("其他收入", .fact(.income(.otherIncome), .total)), ("上级补助收入", .fact(.income(.superiorSubsidy), .total)),
        ("附属单位上缴收入", .fact(.income(.affiliatedIncome), .total)),
        ("收入支出总计", .fact(.grandTotal, .total)), ("收支总计", .fact(.grandTotal, .total)), ("收入支出合计", .unknown("收入支出合计")),
        ("运行经费", .agencyOperation),
    ]
    static let subWords: [(String, NarrativeTopic)] = [
        ("运行维护费", .threePublic(.threePublicVehicleOperation)), ("运行费", .threePublic(.threePublicVehicleOperation)),
        ("购置费", .threePublic(.threePublicVehiclePurchase)), ("购置经费", .threePublic(.threePublicVehiclePurchase)),
        ("货物", .procurement(.goods)), ("工程", .procurement(.works)), ("服务", .procurement(.services)),
    ]

    /// Names of 功能分类 类 (three-digit codes), normalised, from the year's catalog.
    let functional: [([NarrativeChar], String)]
    let catalog: Catalog?
    /// The words `matches` looks for, in the order it reports them: strong words, 功能 names, sub-words; then weak.
    let words: [Word]
    /// Indices into `words` by the scalar of the word's first character when that is plain (words whose first
    /// character is not are in `slowHeads`), so that a clause is searched in one pass instead of once per word.
    let byHead: [Int: [Int]]
    /// `NarrativeWordTable.headBits`: which scalars may be keys of `byHead`.
    let headBits: [UInt64]
    let slowHeads: [Int]

    struct Word: Sendable {
        var chars: [NarrativeChar]
        var topic: NarrativeTopic
        var strength: LabelMatch.Strength
        var text: String
        init(_ chars: [NarrativeChar], _ topic: NarrativeTopic, _ strength: LabelMatch.Strength) {
            self.chars = chars
            self.topic = topic
            self.strength = strength
            text = chars.text
        }
    }

    /// The word table is built once per catalog (`NarrativeWordTable`, kept with the catalog), not once per audit.
    init(catalog: Catalog?) {
        let table = catalog.map { $0.derived(NarrativeWordTable.self) { NarrativeWordTable(catalog: $0) } } ?? NarrativeWordTable.noCatalog
        self.catalog = catalog
        functional = table.functional
        words = table.words
        byHead = table.byHead
        headBits = table.headBits
        slowHeads = table.slowHeads
    }

    /// Every label in `chars`: each word's occurrences in the order of `words` (weak words last, after
    /// vehicles, procurement and classification paths), each word's in the order they occur.
    func matches(_ chars: [NarrativeChar]) -> [LabelMatch] {
        // Each hit as (word, start), found in reading order; sorting by word then start gives each word's
        // occurrences in the order of `words` without a list per word (a clause holds a few hits, the table ~100 words).
        var hits: [(word: Int, start: Int)] = []
        func at(_ w: Int, _ i: Int) -> Bool {
            let word = words[w]
            guard i + word.chars.count <= chars.count else { return false }
            for j in word.chars.indices where chars[i + j] != word.chars[j] { return false }
            return true
        }
        for i in chars.indices {
            if chars[i].other == nil {
                let v = Int(chars[i].scalar.value)
                if NarrativeWordTable.mayStartWord(v, headBits) {
                    for w in byHead[v] ?? [] where at(w, i) { hits.append((w, i)) }
                }
                for w in slowHeads where at(w, i) { hits.append((w, i)) }
            } else {
                // A character without a key may still equal a word's first character (a compatibility ideograph).
                for w in words.indices where at(w, i) { hits.append((w, i)) }
            }
        }
        hits.sort { ($0.word, $0.start) < ($1.word, $1.start) }
        var out: [LabelMatch] = []
        func emit(weak: Bool) {
            for (w, s) in hits where (words[w].strength == .weak) == weak {
                let word = words[w]
                out.append(LabelMatch(topic: word.topic, start: s, end: s + word.chars.count, strength: word.strength, text: word.text))
            }
        }
        emit(weak: false)
        // One by one: joining them first would make two arrays for nothing.
        out += vehicles(chars)
        out += procurement(chars)
        out += classificationPaths(chars)
        emit(weak: true)
        return out
    }

    /// "公务用车购置及运行维护费", "公车运行费": the words up to 费 say which vehicle item.
    func vehicles(_ chars: [NarrativeChar]) -> [LabelMatch] {
        var out: [LabelMatch] = []
        for head in Self.vehicleHeads {
            for s in Self.occurrences(head, in: chars) {
                var e = s + head.count
                while e < chars.count && e - s < 16 && chars[e] != "费" && !NarrativeTokens.isDigit(chars[e])
                        && !NarrativeText.isClauseSeparator(chars[e]) { e += 1 }
                guard e < chars.count, chars[e] == "费" else { continue }
                let span = chars[s...e].text
                let buys = span.contains("购置"), runs = span.contains("运行") || span.contains("维护")
                let m: Measure = buys && runs ? .threePublicVehicle : buys ? .threePublicVehiclePurchase
                    : runs ? .threePublicVehicleOperation : .threePublicVehicle
                out.append(LabelMatch(topic: .threePublic(m), start: s, end: e + 1, strength: .strong, text: span))
            }
        }
        return out
    }

    /// The parts "政府采购" may be followed by.
    static let procurementParts: [String: ProcurementPart] = ["货物": .goods, "工程": .works, "服务": .services]

    /// "政府采购" and "政府采购货物/工程/服务".
    func procurement(_ chars: [NarrativeChar]) -> [LabelMatch] {
        var out: [LabelMatch] = []
        for s in Self.occurrences(Self.procurementWord, in: chars) {
            let next = chars[(s + 4)..<min(chars.count, s + 6)].text
            let part = Self.procurementParts[next] ?? .total
            let end = part == .total ? s + 4 : s + 6
            out.append(LabelMatch(topic: .procurement(part), start: s, end: end, strength: .strong, text: chars[s..<end].text))
        }
        return out
    }

    /// The label a figure after `chars` is stated for: the strong label ending last (then the longest);
    /// else a sub-label that continues `current`; else a weak one.
    func best(_ chars: [NarrativeChar], current: NarrativeTopic?) -> LabelMatch? {
        let all = matches(chars)
        let strong = all.filter { $0.strength == .strong }
        if let m = strong.max(by: { ($0.end, $0.end - $0.start) < ($1.end, $1.end - $1.start) }) {
            // "公务用车购置及运行维护费" also holds "运行维护费": the longer label covering it wins.
            return m
        }
        let subs = all.filter { m in
            m.strength == .sub && (m.topic.isVehicle && current?.isVehicle == true || m.topic.isProcurement && current?.isProcurement == true)
        }
        if let m = subs.max(by: { $0.end < $1.end }) { return m }
        return all.filter { $0.strength == .weak }.max(by: { $0.end < $1.end })
    }

    /// The fund a clause names: 一般公共预算 / 政府性基金 / 国有资本经营 / 财政拨款.
    static func scope(_ text: String) -> FundScope? {
        if text.containsText("政府性基金") { return .govFund }
        if text.containsText("国有资本经营") { return .stateCapital }
        if text.containsText("一般公共预算") { return .general }
        if text.containsText("财政拨款") { return .fiscal }
        return nil
    }

    /// 预算 or 决算, as the words before a figure say (fund names such as 一般公共预算 do not count).
    static func phase(_ text: String) -> Phase? {
        var t = text
        for fund in ["一般公共预算", "政府性基金预算", "国有资本经营预算", "部门预算"] { t = t.replacingAll(fund, with: "") }
        let plain = TextNormalization.isPlainCJK(t)
        let f = NarrativeWords.position(of: "决算", in: t, plain: plain), b = NarrativeWords.position(of: "预算", in: t, plain: plain)
        switch (f, b) {
        case (nil, nil): return nil
        case (.some, nil): return .final
        case (nil, .some): return .budget
        case (.some(let x), .some(let y)): return x > y ? .final : .budget
        }
    }

    static let procurementWord = NarrativeChar.array("政府采购")
    static let vehicleHeads = ["公务用车", "公车"].map(NarrativeChar.array)

    /// The first start at or after `from` where `word` occurs in `chars`; nil when there is none or `word` is empty.
    static func firstOccurrence(_ word: [NarrativeChar], in chars: [NarrativeChar], from: Int = 0) -> Int? {
        chars.withUnsafeBufferPointer { c in word.withUnsafeBufferPointer { w in nextOccurrence(w, in: c, from: from) } }
    }

    /// Every start where `word` occurs in `chars`, in order (overlapping ones too).
    static func occurrences(_ word: [NarrativeChar], in chars: [NarrativeChar]) -> [Int] {
        var out: [Int] = []
        // On the arrays' buffers, borrowed once for all the hits: every clause is searched for each of a few words.
        chars.withUnsafeBufferPointer { c in
            word.withUnsafeBufferPointer { w in
                var from = 0
                while let i = nextOccurrence(w, in: c, from: from) { out.append(i); from = i + 1 }
            }
        }
        return out
    }

    /// The one scan behind `firstOccurrence(_:in:from:)` and `occurrences(_:in:)`.
    @inline(__always) private static func nextOccurrence(_ w: UnsafeBufferPointer<NarrativeChar>, in c: UnsafeBufferPointer<NarrativeChar>,
                                       from: Int) -> Int? {
        guard let head = w.first, from >= 0, w.count <= c.count - from else { return nil }
        for i in from...(c.count - w.count) where c[i] == head {
            var j = 1
            while j < w.count && c[i + j] == w[j] { j += 1 }
            if j == w.count { return i }
        }
        return nil
    }
}

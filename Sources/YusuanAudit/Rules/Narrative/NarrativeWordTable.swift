import YusuanCore

/// What `NarrativeVocabulary` looks for, built from one year's 功能分类 catalog: the label words in the order
/// `matches` reports them and their index by first character. Built once per catalog and kept with it
/// (`Catalog.derived`), since every audit of the same year reads the same table; it does not keep the catalog.
struct NarrativeWordTable: Sendable {
    /// Names of 功能分类 类 (three-digit codes), normalised.
    let functional: [([NarrativeChar], String)]
    let words: [NarrativeVocabulary.Word]
    let byHead: [Int: [Int]]
    /// `byHead`'s keys as bits (`headBit`): a scalar whose bit is clear starts no word of `byHead`, told without
    /// hashing it (most characters of a clause start none).
    let headBits: [UInt64]
    let slowHeads: [Int]

    /// `headBits` holds 1024 bits, a scalar's by its value's low ten bits.
    static let headBitWords = 16

    /// Which word of `headBits` holds the bit of the scalar whose value is `v`, and that bit.
    @inline(__always) static func headBit(_ v: Int) -> (word: Int, bit: UInt64) {
        ((v >> 6) & (headBitWords - 1), 1 << UInt64(v & 63))
    }

    /// Whether a plain character whose scalar's value is `v` may start a word of `byHead` (false: it starts none).
    @inline(__always) static func mayStartWord(_ v: Int, _ headBits: [UInt64]) -> Bool {
        let (word, bit) = headBit(v)
        return headBits[word] & bit != 0
    }

    /// The table without a catalog: the fixed words only.
    static let noCatalog = NarrativeWordTable(catalog: nil)

    init(catalog: Catalog?) {
        var names: [([NarrativeChar], String)] = []
        for e in catalog?.entries.values.filter({ $0.code.count == 3 }).sorted(by: { $0.code < $1.code }) ?? [] {
            for n in [e.name] + e.aliases {
                let k = NarrativeText.normalise(n)
                // A residual class ("其他支出") reads as prose; a fund's name is a fund, not a class.
                if k.hasPrefix("其他") || k.contains("国有资本经营") || k.contains("政府性基金") || k.count < 4 { continue }
                names.append((NarrativeChar.array(k), e.code))
            }
        }
        functional = names
        var words = NarrativeVocabulary.strongWords.map { NarrativeVocabulary.Word(NarrativeChar.array($0.0), $0.1, .strong) }
        words += names.map { NarrativeVocabulary.Word($0.0, .fact(.functional($0.1), .total), .strong) }
        words += NarrativeVocabulary.subWords.map { NarrativeVocabulary.Word(NarrativeChar.array($0.0), $0.1, .sub) }
        words += [("收入", NarrativeTopic.income), ("支出", .expenditure)].map { NarrativeVocabulary.Word(NarrativeChar.array($0.0), $0.1, .weak) }
        var byHead: [Int: [Int]] = [:]
        var slowHeads: [Int] = []
        for (i, w) in words.enumerated() {
            guard let head = w.chars.first else { continue }
            if head.other == nil { byHead[Int(head.scalar.value), default: []].append(i) } else { slowHeads.append(i) }
        }
        self.words = words
        self.byHead = byHead
        var bits = [UInt64](repeating: 0, count: Self.headBitWords)
        for k in byHead.keys { let (word, bit) = Self.headBit(k); bits[word] |= bit }
        headBits = bits
        self.slowHeads = slowHeads
    }
}

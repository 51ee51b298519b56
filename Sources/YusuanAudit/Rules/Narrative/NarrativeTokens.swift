import YusuanCore

/// A number in a clause and what the word after it makes of it.
struct NarrativeToken: Sendable {
    enum Kind: Sendable, Equatable {
        case money(MoneyUnit)
        case percent
        /// "2 个百分点": a difference of percentages, not a percentage.
        case points
        /// "1 辆", "27 人": the counted word.
        case count(String)
        /// "2022年", "2020年度": a fiscal year.
        case year
        /// "2021年12月": a date, not a fiscal year.
        case date
        /// A number with no unit: list numbers, document numbers, phone numbers.
        case plain
    }

    var kind: Kind
    var value: Fixed
    /// Character offsets in the clause, the unit included.
    var start: Int
    var end: Int
}

/// Finds the numbers of a normalised clause.
enum NarrativeTokens {
    static let countWords = ["人次", "批次", "辆", "人", "名", "个", "次", "件", "台", "套", "项", "批", "家", "所", "户", "天", "场"]

    static func scan(_ chars: [Character]) -> [NarrativeToken] { scan(chars.map(NarrativeChar.init)) }

    static func scan(_ chars: [NarrativeChar]) -> [NarrativeToken] {
        var out: [NarrativeToken] = []
        var i = 0
        while i < chars.count {
            guard isDigit(chars[i]) else { i += 1; continue }
            let start = i
            let attached = start > 0 && (chars[start - 1].isASCII && (chars[start - 1].isLetter || chars[start - 1] == "-"))
            var j = i
            while j < chars.count && (isDigit(chars[j]) || (chars[j] == "," && NarrativeText.isThousandsComma(chars, j))) { j += 1 }
            if j + 1 < chars.count && chars[j] == "." && isDigit(chars[j + 1]) {
                j += 1
                while j < chars.count && isDigit(chars[j]) { j += 1 }
            }
            let digits = chars[start..<j].text
            i = j
            guard let value = NumberParser.parse(digits)?.value else { continue }
            let (kind, end) = attached ? (.plain, j) : classify(chars, number: digits, value: value, after: j)
            out.append(NarrativeToken(kind: kind, value: value, start: start, end: end))
            i = end
        }
        return out
    }

    static func isDigit(_ c: NarrativeChar) -> Bool { c.isASCIIDigit }

    static func classify(_ chars: [NarrativeChar], number: String, value: Fixed, after j: Int) -> (NarrativeToken.Kind, Int) {
        // The words after the number compared as characters where they stand (what `hasPrefix` on their text
        // compares), not made into a string first.
        func follows(_ w: [NarrativeChar]) -> Bool { NarrativeComparison.starts(chars, at: j, with: w) }
        if number.count == 4, value.scale == 0, (1990...2100).contains(Int(value.mantissa)), follows(Words.year) {
            let yearEnd = follows(Words.fiscalYear) ? j + 2 : j + 1
            var k = yearEnd
            while k < chars.count && isDigit(chars[k]) { k += 1 }
            if k > yearEnd && k < chars.count && chars[k] == "月" { return (.date, k + 1) }
            return (.year, yearEnd)
        }
        for (unit, w) in Words.units where follows(w) { return (.money(unit), j + w.count) }
        if follows(Words.percent) { return (.percent, j + 1) }
        if follows(Words.points) { return (.points, j + 4) }
        if follows(Words.shortPoints) { return (.points, j + 3) }
        for (word, w) in Words.counts where follows(w) { return (.count(word), j + w.count) }
        return (.plain, j)
    }

    /// The words `classify` looks for, as characters, made once.
    enum Words {
        static let year = NarrativeChar.array("年"), fiscalYear = NarrativeChar.array("年度")
        static let units = [MoneyUnit.yiYuan, .wanYuan, .yuan].map { ($0, NarrativeChar.array($0.rawValue)) }
        static let percent = NarrativeChar.array("%"), points = NarrativeChar.array("个百分点"), shortPoints = NarrativeChar.array("百分点")
        static let counts = countWords.map { ($0, NarrativeChar.array($0)) }
    }
}

import YusuanCore

/// A clause of the narrative: the text between two separators (，；：、), normalised, with its line.
struct NarrativeClause: Sendable {
    var text: String
    /// The separator that ended the clause before ("、", ",", ";", ":"); nil at the start of a sentence.
    var separatorBefore: Character?
    var location: SourceLocation
}

/// A sentence of a narrative block (up to "。", "!" or "?").
struct NarrativeSentence: Sendable {
    var text: String
    var clauses: [NarrativeClause]
    var location: SourceLocation
}

/// A narrative paragraph joined across page breaks, normalised, split into sentences and clauses.
struct NarrativeBlock: Sendable {
    var text: String
    var isHeading: Bool
    var location: SourceLocation
    var sentences: [NarrativeSentence]
}

/// Turns the paragraphs a reader saw into blocks of sentences and clauses.
///
/// Normalised text is half-width (",", ";", ":", "(", "%"), has no spaces between Chinese
/// characters and figures ("64.63 万元" → "64.63万元") and no quotation marks ("“三公”" → "三公").
enum NarrativeText {
    static let sentenceEnds: Set<Character> = ["。", "!", "?"]
    static let clauseSeparators: Set<Character> = [",", ";", ":", "、"]

    // A plain character (`other == nil`) equals these plain scalars only by value; any other one is compared as
    // a `Character` (U+037E, the Greek question mark, equals ";").
    static func isSentenceEnd(_ c: NarrativeChar) -> Bool {
        if c.other == nil { return c.scalar == "。" || c.scalar == "!" || c.scalar == "?" }
        return c == "。" || c == "!" || c == "?"
    }
    static func isClauseSeparator(_ c: NarrativeChar) -> Bool {
        if c.other == nil { return c.scalar == "," || c.scalar == ";" || c.scalar == ":" || c.scalar == "、" }
        return c == "," || c == ";" || c == ":" || c == "、"
    }

    static func normalise(_ s: String) -> String {
        let compact = TextNormalization.compactChinese(TextNormalization.halfWidth(s))
        // Quotes: " ' (22, 27) and “”‘’ (E2 80 98–9D); text without their bytes is kept as it is.
        guard hasQuoteBytes(compact) else { return compact }
        return withoutQuotes(compact)
    }

    static func isQuote(_ v: UInt32) -> Bool { v == 0x22 || v == 0x27 || v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019 }

    /// `s` without the characters “”‘’"'. When every other scalar is plain (`NarrativeChar.isPlain`), each scalar
    /// is a character of its own and the quotes are dropped scalar by scalar; else character by character.
    static func withoutQuotes(_ s: String) -> String {
        guard s.unicodeScalars.allSatisfy({ NarrativeChar.isPlain($0) || isQuote($0.value) }) else {
            return String(s.filter { !"“”‘’\"'".contains($0) })
        }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars where !isQuote(u.value) { out.append(u) }
        return String(out)
    }

    /// Whether `s` holds " or ' (22, 27) or E2 80 followed by 98–9D (“”‘’ and the two other single quotes).
    static func hasQuoteBytes(_ s: String) -> Bool {
        TextNormalization.withBytes(s) { bytes in
            var p1: UInt8 = 0, p2: UInt8 = 0
            for b in bytes {
                if b == 0x22 || b == 0x27 || (p2 == 0xE2 && p1 == 0x80 && (0x98...0x9D).contains(b)) { return true }
                p2 = p1
                p1 = b
            }
            return false
        }
    }

    static func blocks(_ paragraphs: [Paragraph]) -> [NarrativeBlock] {
        var out: [NarrativeBlock] = []
        let normalised = paragraphs.map { normalise($0.text) }
        var i = 0
        while i < paragraphs.count {
            let first = paragraphs[i]
            var text = strippedOutline(normalised[i])
            var segments: [(Int, SourceLocation)] = [(0, first.location)]
            var j = i
            while j + 1 < paragraphs.count && joins(paragraphs[j], paragraphs[j + 1], normalised: normalised[j]) {
                j += 1
                segments.append((TextNormalization.isPlainCJK(text) ? text.unicodeScalars.count : text.count, paragraphs[j].location))
                text += normalised[j]
            }
            out.append(NarrativeBlock(text: text, isHeading: first.isHeading && j == i, location: first.location,
                                      sentences: sentences(text, segments: segments)))
            i = j + 1
        }
        return out
    }

    /// "1." / "(一)" / "一、" at the start of a paragraph carry no figure.
    static func strippedOutline(_ s: String) -> String {
        guard RowLabels.mayHaveOrdinal(s) else { return s }
        let (depth, rest) = RowLabels.outline(s)
        return depth == nil ? s : rest
    }

    /// Whether `b` continues `a` after a page or line break ("…，社会" + "保障和就业支出 64.63 万元").
    /// `t` is `normalise(a.text)`.
    static func joins(_ a: Paragraph, _ b: Paragraph, normalised t: String) -> Bool {
        if a.isHeading || b.isHeading { return false }
        guard let last = t.last else { return false }
        if sentenceEnds.contains(last) || ";)".contains(last) { return false }
        // A short line without punctuation is a title ("…2022年部门预算情况说明"), not a sentence cut by a page.
        // Plain text (`TextNormalization.isPlainCJK`) is counted and searched by scalars, each a character there.
        let plain = TextNormalization.isPlainCJK(t)
        if (plain ? t.unicodeScalars.count : t.count) <= 40
            && !(plain ? t.unicodeScalars.contains { isClauseSeparator(NarrativeChar($0)) } : t.contains(where: { clauseSeparators.contains($0) })) {
            return false
        }
        // `halfWidth` is idempotent, so this is the depth of `halfWidth(b.text)`, without mapping the whole text.
        if RowLabels.depth(b.text) != nil { return false }
        if let la = a.location.line, let lb = b.location.line, lb - la > 4 { return false }
        return true
    }

    static func sentences(_ text: String, segments: [(Int, SourceLocation)]) -> [NarrativeSentence] {
        let chars = NarrativeChar.array(text)
        func location(_ offset: Int) -> SourceLocation {
            segments.last { $0.0 <= offset }?.1 ?? segments.first?.1 ?? SourceLocation()
        }
        // The characters' bytes, in order, are the bytes of `text`: a clause or sentence is cut from them (what
        // `chars[a..<b].text` writes), tracking each character's byte offset as it is read.
        return TextNormalization.withBytes(text) { bytes in
            func cut(_ a: Int, _ b: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[min(a, bytes.count)..<min(b, bytes.count)]), as: UTF8.self)
            }
            var out: [NarrativeSentence] = []
            var clauses: [NarrativeClause] = []
            var clauseStart = 0, clauseByte = 0
            var sentenceStart = 0, sentenceByte = 0
            var separator: Character?
            func closeClause(at endByte: Int) {
                if endByte > clauseByte {
                    clauses.append(NarrativeClause(text: cut(clauseByte, endByte), separatorBefore: separator,
                                                   location: location(clauseStart)))
                }
            }
            func closeSentence(at endByte: Int) {
                closeClause(at: endByte)
                if !clauses.isEmpty {
                    out.append(NarrativeSentence(text: cut(sentenceByte, endByte), clauses: clauses,
                                                 location: location(sentenceStart)))
                }
                clauses = []
                separator = nil
            }
            var byte = 0
            for (k, c) in chars.enumerated() {
                // A plain scalar is ASCII (one byte) or in U+3000–U+FFFF (three).
                let width = c.other.map { $0.utf8.count } ?? (c.scalar.value < 0x80 ? 1 : 3)
                if isSentenceEnd(c) {
                    closeSentence(at: byte)
                    sentenceStart = k + 1
                    clauseStart = k + 1
                    sentenceByte = byte + width
                    clauseByte = byte + width
                } else if isClauseSeparator(c) && !isThousandsComma(chars, k) {
                    closeClause(at: byte)
                    separator = c.character
                    clauseStart = k + 1
                    clauseByte = byte + width
                }
                byte += width
            }
            closeSentence(at: byte)
            return out
        }
    }

    /// "1,234.56": a comma between a digit and exactly three digits.
    static func isThousandsComma(_ chars: [NarrativeChar], _ k: Int) -> Bool {
        guard chars[k] == ",", k > 0, chars[k - 1].isASCIIDigit, k + 3 < chars.count + 1 else { return false }
        var n = 0
        var j = k + 1
        while j < chars.count && chars[j].isASCIIDigit { n += 1; j += 1 }
        return n == 3
    }
}

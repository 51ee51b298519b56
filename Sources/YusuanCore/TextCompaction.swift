extension TextNormalization {
    /// Removes whitespace that a PDF copy puts between Chinese characters, keeping it between Latin words.
    public static func compactChinese(_ s: String) -> String {
        // Without white space inside (Character.isWhitespace is its first scalar's White_Space), nothing is removed.
        if !hasSpace(s) { return s }
        return scalarsAreCharacters(s) ? compactPlain(s) : compactCharacters(s)
    }

    /// `compactChinese` over `Character`s: the definition, for text whose scalars may join into one character
    /// (`compactPlain` is its byte path).
    static func compactCharacters(_ s: String) -> String {
        let chars = Array(s.trimmed)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                var j = i
                while j < chars.count && chars[j].isWhitespace { j += 1 }
                let before = out.last
                let after = j < chars.count ? chars[j] : nil
                if let b = before, let a = after, isLatinOrDigit(b) && isLatinOrDigit(a) { out.append(" ") }
                i = j
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// Whether `s` holds a White_Space scalar (`Unicode.Scalar.isSpace`), found on its UTF-8 bytes by the trimming's
    /// own test (`spaceLength`). A continuation byte never equals a first byte, so a match is the scalar itself.
    static func hasSpace(_ s: String) -> Bool {
        withBytes(s) { b in b.indices.contains { spaceLength(b, at: $0, end: b.count) > 0 } }
    }

    /// Whether every byte of `s` is ASCII but CR, so a character of its own (CR joins a following LF): then the byte
    /// count is the character count, and a byte test is a character test.
    public static func bytesAreCharacters(_ s: String) -> Bool {
        // A loop over the buffer's bytes (the `UTF8View`'s own iteration cost 0.5 M instructions per audit).
        withBytes(s) { b in
            for c in b where c >= 0x80 || c == 0x0D { return false }
            return true
        }
    }

    /// Whether each scalar of `s` is a character of its own: plain text (`isPlainCJK`) that may also hold general
    /// punctuation and symbols U+2000–U+23FF (curly quotes, dashes, ≤ ≥: narrative paragraphs print them) but the
    /// joiners U+200C and U+200D and the combining marks U+20D0–U+20FF. No other scalar there extends, prepends or
    /// joins (the format ones break on both sides), so no two scalars make one character.
    public static func scalarsAreCharacters(_ s: String) -> Bool {
        withBytes(s) { b in
            let n = b.count
            var segment = 0  // the start of the bytes not yet checked as plain
            var i = 0
            while i < n {
                // E2 is never a continuation byte: it starts a scalar U+2000–U+2FFF; E2 80–8F is U+2000–U+23FF.
                if b[i] == 0xE2 && i + 2 < n && (0x80...0x8F).contains(b[i + 1]) {
                    let x = b[i + 1], y = b[i + 2]
                    if x == 0x80 && (y == 0x8C || y == 0x8D) { return false }  // U+200C, U+200D
                    if x == 0x83 && y >= 0x90 { return false }  // U+20D0–U+20FF
                    if i > segment && !isPlainCJK(s, startingIn: segment, through: i - 1) { return false }
                    i += 3
                    segment = i
                    continue
                }
                i += 1
            }
            return segment >= n || isPlainCJK(s, startingIn: segment, through: n)
        }
    }

    /// `compactChinese` for text whose scalars are characters (`scalarsAreCharacters`), over its UTF-8 bytes. Its
    /// white space (a character's first scalar's White_Space, here the scalar's) is what `spaceLength` finds; a run
    /// at either end has no neighbour on one side and is dropped, which is the trimming. The first byte of a scalar
    /// is an ASCII letter or digit exactly when the scalar is, and so is the last byte written.
    static func compactPlain(_ s: String) -> String {
        withBytes(s) { b in
            let n = b.count
            func spaceWidth(_ i: Int) -> Int { spaceLength(b, at: i, end: n) }
            // A byte is written for each byte kept and at most one for a run of white space dropped, so never more
            // than were read: the text goes straight into the new string's storage (one allocation).
            return string(capacity: n) { out in
                var last: UInt8 = 0  // the last byte written; 0 before any
                var i = 0
                while i < n {
                    var w = spaceWidth(i)
                    if w == 0 {
                        out.put(b[i])
                        last = b[i]
                        i += 1
                        continue
                    }
                    var j = i
                    while w > 0 {
                        j += w
                        w = j < n ? spaceWidth(j) : 0
                    }
                    if j < n && isLatinOrDigit(Unicode.Scalar(last)) && isLatinOrDigit(Unicode.Scalar(b[j])) {
                        out.put(0x20)
                        last = 0x20
                    }
                    i = j
                }
            }
        }
    }

    static func isLatinOrDigit(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }

    static func isLatinOrDigit(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber)
    }
}

import YusuanCore

/// A character of the narrative, compared as Swift compares `Character`s but without grapheme breaking or a
/// string comparison when that gives the same answer.
///
/// Plain text (`TextNormalization.isPlainCJK`: ASCII, CJK, full-width forms) is in NFC and each of its scalars is a
/// character of its own that no other character equals, so its characters are its scalars and compare by value.
/// Any other character (a compatibility ideograph, a combining sequence, CR LF) keeps the `Character` and compares
/// as one, so the parser reads every text as it did over `[Character]`: same offsets, same matches.
struct NarrativeChar: Equatable, Sendable, ExpressibleByUnicodeScalarLiteral {
    /// The scalar; for a character that is not plain, its first scalar.
    let scalar: Unicode.Scalar
    /// The character when it is not one plain scalar; nil for a plain scalar.
    let other: Character?

    init(unicodeScalarLiteral s: Unicode.Scalar) { self.init(s) }

    /// A character made of this one scalar.
    init(_ s: Unicode.Scalar) {
        scalar = s
        other = Self.isPlain(s) ? nil : Character(s)
    }

    init(_ c: Character) {
        let scalars = c.unicodeScalars
        let first = scalars.first ?? " "
        scalar = first
        let single = scalars.index(after: scalars.startIndex) == scalars.endIndex
        other = single && Self.isPlain(first) ? nil : c
    }

    /// The scalars `TextNormalization.isPlainCJK` accepts.
    @inline(__always) static func isPlain(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0D: false
        case 0...0x7F: true
        case 0x302A...0x302F, 0x3099, 0x309A: false
        case 0x3000...0x9FFF: true
        case 0xFF9E, 0xFF9F: false
        case 0xFF00...0xFFFF: true
        default: false
        }
    }

    var character: Character { other ?? Character(scalar) }

    static func == (a: NarrativeChar, b: NarrativeChar) -> Bool {
        if a.other == nil && b.other == nil { return a.scalar == b.scalar }
        return a.character == b.character
    }

    var isASCII: Bool { other?.isASCII ?? scalar.isASCII }

    /// An ASCII digit (what `isASCII && isNumber` says of a `Character`).
    var isASCIIDigit: Bool { other == nil && (0x30...0x39).contains(scalar.value) }

    var isNumber: Bool { other?.isNumber ?? Character(scalar).isNumber }
    var isLetter: Bool { other?.isLetter ?? Character(scalar).isLetter }
    var isPunctuation: Bool { other?.isPunctuation ?? Character(scalar).isPunctuation }
    var isWhitespace: Bool { other?.isWhitespace ?? Character(scalar).isWhitespace }

    /// The characters of `s`: its scalars when it is plain, else its `Character`s.
    static func array(_ s: String) -> [NarrativeChar] {
        // Plainness is a test of each scalar alone (`isPlain`), made as the scalars are read: one pass for plain
        // text, not a pass to test it and another to read it. The first scalar that is not plain starts the reading
        // over characters again.
        var out: [NarrativeChar] = []
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            guard isPlain(u) else { return s.map(NarrativeChar.init) }
            out.append(NarrativeChar(plain: u))
        }
        return out
    }

    private init(plain s: Unicode.Scalar) {
        scalar = s
        other = nil
    }
}

extension Collection where Element == NarrativeChar {
    /// The text of these characters, written into the new string's storage at its length (one allocation, none
    /// for a short text): the parser makes one for each word and clause it reads.
    var text: String {
        var length = 0
        for c in self { length += c.other?.utf8.count ?? UTF8.width(c.scalar) }
        // The count above is exact: no byte is dropped.
        return TextNormalization.string(capacity: length) { w in
            for c in self {
                if let o = c.other {
                    for b in o.utf8 { w.put(b) }
                    continue
                }
                // Plain scalars are below U+10000: at most three bytes, written here directly (`UTF8.encode`'s
                // general path costs more on this, the parser's most frequent text).
                let v = c.scalar.value
                if v < 0x80 {
                    w.put(UInt8(v))
                } else if v < 0x800 {
                    w.put(UInt8(0xC0 | (v >> 6)))
                    w.put(UInt8(0x80 | (v & 0x3F)))
                } else {
                    w.put(UInt8(0xE0 | (v >> 12)))
                    w.put(UInt8(0x80 | ((v >> 6) & 0x3F)))
                    w.put(UInt8(0x80 | (v & 0x3F)))
                }
            }
        }
    }
}

extension String {
    /// The narrative characters of this text (`NarrativeChar.array`).
    var narrativeChars: [NarrativeChar] { NarrativeChar.array(self) }
}

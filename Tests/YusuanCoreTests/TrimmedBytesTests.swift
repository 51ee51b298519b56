import Testing
@testable import YusuanCore

/// `trimmed` and `Cell.isBlank` work on the bytes of the string's buffer: the same answers as trimming
/// Unicode scalars with `Unicode.Scalar.isSpace`.
@Suite struct TrimmedBytesTests {
    /// Every white-space scalar `trimmed` removes, and scalars next to them in UTF-8 that it must keep.
    static let spaces: [Unicode.Scalar] = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2005, 0x200A,
                                           0x2028, 0x2029, 0x202F, 0x205F, 0x3000].compactMap(Unicode.Scalar.init)
    static let others: [Unicode.Scalar] = [0x41, 0x08, 0x0E, 0x1F, 0x84, 0x86, 0x9F, 0xA1, 0x167F, 0x1681, 0x180E, 0x200B,
                                           0x2027, 0x202A, 0x202E, 0x2030, 0x205E, 0x2060, 0x3001, 0x2F00, 0x4E2D, 0x5143,
                                           0x0301, 0xFEFF, 0xF98E, 0x1F600].compactMap(Unicode.Scalar.init)

    /// White space as `trimmed` documents it.
    static func isSpace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Trimming as it was: scalars from both ends.
    static func reference(_ s: String) -> String {
        var scalars = Array(s.unicodeScalars)
        while let f = scalars.first, isSpace(f) { scalars.removeFirst() }
        while let l = scalars.last, isSpace(l) { scalars.removeLast() }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    @Test func everyWhiteSpaceScalarIsTrimmedFromBothEndsAndNothingElse() {
        for space in Self.spaces {
            for other in Self.others {
                for text in ["\(space)\(other)", "\(other)\(space)", "\(space)\(space)\(other)\(space)\(other)\(space)",
                             "\(other)", "\(space)", "\(space)\(space)", "\(other)\(space)\(other)"] {
                    #expect(text.trimmed == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                    #expect(TextNormalization.isBlank(text) == Self.reference(text).isEmpty)
                    #expect(Cell(text: text, location: SourceLocation()).isBlank == Self.reference(text).isEmpty)
                }
            }
        }
    }

    @Test func everyScalarUpToU3100AndTheLastPlanesTrimAsScalarsDo() {
        let values = Array(0..<0x3100) + Array(0xF900..<0xFB00) + Array(0xFF00..<0x1_0000) + [0x1_0000, 0x1F600, 0x10_FFFF]
        for value in values {
            guard let u = Unicode.Scalar(value) else { continue }
            for text in ["\(u)中", "中\(u)", "\(u)", "\(u)\u{3000}", "\u{3000}\(u)"] {
                #expect(text.trimmed == Self.reference(text), "U+\(String(value, radix: 16))")
                #expect(TextNormalization.isBlank(text) == Self.reference(text).isEmpty)
            }
        }
    }

    @Test func randomTextsTrimAsScalarsDo() {
        var rng = SplitMix64(seed: 42)
        let alphabet = Self.spaces + Self.others
        for _ in 0..<5_000 {
            let n = Int(rng.next() % 8)
            var view = String.UnicodeScalarView()
            for _ in 0..<n { view.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            let text = String(view)
            #expect(text.trimmed == Self.reference(text))
            #expect(text.trimmed.unicodeScalars.elementsEqual(Self.reference(text).unicodeScalars))
            #expect(TextNormalization.isBlank(text) == text.unicodeScalars.allSatisfy(Self.isSpace))
            // A substring takes the scalar path; the same answer.
            #expect(text[...].trimmed == Self.reference(text))
        }
    }

    /// `trimmedRange` answers from the end bytes alone when neither can be white space: the byte range of the
    /// scalars trimming keeps, on any text.
    @Test func trimmedRangeIsTheRangeOfTheScalarsKept() {
        var rng = SplitMix64(seed: 30)
        let alphabet = Self.spaces + Self.others
        for _ in 0..<20_000 {
            let n = Int(rng.next() % 7)
            var scalars: [Unicode.Scalar] = []
            for _ in 0..<n { scalars.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            let lead = scalars.prefix { Self.isSpace($0) }.count
            let trail = lead == n ? 0 : scalars.reversed().prefix { Self.isSpace($0) }.count
            let bytes = scalars.map { String($0).utf8.count }
            let expected = bytes.prefix(lead).reduce(0, +)..<(bytes.reduce(0, +) - bytes.suffix(trail).reduce(0, +))
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            var text = String(view)
            let range = text.withUTF8 { TextNormalization.trimmedRange($0) }
            #expect(range == expected,
                    "\(scalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func aStringWithNothingToTrimIsReturnedAsItIs() {
        for text in ["", "中", "预算 收入", "合计\t", "\u{3000}收入", "元", "U+2003\u{2003}x"] {
            #expect(text.trimmed == Self.reference(text))
        }
        #expect("".trimmed.isEmpty && TextNormalization.isBlank(""))
        #expect("  \t\u{3000}\u{00A0}".trimmed.isEmpty)
    }
}

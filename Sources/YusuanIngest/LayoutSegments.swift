import YusuanCore

/// Splits a line of space-aligned text (as `pdftotext -layout` prints) into cells with their
/// character spans: runs of two or more spaces separate cells, and so does a single space between
/// a figure and a label ("156,211,123 一、一般公共服务支出"), which a narrow column leaves.
enum LayoutSegments {
    struct Segment {
        var text: String
        var span: Range<Int>
    }

    /// With `wide`, spans count display columns (a CJK character two, as `PDFWordLayout` prints
    /// them on its grid); otherwise characters (as `pdftotext -layout` prints them).
    static func split(_ line: String, wide: Bool = false) -> [Segment] {
        let segments = split(line)
        guard wide, line.unicodeScalars.contains(where: { PDFWordLayout.isWide($0.value) }) else { return segments }
        // Display column of each character offset (of the line as `split` reads it: an ideographic
        // space is two spaces there).
        let spaced = line.contains(ideographicSpace) ? line.replacingAll(ideographicSpace, with: "  ") : line
        var column = [0]
        if TextNormalization.scalarsAreCharacters(spaced) {  // one scalar per character
            for v in spaced.unicodeScalars { column.append((column.last ?? 0) + (PDFWordLayout.isWide(v.value) ? 2 : 1)) }
        } else {
            for c in spaced { column.append((column.last ?? 0) + (PDFWordLayout.isWide(c) ? 2 : 1)) }
        }
        let count = column.count - 1
        return segments.map { s in
            let lo = column[min(s.span.lowerBound, count)], hi = column[min(s.span.upperBound, count)]
            return Segment(text: s.text, span: lo..<hi)
        }
    }

    static func split(_ line: String) -> [Segment] {
        let spaced = line.contains(ideographicSpace) ? line.replacingAll(ideographicSpace, with: "  ") : line
        // Each run is split at once into the one array returned (no array of the runs, none for each run).
        var out: [Segment] = []
        if TextNormalization.scalarsAreCharacters(spaced) {
            // Each character is one scalar (so offsets are the same; and a space character is the space scalar
            // alone), and the space scalar is the byte 20, which no other scalar's UTF-8 holds: the runs are found
            // on the line's bytes, each cut from them, and their byte bounds turned into scalar offsets in one
            // pass (no array of the line's scalars, none of their byte offsets).
            TextNormalization.withBytes(spaced) { bytes in
                var scalars = 0, at = 0  // `scalars` scalars start before byte `at`
                func scalarOffset(_ byte: Int) -> Int {
                    while at < byte {
                        if bytes[at] & 0xC0 != 0x80 { scalars += 1 }
                        at += 1
                    }
                    return scalars
                }
                let runs = spans(bytes, space: 0x20)
                out.reserveCapacity(runs.count)
                for r in runs {
                    let lo = scalarOffset(r.lowerBound), hi = scalarOffset(r.upperBound)
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
                    // A run of the line is a run of its scalars: each a character, as on the whole line.
                    splitFigureFromLabel(Segment(text: text, span: lo..<hi), scalarsAreCharacters: true, into: &out)
                }
            }
        } else {
            let chars = Array(spaced)
            let runs = spans(chars, space: " ")
            out.reserveCapacity(runs.count)
            for r in runs { splitFigureFromLabel(Segment(text: String(chars[r]), span: r), into: &out) }
        }
        return out
    }

    static let ideographicSpace = "\u{3000}"

    /// The runs of `chars` between two or more spaces (a single space stays inside a run; spaces at the end
    /// close it).
    static func spans<C: RandomAccessCollection>(_ chars: C, space: C.Element) -> [Range<Int>]
    where C.Index == Int, C.Element: Equatable {
        var out: [Range<Int>] = []
        var i = 0
        while i < chars.count {
            while i < chars.count && chars[i] == space { i += 1 }
            guard i < chars.count else { break }
            let start = i
            var end = i
            while end < chars.count {
                if chars[end] == space {
                    var j = end
                    while j < chars.count && chars[j] == space { j += 1 }
                    if j - end >= 2 || j == chars.count { break }
                }
                end += 1
            }
            out.append(start..<end)
            i = end
        }
        return out
    }

    /// "156,211,123 一、一般公共服务支出" → the figure and the label, appended to `segments`; "1. 一般公共预算资金"
    /// is appended whole.
    /// `scalarsAreCharacters`: what `TextNormalization.scalarsAreCharacters(s.text)` is, when the caller knows it.
    static func splitFigureFromLabel(_ s: Segment, scalarsAreCharacters: Bool? = nil, into segments: inout [Segment]) {
        // Most cells hold no space: one word, nothing to split.
        // (Searched on the contiguous bytes: `utf8.contains` steps the string's view, about 15 instructions a byte.)
        guard TextNormalization.withBytes(s.text, { $0.contains(UInt8(ascii: " ")) }) else { return segments.append(s) }
        // A figure word (`isFigureWord`) holds a "," or a "." (the rarer test, first: narrative lines with years and
        // counts have none), and an ASCII digit or a full-width one (UTF-8 EF BC 90–99) for `parseUnsigned` to
        // read: without both, no word is a figure and nothing is split.
        guard TextNormalization.withBytes(s.text, { b in
            b.contains { $0 == 0x2C || $0 == 0x2E } && b.contains { (0x30...0x39).contains($0) || $0 == 0xEF }
        }) else {
            return segments.append(s)
        }
        let (words, lengths) = wordsAndLengths(s.text, scalarsAreCharacters: scalarsAreCharacters)
        guard words.count > 1 else { return segments.append(s) }
        var out: [Segment] = []
        var current = ""
        var currentStart = s.span.lowerBound
        var offset = s.span.lowerBound
        var previousIsFigure: Bool?
        for (k, w) in words.enumerated() {
            let isFigure = isFigureWord(w)
            if let p = previousIsFigure, p != isFigure, !current.isEmpty {
                out.append(Segment(text: current, span: currentStart..<(offset - 1)))
                current = ""
                currentStart = offset
            }
            if !current.isEmpty { current += " " }
            current += w
            previousIsFigure = isFigure
            offset += lengths[k] + (k + 1 < words.count ? 1 : 0)
        }
        out.append(Segment(text: current, span: currentStart..<s.span.upperBound))
        if out.count > 1 && out.allSatisfy({ !$0.text.isEmpty }) { segments += out } else { segments.append(s) }
    }

    /// The words of `text` between spaces and each one's length in characters. Text whose characters are single
    /// scalars (`scalarsAreCharacters`: no combining mark after a space) is cut at its space bytes and counted by
    /// scalars.
    /// `scalarsAreCharacters` is that test's answer when the caller knows it (the text is a piece of a line that
    /// passed it: the test is one of each scalar alone), else nil and the text is tested.
    static func wordsAndLengths(_ text: String, scalarsAreCharacters known: Bool? = nil) -> (words: [String], lengths: [Int]) {
        guard known ?? TextNormalization.scalarsAreCharacters(text) else {
            let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            return (words, words.map(\.count))
        }
        return TextNormalization.withBytes(text) { bytes in
            var words: [String] = [], lengths: [Int] = []
            var start = 0, scalars = 0
            func close(_ end: Int) {
                if end > start {
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                    lengths.append(scalars)
                }
            }
            for i in bytes.indices {
                if bytes[i] == 0x20 {
                    close(i)
                    start = i + 1
                    scalars = 0
                } else if bytes[i] & 0xC0 != 0x80 {
                    scalars += 1
                }
            }
            close(bytes.count)
            return (words, lengths)
        }
    }

    /// A printed amount ("156,211,123", "951.81", "-"), not a list number ("1.") or a code.
    static func isFigureWord(_ w: String) -> Bool {
        guard let n = NumberParser.parse(w), !n.isDash else { return false }
        if w.hasSuffix(".") || w.hasSuffix("、") { return false }
        // Only figures that cannot be a year or a list number: grouped thousands or decimals.
        return w.containsText(",") || (w.containsText(".") && w.last?.isNumber == true)
    }
}

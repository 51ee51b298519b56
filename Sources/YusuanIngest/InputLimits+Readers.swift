import YusuanCore

extension TextReader {
    /// Reads `text` within `limits`: refuses more than `maxLines` lines or a line of more than
    /// `maxCellsPerLine` cells, naming the line.
    public static func read(_ text: String, source: String, limits: InputLimits) throws(IngestError) -> RawDocument {
        try limits.precheck(text, source: source)
        let doc = read(text, source: source)
        try limits.check(doc)
        return doc
    }
}

extension HTMLReader {
    /// Reads `text` within `limits`: refuses elements nested more than `maxHTMLDepth` deep, more
    /// than `maxLines` rows and blocks, or a row of more than `maxCellsPerLine` cells.
    public static func read(_ text: String, source: String, limits: InputLimits) throws(IngestError) -> RawDocument {
        try limits.precheck(text, source: source)
        let (root, tooDeepAt) = HTMLTreeBuilder.build(HTMLTokenizer.tokens(text), depthLimit: limits.maxHTMLDepth)
        if let line = tooDeepAt {
            throw IngestError(file: source, message: "HTML nested too deeply: more than \(limits.maxHTMLDepth) levels of elements",
                              location: SourceLocation(line: line))
        }
        let doc = read(root, source: source)
        try limits.check(doc)
        return doc
    }
}

extension InputLimits {
    /// Checks what a single pass over the text can tell before it is read: the number of lines
    /// and, for tab-separated lines, the number of cells.
    func precheck(_ text: String, source: String) throws(IngestError) {
        // Over the string's buffer: the first cap passed, and the line where it was.
        let (maxLines, maxCellsPerLine) = (self.maxLines, self.maxCellsPerLine)
        let over: (tooManyLines: Bool, line: Int)? = TextNormalization.withBytes(text) { bytes in
            var line = 1
            var tabs = 0
            for byte in bytes {
                if byte == 0x0A {
                    line += 1
                    tabs = 0
                    if line > maxLines { return (true, line) }
                } else if byte == 0x09 {
                    tabs += 1
                    if tabs + 1 > maxCellsPerLine { return (false, line) }
                }
            }
            return nil
        }
        guard let over else { return }
        let at = SourceLocation(line: over.line)
        throw over.tooManyLines ? tooManyLines(source, at: at) : tooWide(source, at: at)
    }

    /// Checks a read document against the line and cell caps.
    func check(_ doc: RawDocument) throws(IngestError) {
        if doc.lines.count > maxLines {
            throw tooManyLines(doc.source, at: doc.lines[maxLines].location)
        }
        if let wide = doc.lines.first(where: { $0.cells.count > maxCellsPerLine }) {
            throw tooWide(doc.source, at: wide.location)
        }
    }

    func tooManyLines(_ source: String, at location: SourceLocation) -> IngestError {
        IngestError(file: source, message: "too many lines: more than \(maxLines)", location: location)
    }

    func tooWide(_ source: String, at location: SourceLocation) -> IngestError {
        IngestError(file: source, message: "line too wide: more than \(maxCellsPerLine) cells", location: location)
    }
}

extension PDFWords {
    /// The largest coordinate kept, in points: a PDF page is at most 14,400 pt (200 inches) wide.
    static let maxCoordinate = 30_000.0

    /// `pages` with words that have a non-finite coordinate dropped and the others clamped to
    /// 0…`maxCoordinate`: the layout turns positions into counts of characters, and a word the
    /// PDF placed at x = 1e30, at a negative x or at NaN would trap or fill memory with spaces.
    static func onPage(_ pages: [[PDFWord]]) -> [[PDFWord]] {
        pages.map { words in
            words.compactMap { w in
                let all = [w.xMin, w.yMin, w.xMax, w.yMax]
                guard all.allSatisfy(\.isFinite) else { return nil }
                func clamp(_ v: Double) -> Double { Swift.min(Swift.max(v, 0), maxCoordinate) }
                return PDFWord(text: w.text, xMin: clamp(w.xMin), yMin: clamp(w.yMin), xMax: clamp(w.xMax), yMax: clamp(w.yMax))
            }
        }
    }
}

/// One piece of an HTML source: a start tag, an end tag or a run of text, with its source line.
enum HTMLToken: Equatable {
    case start(name: String, attributes: [String: String], selfClosing: Bool, line: Int)
    case end(name: String, line: Int)
    /// Entity-decoded text; `line` is where its first non-blank character stands.
    case text(String, line: Int)
}

/// A forgiving HTML tokenizer: tags in any case, attributes with or without quotes, comments,
/// doctypes and processing instructions dropped, script/style bodies skipped, a stray `<` kept as
/// text, an unterminated tag or comment running to the end of input. It never fails.
struct HTMLTokenizer {
    /// Elements whose body is not markup; their text is dropped.
    static let skippedBodies: Set<String> = ["script", "style", "noscript", "xmp", "iframe", "noembed", "noframes", "template"]
    /// Elements whose body is plain text (entities decoded, no tags).
    static let textBodies: Set<String> = ["title", "textarea"]

    private let b: [UInt8]
    private var i = 0
    private var line = 1
    private var countedTo = 0

    init(_ text: String) { b = Array(text.utf8) }

    /// All tokens of the source.
    static func tokens(_ text: String) -> [HTMLToken] {
        var t = HTMLTokenizer(text)
        return t.run()
    }

    private mutating func lineAt(_ pos: Int) -> Int {
        while countedTo < pos && countedTo < b.count {
            if b[countedTo] == 0x0A { line += 1 }
            countedTo += 1
        }
        return line
    }

    private mutating func run() -> [HTMLToken] {
        var out: [HTMLToken] = []
        var textStart = 0
        func flushText(_ end: Int, _ t: inout HTMLTokenizer) {
            guard end > textStart else { return }
            let slice = t.b[textStart..<end]
            let firstInk = slice.firstIndex { !Self.isSpace($0) } ?? textStart
            out.append(.text(HTMLEntities.decode(slice), line: t.lineAt(firstInk)))
        }
        while i < b.count {
            guard b[i] == UInt8(ascii: "<"), i + 1 < b.count else { i += 1; continue }
            let next = b[i + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                flushText(i, &self)
                if starts(with: Self.commentOpen, at: i) {
                    i = find(Self.commentClose, from: i + 4).map { $0 + 3 } ?? b.count
                } else {
                    i = (b[i...].firstIndex(of: UInt8(ascii: ">")) ?? b.count - 1) + 1
                }
                textStart = i
            } else if next == UInt8(ascii: "/"), i + 2 < b.count, Self.isAlpha(b[i + 2]) {
                flushText(i, &self)
                let tagLine = lineAt(i)
                i += 2
                let name = readName()
                i = (b[i...].firstIndex(of: UInt8(ascii: ">")) ?? b.count - 1) + 1
                out.append(.end(name: name, line: tagLine))
                textStart = i
            } else if Self.isAlpha(next) {
                flushText(i, &self)
                let tagLine = lineAt(i)
                i += 1
                let name = readName()
                let (attributes, selfClosing) = readAttributes()
                out.append(.start(name: name, attributes: attributes, selfClosing: selfClosing, line: tagLine))
                if !selfClosing && (Self.skippedBodies.contains(name) || Self.textBodies.contains(name)) {
                    let bodyStart = i
                    let close = findClosingTag(name, from: i) ?? b.count
                    if Self.textBodies.contains(name) && close > bodyStart {
                        let slice = b[bodyStart..<close]
                        let firstInk = slice.firstIndex { !Self.isSpace($0) } ?? bodyStart
                        out.append(.text(HTMLEntities.decode(slice), line: lineAt(firstInk)))
                    }
                    i = close
                }
                textStart = i
            } else {
                i += 1
            }
        }
        flushText(b.count, &self)
        return out
    }

    /// Reads a tag name at `i`, lower-cased.
    private mutating func readName() -> String {
        let start = i
        while i < b.count, !Self.isSpace(b[i]), b[i] != UInt8(ascii: "/"), b[i] != UInt8(ascii: ">") { i += 1 }
        return String(decoding: b[start..<i], as: UTF8.self).lowercased()
    }

    /// Reads attributes up to and including the closing `>`.
    private mutating func readAttributes() -> ([String: String], Bool) {
        var attributes: [String: String] = [:]
        var selfClosing = false
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: ">") { i += 1; return (attributes, selfClosing) }
            if Self.isSpace(c) { i += 1; continue }
            if c == UInt8(ascii: "/") { selfClosing = true; i += 1; continue }
            selfClosing = false
            let nameStart = i
            while i < b.count, !Self.isSpace(b[i]), b[i] != UInt8(ascii: "="), b[i] != UInt8(ascii: ">") { i += 1 }
            if i == nameStart { i += 1; continue }
            let name = String(decoding: b[nameStart..<i], as: UTF8.self).lowercased()
            var j = i
            while j < b.count, Self.isSpace(b[j]) { j += 1 }
            var value = ""
            if j < b.count, b[j] == UInt8(ascii: "=") {
                j += 1
                while j < b.count, Self.isSpace(b[j]) { j += 1 }
                if j < b.count, b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") {
                    let quote = b[j]
                    let end = b[(j + 1)...].firstIndex(of: quote) ?? b.count
                    value = HTMLEntities.decode(b[(j + 1)..<end])
                    i = min(end + 1, b.count)
                } else {
                    let start = j
                    while j < b.count, !Self.isSpace(b[j]), b[j] != UInt8(ascii: ">") { j += 1 }
                    value = HTMLEntities.decode(b[start..<j])
                    i = j
                }
            }
            if attributes[name] == nil { attributes[name] = value }
        }
        return (attributes, selfClosing)
    }

    /// Where `</name` (any case) starts at or after `from`.
    private func findClosingTag(_ name: String, from: Int) -> Int? {
        let n = Array(name.utf8)
        var k = from
        while k + 1 + n.count < b.count {
            if b[k] == UInt8(ascii: "<"), b[k + 1] == UInt8(ascii: "/") {
                var match = true
                for (o, c) in n.enumerated() where Self.lower(b[k + 2 + o]) != c { match = false; break }
                if match { return k }
            }
            k += 1
        }
        return nil
    }

    static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)

    private func starts(with p: [UInt8], at pos: Int) -> Bool {
        pos + p.count <= b.count && b[pos..<(pos + p.count)].elementsEqual(p)
    }

    private func find(_ p: [UInt8], from: Int) -> Int? {
        var k = from
        while k < b.count {
            if b[k] == p[0], starts(with: p, at: k) { return k }
            k += 1
        }
        return nil
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
    static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
}

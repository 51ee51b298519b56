import YusuanCore

/// The words of a PDF with their boxes, as `pdftotext -bbox-layout` writes them (XHTML: `<page>`
/// elements holding `<word xMin yMin xMax yMax>` elements, coordinates in points from the top left).
struct PDFWord: Sendable, Hashable {
    var text: String
    var xMin: Double
    var yMin: Double
    var xMax: Double
    var yMax: Double

    var width: Double { xMax - xMin }
    var height: Double { yMax - yMin }
    var yCenter: Double { (yMin + yMax) / 2 }
}

enum PDFWords {
    /// Pages of words, in the order pdftotext reports them.
    static func parse(_ xhtml: [UInt8]) -> [[PDFWord]] {
        var pages: [[PDFWord]] = []
        var i = 0
        let n = xhtml.count
        while i < n {
            guard xhtml[i] == UInt8(ascii: "<") else { i += 1; continue }
            if matches(xhtml, i, "<page") {
                pages.append([])
                i += 5
            } else if matches(xhtml, i, "<word"), let close = index(of: UInt8(ascii: ">"), in: xhtml, from: i) {
                let attributes = xhtml[(i + 5)..<close]
                guard let end = find(xhtml, "</word>", from: close + 1) else { break }
                let text = HTMLEntities.decode(xhtml[(close + 1)..<end]).trimmed
                if !text.isEmpty, let x0 = number(attributes, "xMin"), let y0 = number(attributes, "yMin"),
                   let x1 = number(attributes, "xMax"), let y1 = number(attributes, "yMax") {
                    if pages.isEmpty { pages.append([]) }
                    pages[pages.count - 1].append(PDFWord(text: text, xMin: x0, yMin: y0, xMax: x1, yMax: y1))
                }
                i = end + 7
            } else {
                i += 1
            }
        }
        return pages
    }

    static func matches(_ b: [UInt8], _ at: Int, _ s: String) -> Bool {
        let u = Array(s.utf8)
        guard at + u.count <= b.count else { return false }
        for k in 0..<u.count where b[at + k] != u[k] { return false }
        return true
    }

    static func index(of byte: UInt8, in b: [UInt8], from: Int) -> Int? {
        var k = from
        while k < b.count { if b[k] == byte { return k }; k += 1 }
        return nil
    }

    static func find(_ b: [UInt8], _ s: String, from: Int) -> Int? {
        var k = from
        while k < b.count {
            if b[k] == UInt8(ascii: "<"), matches(b, k, s) { return k }
            k += 1
        }
        return nil
    }

    /// The value of `name="…"` among a tag's attributes.
    static func number(_ attributes: ArraySlice<UInt8>, _ name: String) -> Double? {
        let key = Array((name + "=\"").utf8)
        var k = attributes.startIndex
        while k + key.count <= attributes.endIndex {
            if Array(attributes[k..<(k + key.count)]) == key {
                var e = k + key.count
                while e < attributes.endIndex && attributes[e] != UInt8(ascii: "\"") { e += 1 }
                return Double(String(decoding: attributes[(k + key.count)..<e], as: UTF8.self))
            }
            k += 1
        }
        return nil
    }
}

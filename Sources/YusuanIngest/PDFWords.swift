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
            if matches(xhtml, i, pageTag) {
                pages.append([])
                i += pageTag.count
            } else if matches(xhtml, i, wordTag), let close = index(of: UInt8(ascii: ">"), in: xhtml, from: i) {
                let attributes = xhtml[(i + wordTag.count)..<close]
                guard let end = find(xhtml, wordEnd, from: close + 1) else { break }
                let text = HTMLEntities.decode(xhtml[(close + 1)..<end]).trimmed
                if !text.isEmpty, let x0 = number(attributes, xMin), let y0 = number(attributes, yMin),
                   let x1 = number(attributes, xMax), let y1 = number(attributes, yMax) {
                    if pages.isEmpty { pages.append([]) }
                    pages[pages.count - 1].append(PDFWord(text: text, xMin: x0, yMin: y0, xMax: x1, yMax: y1))
                }
                i = end + wordEnd.count
            } else {
                i += 1
            }
        }
        return pages
    }

    static let pageTag = Array("<page".utf8), wordTag = Array("<word".utf8), wordEnd = Array("</word>".utf8)
    static let xMin = Array("xMin=\"".utf8), yMin = Array("yMin=\"".utf8)
    static let xMax = Array("xMax=\"".utf8), yMax = Array("yMax=\"".utf8)

    /// Whether `b` holds `u` at `at`.
    static func matches<C: RandomAccessCollection<UInt8>>(_ b: C, _ at: C.Index, _ u: [UInt8]) -> Bool where C.Index == Int {
        guard at >= b.startIndex, at + u.count <= b.endIndex else { return false }
        for k in 0..<u.count where b[at + k] != u[k] { return false }
        return true
    }

    static func index(of byte: UInt8, in b: [UInt8], from: Int) -> Int? {
        var k = from
        while k < b.count { if b[k] == byte { return k }; k += 1 }
        return nil
    }

    /// Where `u` (starting with "<") next occurs in `b` from `from`.
    static func find(_ b: [UInt8], _ u: [UInt8], from: Int) -> Int? {
        var k = from
        while k < b.count {
            if b[k] == UInt8(ascii: "<"), matches(b, k, u) { return k }
            k += 1
        }
        return nil
    }

    /// The value of an attribute among a tag's attributes, `key` being its name with `="`.
    static func number(_ attributes: ArraySlice<UInt8>, _ key: [UInt8]) -> Double? {
        var k = attributes.startIndex
        while k + key.count <= attributes.endIndex {
            if attributes[k] == key[0], matches(attributes, k, key) {
                var e = k + key.count
                while e < attributes.endIndex && attributes[e] != UInt8(ascii: "\"") { e += 1 }
                return decimal(attributes[(k + key.count)..<e])
            }
            k += 1
        }
        return nil
    }

    /// A plain decimal as pdftotext prints coordinates ("56.693000", "-3.5"), read without a String:
    /// the digits as an integer divided by a power of ten, both exact, so the one division rounds
    /// correctly and the result equals `Double(String)`'s. Anything else goes through `Double(String)`.
    static func decimal(_ bytes: ArraySlice<UInt8>) -> Double? {
        var i = bytes.startIndex
        let negative = i < bytes.endIndex && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var mantissa: UInt64 = 0, digits = 0, fraction = 0, seenPoint = false
        while i < bytes.endIndex {
            let b = bytes[i]
            if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                mantissa = mantissa &* 10 &+ UInt64(b - UInt8(ascii: "0"))
                digits += 1
                if seenPoint { fraction += 1 }
            } else if b == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                return Double(String(decoding: bytes, as: UTF8.self))
            }
            i += 1
        }
        guard digits > 0, digits <= 15, fraction < powersOfTen.count else {
            return Double(String(decoding: bytes, as: UTF8.self))
        }
        let value = Double(mantissa) / powersOfTen[fraction]
        return negative ? -value : value
    }

    static let powersOfTen: [Double] = (0...15).map { k in (0..<k).reduce(1.0) { v, _ in v * 10 } }
}

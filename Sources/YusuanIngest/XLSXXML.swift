import Foundation
import YusuanCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A SAX handler for one workbook part: element and attribute names arrive without their
/// namespace prefix ("x:c" → "c", "r:id" → "id"), so prefixed and strict-OOXML files read alike.
class XLSXHandler: NSObject, XMLParserDelegate {
    /// Set by a subclass to stop parsing with an error (a cap reached).
    var failure: IngestError?

    func start(_ name: String, _ attributes: [String: String]) {}
    func end(_ name: String) {}
    func text(_ s: String) {}

    /// Parses `data` (part `path` of `file`), refusing DTDs (no entity expansion, no external fetches).
    func parse(_ data: Data, path: String, file: String) throws(IngestError) {
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw IngestError(file: file, message: "refused: \(path) declares a DTD")
        }
        // Foundation's XMLParser traps on an element or attribute name that is not UTF-8 (libxml2 in
        // recovery mode passes the raw bytes on): refuse such parts first. BOM-marked UTF-16 is converted by libxml2.
        if !data.starts(with: [0xFF, 0xFE]) && !data.starts(with: [0xFE, 0xFF]), let bad = Self.firstInvalidUTF8(data) {
            throw IngestError(file: file, message: "damaged workbook: \(path) is not UTF-8 (byte offset \(bad))")
        }
        // A stream, not XMLParser(data:): on Linux the latter fails on parts over 10 MB (libxml2's lookup limit).
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        let ok = parser.parse()
        if let failure { throw failure }
        // On Linux parse() can return true and still set parserError.
        if !ok || parser.parserError != nil {
            let code = parser.parserError.map { " (XMLParser error \(($0 as NSError).code))" } ?? ""
            throw IngestError(file: file, message: "damaged workbook: malformed XML in \(path) at line \(parser.lineNumber)\(code)")
        }
    }

    /// The offset of the first byte of `data` that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8(_ data: Data) -> Int? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            var decoder = UTF8()
            var iterator = raw.makeIterator()
            var offset = 0
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s): offset += UTF8.width(s)
                case .emptyInput: return nil
                case .error: return offset
                }
            }
        }
    }

    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        var attributes: [String: String] = [:]
        for (k, v) in attributeDict where !k.hasPrefix("xmlns") { attributes[Self.local(k)] = v }
        start(Self.local(elementName), attributes)
        if failure != nil { parser.abortParsing() }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        end(Self.local(elementName))
        if failure != nil { parser.abortParsing() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text(String(decoding: CDATABlock, as: UTF8.self)) }
}

/// xl/workbook.xml: the sheets in tab order, with their relationship ids and visibility.
final class WorkbookHandler: XLSXHandler {
    struct Sheet { var name: String; var relationship: String; var hidden: Bool }
    var sheets: [Sheet] = []
    var date1904 = false

    override func start(_ name: String, _ a: [String: String]) {
        switch name {
        case "sheet":
            sheets.append(Sheet(name: a["name"] ?? "Sheet\(sheets.count + 1)", relationship: a["id"] ?? "",
                                hidden: a["state"] == "hidden" || a["state"] == "veryHidden"))
        case "workbookPr":
            date1904 = a["date1904"] == "1" || a["date1904"] == "true"
        default: break
        }
    }
}

/// A .rels part: relationship id → (type, target).
final class RelationshipsHandler: XLSXHandler {
    var targets: [String: (type: String, target: String)] = [:]

    override func start(_ name: String, _ a: [String: String]) {
        guard name == "Relationship", let id = a["Id"], let target = a["Target"], a["TargetMode"] != "External" else { return }
        targets[id] = (a["Type"] ?? "", target)
    }

    /// The target of the first relationship whose type ends with "/`kind`".
    func target(ofType kind: String) -> String? {
        targets.values.filter { $0.type.hasSuffix("/" + kind) }.map(\.target).sorted().first
    }
}

/// xl/sharedStrings.xml: each <si>'s text, rich-text runs joined, phonetic guides (<rPh>) left out.
final class SharedStringsHandler: XLSXHandler {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phonetic = 0
    private let maxStrings: Int
    private let file: String
    private let path: String

    init(maxStrings: Int = .max, file: String = "", path: String = "") {
        self.maxStrings = maxStrings
        self.file = file
        self.path = path
    }

    override func start(_ name: String, _ a: [String: String]) {
        switch name {
        case "si": current = ""
        case "t": inText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "si":
            guard strings.count < maxStrings else {
                failure = IngestError(file: file, message: "workbook too large: more than \(maxStrings) shared strings (at \(path))")
                return
            }
            strings.append(current)
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
    }

    override func text(_ s: String) { if inText { current += s } }
}

/// xl/styles.xml: the number format of each cell style (index into <cellXfs>).
final class StylesHandler: XLSXHandler {
    var customFormats: [Int: String] = [:]
    var styleFormats: [Int] = []
    /// Whether date serials count from 1904 (set from workbook.xml).
    var date1904 = false
    private var inCellXfs = false

    override func start(_ name: String, _ a: [String: String]) {
        switch name {
        case "numFmt":
            if let id = a["numFmtId"].flatMap({ Int($0) }) { customFormats[id] = a["formatCode"] ?? "" }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: styleFormats.append(a["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    override func end(_ name: String) { if name == "cellXfs" { inCellXfs = false } }

    /// The number format of style index `s`.
    func format(style s: Int?) -> XLSXNumberFormat {
        guard let s, s >= 0, s < styleFormats.count else { return .general }
        let id = styleFormats[s]
        return XLSXNumberFormat(id: id, code: customFormats[id])
    }
}

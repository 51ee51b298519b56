import Foundation
import YusuanCore
import YusuanIngest
import YusuanTestSupport

/// The seed read into the model, and a table described line by line for comparisons that show
/// what differs.
enum RenderFixture {
    static func seed() throws -> Disclosure {
        try Recogniser.recognise(TextReader.read(Fixtures.text("Examples/tongnan-xinfang-2022-budget.txt"), source: "seed"))
    }

    static func readText(_ text: String) throws -> Disclosure {
        try Recogniser.recognise(TextReader.read(text, source: "rendered.txt"))
    }

    /// Everything a renderer must keep: kind, side, attachment, title, unit; each column's header
    /// path, role, measure, year and phase; each row's code, name, kind and cell texts; fields; notes.
    /// `plainNumbers`: figures without thousands separators, as a workbook shows them ("2,932,700" → "2932700").
    static func describe(_ t: DisclosureTable, plainNumbers: Bool = false) -> [String] {
        func text(_ c: Cell) -> String {
            plainNumbers && c.number != nil ? c.text.replacingOccurrences(of: ",", with: "") : c.text
        }
        var out = ["\(t.kind.rawValue) \(t.side.rawValue) 附件\(t.attachment ?? "-") \(t.title) \(t.unit.rawValue)\(t.unitDeclared ? "" : "?")"]
        for c in t.columns {
            out.append("col \(c.index) \(c.role.rawValue) \(c.headerPath.joined(separator: "/")) \(c.measure?.rawValue ?? "-") \(c.year.map(String.init) ?? "-") \(c.phase?.rawValue ?? "-")")
        }
        for f in t.fields { out.append("field \(f.label) = \(f.value)") }
        for r in t.rows {
            let code = r.code.map { $0.digits + (r.codePrinted ? "" : "*") } ?? "-"
            out.append("row \(code) \(r.name) <\(r.kind.rawValue)> " + r.cells.map(text).joined(separator: " | "))
        }
        for n in t.notes { out.append("note \(n)") }
        return out
    }
}

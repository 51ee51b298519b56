import Foundation
import YusuanCore

/// A worksheet's <sheetData> and <mergeCells>: the shown text of every non-empty cell by row and
/// column, and the merged ranges.
final class SheetHandler: XLSXHandler {
    /// Excel's limits; references beyond them are damaged and skipped.
    static let maxColumn = 16_384, maxRow = 1_048_576

    struct Range { var top: Int; var left: Int; var bottom: Int; var right: Int }

    /// Row number (1-based) → column index (0-based) → text.
    var rows: [Int: [Int: String]] = [:]
    var merges: [Range] = []

    private let shared: [String]
    private let styles: StylesHandler
    private let file: String
    private let path: String
    private let maxCells: Int
    /// Non-empty cells read so far in the workbook, shared across sheets.
    private(set) var cellCount: Int

    private var row = 0
    private var column = -1
    private var type = "n"
    private var style: Int?
    private var value = ""
    private var inline = ""
    private var reading: Reading = .none
    private var phonetic = 0
    private enum Reading { case none, value, inlineText }

    init(shared: [String], styles: StylesHandler, file: String, path: String, cellCount: Int, maxCells: Int) {
        self.shared = shared
        self.styles = styles
        self.file = file
        self.path = path
        self.cellCount = cellCount
        self.maxCells = maxCells
    }

    override func start(_ name: String, _ a: [String: String]) {
        switch name {
        case "row":
            row = a["r"].flatMap { Int($0) } ?? row + 1
            column = -1
        case "c":
            let ref = a["r"].flatMap(Self.cellReference)
            column = ref?.column ?? column + 1
            if let r = ref?.row, r != row { row = r }
            type = a["t"] ?? "n"
            style = a["s"].flatMap { Int($0) }
            value = ""
            inline = ""
        case "v": reading = .value
        case "t": if phonetic == 0 { reading = .inlineText }
        case "rPh": phonetic += 1
        case "mergeCell":
            if let ref = a["ref"], let range = Self.range(ref) { merges.append(range) }
        default: break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "v", "t": reading = .none
        case "rPh": phonetic -= 1
        case "c": finishCell()
        default: break
        }
    }

    override func text(_ s: String) {
        switch reading {
        case .value: value += s
        case .inlineText: inline += s
        case .none: break
        }
    }

    private func finishCell() {
        guard row >= 1, row <= Self.maxRow, column >= 0, column < Self.maxColumn else { return }
        let text: String
        switch type {
        case "s": text = Int(value.trimmed).flatMap { $0 >= 0 && $0 < shared.count ? shared[$0] : nil } ?? ""
        case "inlineStr": text = inline.isEmpty ? value : inline
        case "str", "e", "d": text = value
        case "b": text = value.trimmed == "1" ? "TRUE" : (value.isEmpty ? "" : "FALSE")
        default: text = value.isEmpty ? "" : styles.format(style: style).display(value, date1904: styles.date1904)
        }
        guard !text.isEmpty else { return }
        cellCount += 1
        if cellCount > maxCells {
            failure = IngestError(file: file, message: "workbook too large: more than \(maxCells) non-empty cells (at \(path))")
            return
        }
        rows[row, default: [:]][column] = text
    }

    /// "C5" → (row 5, column 2); "$AB$12" accepted.
    static func cellReference(_ ref: String) -> (row: Int?, column: Int)? {
        var column = 0
        var letters = 0
        var digits = ""
        for ch in ref.uppercased() where ch != "$" {
            if let a = ch.asciiValue, a >= 65, a <= 90, digits.isEmpty {
                column = column * 26 + Int(a - 64)
                letters += 1
                if letters > 3 { return nil }
            } else if ch.isASCII, ch.isNumber {
                digits.append(ch)
            } else {
                return nil
            }
        }
        guard letters > 0 else { return nil }
        return (digits.isEmpty ? nil : Int(digits.prefix(8)), column - 1)
    }

    /// "A1:D2" → its rows and columns; a single reference is a 1×1 range.
    static func range(_ ref: String) -> Range? {
        let ends = ref.split(separator: ":").map(String.init)
        guard let first = ends.first, let a = cellReference(first), let top = a.row else { return nil }
        let b = ends.count > 1 ? cellReference(ends[1]) : a
        guard let b, let bottom = b.row else { return nil }
        return Range(top: min(top, bottom), left: min(a.column, b.column),
                     bottom: max(top, bottom), right: max(a.column, b.column))
    }
}

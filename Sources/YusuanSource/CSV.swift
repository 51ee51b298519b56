import Foundation

/// RFC 4180 CSV: comma-separated, fields with a comma, quote or line break enclosed in double
/// quotes, a quote inside doubled. Lines end in CRLF when written; CRLF, LF or CR are read.
enum CSV {
    /// One record and the 1-based line it starts on.
    struct Record {
        var cells: [String]
        var line: Int
    }

    /// A syntax error, with the line and column (1-based, in characters) where it is.
    struct SyntaxError: Error {
        var line: Int
        var column: Int
        var message: String
    }

    static func parse(_ text: String) throws(SyntaxError) -> [Record] {
        var records: [Record] = []
        var cells: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, column = 0
        var recordLine = 1
        var inQuotes = false, afterQuote = false, fieldStarted = false
        var quoteAt = (1, 1)
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endField() {
            cells.append(String(field))
            field = String.UnicodeScalarView()
            afterQuote = false
            fieldStarted = false
        }
        func endRecord() {
            endField()
            if !(cells.count == 1 && cells[0].isEmpty) { records.append(Record(cells: cells, line: recordLine)) }
            cells = []
        }

        while let u = pending ?? scalars.next() {
            pending = nil
            column += 1
            if inQuotes {
                if u == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.append("\"")
                        column += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                        pending = next
                    }
                } else {
                    field.append(u)
                    if u == "\n" || (u == "\r") {
                        if u == "\r" {
                            let next = scalars.next()
                            if next == "\n" { field.append("\n") } else { pending = next }
                        }
                        line += 1
                        column = 0
                    }
                }
                continue
            }
            switch u {
            case ",":
                endField()
            case "\r", "\n":
                if u == "\r" {
                    let next = scalars.next()
                    if next != "\n" { pending = next }
                }
                endRecord()
                line += 1
                column = 0
                recordLine = line
            case "\"":
                if afterQuote {
                    throw SyntaxError(line: line, column: column, message: "a quote right after a closing quote")
                }
                guard !fieldStarted else {
                    throw SyntaxError(line: line, column: column,
                                      message: "a quote inside an unquoted field (enclose the field in quotes and double the quote: \"\"\"\")")
                }
                inQuotes = true
                fieldStarted = true
                quoteAt = (line, column)
            default:
                if afterQuote {
                    throw SyntaxError(line: line, column: column, message: "text after the closing quote of a field (expected a comma or the end of the line)")
                }
                field.append(u)
                fieldStarted = true
            }
        }
        if inQuotes {
            throw SyntaxError(line: quoteAt.0, column: quoteAt.1, message: "a quoted field that is never closed")
        }
        if fieldStarted || !cells.isEmpty || afterQuote { endRecord() }
        return records
    }

    /// The rows as CSV text with CRLF line ends, quoting only where needed.
    static func format(_ rows: [[String]]) -> String {
        rows.map { $0.map(quote).joined(separator: ",") + "\r\n" }.joined()
    }

    static func quote(_ s: String) -> String {
        let needs = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || s.first?.isWhitespace == true || s.last?.isWhitespace == true
        guard needs else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

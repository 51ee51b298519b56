import Foundation
import YusuanCore

/// PDF input through poppler's `pdftotext -layout` (Debian: poppler-utils): the text keeps the
/// page's columns aligned with spaces and pages separated by form feeds, which `TextReader` reads
/// (findings then name the page). Reading the words' boxes directly is the next step (issue: PDF input).
public enum PDFText {
    static let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]

    /// Whether pdftotext is installed.
    public static var available: Bool { candidates.contains { FileManager.default.isExecutableFile(atPath: $0) } }

    public static func read(_ data: Data, source: String) throws(IngestError) -> RawDocument {
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw IngestError(file: source, message: "PDF input needs poppler's pdftotext, which is not installed (Debian: apt-get install poppler-utils)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.pdf"), output = dir.appendingPathComponent("out.txt")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try data.write(to: input)
        } catch {
            throw IngestError(file: source, message: "cannot stage the PDF for pdftotext: \(error.localizedDescription)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", input.path, output.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw IngestError(file: source, message: "cannot run pdftotext: \(error.localizedDescription)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let text = try? String(contentsOf: output, encoding: .utf8) else {
            let why = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw IngestError(file: source, message: "not a readable PDF (pdftotext: \(why))")
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw IngestError(file: source, message: "the PDF has no text layer (a scanned document?); Yusuan reads text, not images")
        }
        // Every page starts with a form feed except the first; TextReader counts pages by them.
        return TextReader.read(text, source: source)
    }
}

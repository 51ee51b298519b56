import Foundation
#if canImport(Glibc)
import Glibc
#endif
import YusuanCore

/// PDF input through poppler's `pdftotext -bbox-layout` (Debian: poppler-utils): every word with its
/// box. `PDFWordLayout` puts the words of each page on a character grid by their real positions and
/// separates pages by form feeds; `TextReader` reads that as it reads any space-aligned text (findings
/// then name the page and line).
public enum PDFText {
    static let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]

    /// Whether pdftotext is installed.
    public static var available: Bool { candidates.contains { FileManager.default.isExecutableFile(atPath: $0) } }

    public static func read(_ data: Data, source: String, limits: InputLimits = .standard) throws(IngestError) -> RawDocument {
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw IngestError(file: source, message: "PDF input needs poppler's pdftotext, which is not installed (Debian: apt-get install poppler-utils)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.pdf"), output = dir.appendingPathComponent("out.html")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try data.write(to: input)
        } catch {
            throw IngestError(file: source, message: "cannot stage the PDF for pdftotext: \(error.localizedDescription)")
        }
        let xhtml = try run(tool, ["-bbox-layout", "-enc", "UTF-8", input.path, output.path], output: output, source: source)
        let pages = PDFWords.onPage(PDFWords.parse([UInt8](xhtml)))
        if pages.allSatisfy(\.isEmpty) {
            throw IngestError(file: source, message: "the PDF has no text layer (a scanned document?); Yusuan reads text, not images")
        }
        // Word boxes place words exactly when the fonts report boxes of consistent height. Some
        // PDFs' fonts report a tall box for one font and a glyph-tight one for another; there the
        // words of one row do not share a line by their boxes, and poppler's own layout is used.
        guard PDFWordLayout.boxesAreConsistent(pages) else {
            let layout = dir.appendingPathComponent("out.txt")
            let text = try run(tool, ["-layout", "-enc", "UTF-8", input.path, layout.path], output: layout, source: source)
            return try TextReader.read(String(decoding: text, as: UTF8.self), source: source, limits: limits)
        }
        // Every page starts with a form feed except the first; TextReader counts pages by them.
        return try PDFWordLayout.document(pages: pages, source: source, limits: limits)
    }

    /// How long pdftotext may take on one file before it is stopped (a very large or hostile PDF).
    static let timeoutSeconds: Double = 120

    /// Runs pdftotext with `arguments`, stopping it after `timeout` seconds; its messages go to a
    /// file beside the output (no pipe that a chatty run could fill and stall on).
    static func run(_ tool: String, _ arguments: [String], output: URL, source: String,
                    timeout: Double = timeoutSeconds) throws(IngestError) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let errorsURL = output.deletingLastPathComponent().appendingPathComponent(output.lastPathComponent + ".err")
        guard FileManager.default.createFile(atPath: errorsURL.path, contents: nil),
              let errors = try? FileHandle(forWritingTo: errorsURL) else {
            throw IngestError(file: source, message: "cannot stage the PDF for pdftotext: cannot write \(errorsURL.path)")
        }
        defer { try? errors.close() }
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch {
            throw IngestError(file: source, message: "cannot run pdftotext: \(error.localizedDescription)")
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            let seconds = timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)
            throw IngestError(file: source, message: "pdftotext 未在 \(seconds) 秒内读完，PDF 过大或已损坏 (pdftotext did not finish within \(seconds) s; the PDF is too large or malformed)")
        }
        let message = String(decoding: (try? Data(contentsOf: errorsURL)) ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: output) else {
            let why = message.split(whereSeparator: \.isNewline).first { !$0.contains("Syntax Warning") }.map(String.init)
                ?? "exit status \(process.terminationStatus)"
            throw IngestError(file: source, message: "not a readable PDF (pdftotext: \(why))")
        }
        return data
    }
}

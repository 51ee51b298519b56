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

    /// Reads a PDF's text. A document of many pages is extracted in parts (page ranges) by as many
    /// pdftotext runs side by side as there are cores (`pageRanges`); the parts join in page order.
    public static func read(_ data: Data, source: String, limits: InputLimits = .standard) throws(IngestError) -> RawDocument {
        try read(data, source: source, limits: limits, cores: ProcessInfo.processInfo.activeProcessorCount)
    }

    static func read(_ data: Data, source: String, limits: InputLimits, cores: Int) throws(IngestError) -> RawDocument {
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw IngestError(file: source, message: "PDF input needs poppler's pdftotext, which is not installed (Debian: apt-get install poppler-utils)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.pdf")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try data.write(to: input)
        } catch {
            throw IngestError(file: source, message: "cannot stage the PDF for pdftotext: \(error.localizedDescription)")
        }
        let parts = cores < 2 ? [] : pageRanges(pages: pageCount(of: input, next: tool, source: source), cores: cores)
        let xhtml = try extract(tool, "-bbox-layout", input, parts: parts, into: dir, suffix: "html", source: source)
        let pages = xhtml.flatMap { PDFWords.onPage(PDFWords.parse([UInt8]($0))) }
        if pages.allSatisfy(\.isEmpty) {
            throw IngestError(file: source, message: "the PDF has no text layer (a scanned document?); Yusuan reads text, not images")
        }
        // Word boxes place words exactly when the fonts report boxes of consistent height. Some
        // PDFs' fonts report a tall box for one font and a glyph-tight one for another; there the
        // words of one row do not share a line by their boxes, and poppler's own layout is used.
        guard PDFWordLayout.boxesAreConsistent(pages) else {
            // pdftotext ends every page with a form feed, so the parts' texts join as the whole's.
            let text = try extract(tool, "-layout", input, parts: parts, into: dir, suffix: "txt", source: source)
            return try TextReader.read(String(decoding: Data(text.joined()), as: UTF8.self), source: source, limits: limits)
        }
        // Every page starts with a form feed except the first; TextReader counts pages by them.
        return try PDFWordLayout.document(pages: pages, source: source, limits: limits)
    }

    /// Pages per pdftotext run below which a document is not split: each run parses the file and
    /// its fonts again, which a short part does not repay.
    static let pagesPerPart = 8

    /// The page ranges to extract side by side, one per core (at most), or none for one run over the
    /// whole document (few pages, one core, or an unknown page count).
    static func pageRanges(pages: Int?, cores: Int) -> [ClosedRange<Int>] {
        guard let pages, pages > 0 else { return [] }
        let parts = min(cores, pages / pagesPerPart)
        guard parts >= 2 else { return [] }
        return (0..<parts).map { k in (k * pages / parts + 1)...((k + 1) * pages / parts) }
    }

    /// Runs pdftotext with `mode` over each of `parts` at the same time (or once over the whole
    /// document when there are none) and returns the outputs in page order.
    static func extract(_ tool: String, _ mode: String, _ input: URL, parts: [ClosedRange<Int>], into dir: URL,
                        suffix: String, source: String) throws(IngestError) -> [Data] {
        let ranges: [ClosedRange<Int>?] = parts.isEmpty ? [nil] : parts.map { $0 }
        var running: [Running] = []
        // Runs left behind by a failure are stopped; every handle is closed (closing twice does nothing).
        defer { for r in running { if r.process.isRunning { r.process.terminate() }; r.closeHandles() } }
        for (k, range) in ranges.enumerated() {
            let output = dir.appendingPathComponent("\(mode.dropFirst())-\(k).\(suffix)")
            let pages = range.map { ["-f", String($0.lowerBound), "-l", String($0.upperBound)] } ?? []
            running.append(try start(tool, [mode, "-enc", "UTF-8"] + pages + [input.path, output.path], output: output, source: source))
        }
        var outputs: [Data] = []
        for r in running { outputs.append(try finish(r, source: source)) }
        return outputs
    }

    /// The document's page count from poppler's pdfinfo (beside pdftotext), or nil when it is not
    /// there or cannot tell; the document is then read in one run.
    static func pageCount(of input: URL, next tool: String, source: String) -> Int? {
        let info = URL(fileURLWithPath: tool).deletingLastPathComponent().appendingPathComponent("pdfinfo").path
        guard FileManager.default.isExecutableFile(atPath: info) else { return nil }
        let output = input.deletingLastPathComponent().appendingPathComponent("info.txt")
        guard let data = try? run(info, [input.path], output: output, source: source, standardOutput: true, timeout: 10) else {
            return nil
        }
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) where line.hasPrefix("Pages:") {
            return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// How long pdftotext may take on one file before it is stopped (a very large or hostile PDF).
    static let timeoutSeconds: Double = 120

    /// A started pdftotext (or pdfinfo) run: its output file, its messages' file and the semaphore
    /// its end signals.
    struct Running {
        let process: Process
        let finished: DispatchSemaphore
        let output: URL
        let errorsURL: URL
        let errors: FileHandle
        /// The output file's handle when it is the tool's standard output (pdfinfo).
        let standardOutput: FileHandle?
        let timeout: Double

        /// Closes the handles this side holds (the tool keeps its own).
        func closeHandles() {
            try? errors.close()
            try? standardOutput?.close()
        }
    }

    /// Runs `tool` with `arguments`, stopping it after `timeout` seconds; its messages go to a file
    /// beside the output (no pipe that a chatty run could fill and stall on). With `standardOutput`
    /// the tool's standard output is the output file (pdfinfo); otherwise the tool writes it itself.
    static func run(_ tool: String, _ arguments: [String], output: URL, source: String, standardOutput: Bool = false,
                    timeout: Double = timeoutSeconds) throws(IngestError) -> Data {
        try finish(start(tool, arguments, output: output, source: source, standardOutput: standardOutput, timeout: timeout),
                   source: source)
    }

    static func start(_ tool: String, _ arguments: [String], output: URL, source: String, standardOutput: Bool = false,
                      timeout: Double = timeoutSeconds) throws(IngestError) -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let errorsURL = output.deletingLastPathComponent().appendingPathComponent(output.lastPathComponent + ".err")
        guard FileManager.default.createFile(atPath: errorsURL.path, contents: nil),
              let errors = try? FileHandle(forWritingTo: errorsURL) else {
            throw IngestError(file: source, message: "cannot stage the PDF for pdftotext: cannot write \(errorsURL.path)")
        }
        process.standardError = errors
        var out: FileHandle?
        if standardOutput {
            guard FileManager.default.createFile(atPath: output.path, contents: nil),
                  let handle = try? FileHandle(forWritingTo: output) else {
                try? errors.close()
                throw IngestError(file: source, message: "cannot stage the PDF for pdftotext: cannot write \(output.path)")
            }
            out = handle
        }
        process.standardOutput = out ?? FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch {
            try? errors.close()
            try? out?.close()
            throw IngestError(file: source, message: "cannot run pdftotext: \(error.localizedDescription)")
        }
        return Running(process: process, finished: finished, output: output, errorsURL: errorsURL, errors: errors,
                       standardOutput: out, timeout: timeout)
    }

    /// Waits for a started run (at most its timeout from now) and returns its output.
    static func finish(_ running: Running, source: String) throws(IngestError) -> Data {
        defer { running.closeHandles() }
        let (process, timeout) = (running.process, running.timeout)
        if running.finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if running.finished.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            let seconds = timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)
            throw IngestError(file: source, message: "pdftotext 未在 \(seconds) 秒内读完，PDF 过大或已损坏 (pdftotext did not finish within \(seconds) s; the PDF is too large or malformed)")
        }
        let message = String(decoding: (try? Data(contentsOf: running.errorsURL)) ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: running.output) else {
            let why = message.split(whereSeparator: \.isNewline).first { !$0.contains("Syntax Warning") }.map(String.init)
                ?? "exit status \(process.terminationStatus)"
            throw IngestError(file: source, message: "not a readable PDF (pdftotext: \(why))")
        }
        return data
    }
}

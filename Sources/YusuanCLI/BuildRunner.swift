import Foundation
import YusuanAudit
import YusuanBuild
import YusuanCore
import YusuanRender
import YusuanSource
import YusuanXLSX

/// The output formats of `yusuan build`.
public enum BuildFormat: String, Sendable, CaseIterable {
    case html, xlsx, text, json, csv, pdf
}

/// `yusuan build`'s work, callable in process: read and validate the source, compile, write each
/// format, and audit what was built (it must be clean).
public enum BuildRunner {
    public struct Result: Sendable {
        public var written: [String]
        public var messages: [String]
        public var exitCode: Int32
        public var report: AuditReport?
    }

    /// `profile`, when given, overrides the source's profile (an id of `ProfileLibrary`; unknown: exit 64).
    public static func run(source: String, formats: [BuildFormat], output: String, profile: String? = nil) -> Result {
        if let id = profile, ProfileLibrary.profile(id: id) == nil {
            return Result(written: [], messages: [unknownProfile(id)], exitCode: 64, report: nil)
        }
        let reading = BudgetSource.load(path: source)
        let notes = reading.problems.map(\.description)
        guard var budget = reading.budget else {
            return Result(written: [], messages: notes + ["\(source) has errors; nothing was written"], exitCode: 65, report: nil)
        }
        if let profile { budget.profile = profile }
        let disclosure = DisclosureCompiler.compile(budget)
        let base = "\(budget.department)-\(budget.year)"
        var files: [(String, Data)] = []
        var messages = notes
        for format in Array(Set(formats)).sorted(by: { $0.rawValue < $1.rawValue }) {
            switch format {
            case .text: files.append(("\(base).txt", Data(DisclosureText.render(disclosure).utf8)))
            case .html: files.append(("\(base).html", Data(DisclosureHTML.render(disclosure).utf8)))
            case .json: files.append(("\(base).json", Data(DisclosureJSON.render(disclosure).utf8)))
            case .csv:
                for (name, text) in DisclosureDataPackage.render(disclosure).sorted(by: { $0.key < $1.key }) {
                    files.append((name, Data(text.utf8)))
                }
            case .xlsx:
                do { files.append(("\(base).xlsx", try DisclosureXLSX.write(disclosure))) } catch {
                    return Result(written: [], messages: messages + ["could not write the workbook: \(error)"], exitCode: 70, report: nil)
                }
            case .pdf: break
            }
        }
        // Everything is rendered before anything is written: a failure leaves no half-written output.
        var written: [String] = []
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for (name, data) in files {
                let path = (output as NSString).appendingPathComponent(name)
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
                written.append(path)
            }
        } catch {
            return Result(written: written, messages: messages + ["cannot write to \(output): \(error.localizedDescription)"], exitCode: 73, report: nil)
        }
        if formats.contains(.pdf) {
            switch PDFPrinter.print(html: DisclosureHTML.render(disclosure), to: (output as NSString).appendingPathComponent("\(base).pdf")) {
            case .success(let path): written.append(path)
            case .failure(let message): messages.append(message)
            }
        }
        // Build output must audit clean; anything found is shown, and errors make the exit status 1 as audit's do.
        let report = Auditor.audit(disclosure, profileID: budget.profile)
        return Result(written: written, messages: messages, exitCode: report.count(.error) > 0 ? 1 : 0, report: report)
    }
}

extension BuildRunner {
    /// "未知的模板 … / unknown profile …" with every known id, one per line.
    static func unknownProfile(_ id: String) -> String {
        let ids = ProfileLibrary.all().map { "  \($0.id)  \($0.name)" }.joined(separator: "\n")
        return "未知的模板（profile）“\(id)”；可用的模板：/ unknown profile “\(id)”; known profiles:\n\(ids)"
    }
}

/// Prints HTML to PDF through headless Chromium, when it is installed.
enum PDFPrinter {
    enum Outcome { case success(String), failure(String) }

    static func print(html: String, to path: String) -> Outcome {
        let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        guard let browser = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return .failure("PDF output needs headless Chromium (Debian: apt-get install chromium); the other formats were written")
        }
        let htmlPath = path + ".html"
        do { try html.write(toFile: htmlPath, atomically: true, encoding: .utf8) } catch {
            return .failure("cannot write \(htmlPath): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(atPath: htmlPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--print-to-pdf=\(path)", URL(fileURLWithPath: htmlPath).absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return .failure("cannot start \(browser): \(error.localizedDescription)") }
        process.waitUntilExit()
        return process.terminationStatus == 0 && FileManager.default.fileExists(atPath: path)
            ? .success(path) : .failure("Chromium could not print \(path)")
    }
}

import Foundation
import YusuanAudit
import YusuanCore
import YusuanIngest
import YusuanRender

/// Every file's audit report as JSON in each language, numbered in the order given: a round that makes the audit
/// faster compares two builds' directories byte for byte (`diff -r`) without building the whole command-line tool.
enum Reports {
    static func write(files: [String], to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (n, file) in files.enumerated() {
            let base = directory + "/" + String(n + 1)
            do {
                let report = try Auditor.audit(Recogniser.recognise(DocumentReader.read(path: file)), profileID: nil)
                for language in ReportLanguage.allCases {
                    let json = AuditJSONReport.render([report], language: language)
                    try Data(json.utf8).write(to: URL(fileURLWithPath: base + "." + language.rawValue + ".json"))
                }
            } catch let error as IngestError {
                try Data((error.description + "\n").utf8).write(to: URL(fileURLWithPath: base + ".error"))
            }
        }
    }
}

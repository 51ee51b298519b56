import Foundation
import YusuanAudit
import YusuanCore
import YusuanIngest

/// The reviewer's audit of a published document (text, HTML, XLSX, PDF) without storing anything.
public enum DocumentAuditor {
    /// Reads and audits the bytes; the name only labels the report.
    public static func audit(_ file: UploadedFile) throws(IngestError) -> AuditReport {
        let label = displayName(file.name)
        let disclosure = try Recogniser.recognise(DocumentReader.read(file.data, source: label))
        return Auditor.audit(disclosure, profileID: nil)
    }

    /// `audit` as a value, to hand across the audit queue's thread.
    static func result(_ file: UploadedFile) -> Result<AuditReport, IngestError> {
        do throws(IngestError) {
            return .success(try audit(file))
        } catch {
            return .failure(error)
        }
    }

    /// The last path component of a browser-supplied name, at most 200 characters.
    static func displayName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "upload"
        return String(last.prefix(200))
    }
}

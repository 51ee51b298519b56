import Foundation
import Testing
import YusuanCore
@testable import YusuanIngest
import YusuanTestSupport

/// PDF input through pdftotext -layout (scripts/test installs poppler-utils; without it these tests say so and stop).
@Suite struct PDFTextTests {
    @Test func readsTheShanghaiStreetOfficeBudgetPDF() throws {
        guard PDFText.available else {
            print("PDFTextTests: pdftotext is not installed (apt-get install poppler-utils); skipped")
            return
        }
        let doc = try DocumentReader.read(path: Fixtures.path("Tests/Fixtures/shanghai/putuo-wanli-street-2024-department-budget.pdf"))
        let d = try Recogniser.recognise(doc)
        #expect(d.year == 2024)
        #expect(Set(d.tables.map(\.kind)).isSuperset(of: [.budgetSummary, .revenueSummary, .expenditureSummary, .fiscalSummary,
                                                         .generalExpenditure, .basicExpenditure, .threePublic]))
        // Findings point at pages: the tables start after the narrative pages.
        #expect((d.table(.basicExpenditure)?.location.page ?? 0) > 1)
    }

    @Test func aPDFWithoutTextIsRefusedClearly() throws {
        guard PDFText.available else { return }
        // A valid one-page PDF with no text on it.
        let pdf = """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
        trailer << /Root 1 0 R >>
        %%EOF
        """
        do {
            _ = try PDFText.read(Data(pdf.utf8), source: "blank.pdf")
            Issue.record("a blank PDF was read")
        } catch {
            #expect(error.message.contains("no text layer") || error.message.contains("not a readable PDF"), "\(error.message)")
            #expect(error.file == "blank.pdf")
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func aToolThatDoesNotFinishIsStoppedWithAClearError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/bin/sleep") else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-timeout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try PDFText.run("/bin/sleep", ["30"], output: dir.appendingPathComponent("out.html"), source: "slow.pdf", timeout: 0.5)
            Issue.record("a run that never finished returned")
        } catch {
            #expect(error.message.contains("0.5 s") && error.message.contains("超时") == false && error.message.contains("秒"), "\(error.message)")
            #expect(error.file == "slow.pdf")
        }
    }
}

import Foundation
import Testing
import YusuanAudit
import YusuanBuild
import YusuanCore
import YusuanIngest
import YusuanRender
import YusuanSource
import YusuanTestSupport

/// examples/tongnan-xinfang-2022: the seed department's source. Its build must audit clean and print
/// every figure of the published disclosure, except those examples/…/expected-differences.tsv lists with a reason.
@Suite struct SeedExampleTests {
    static let folder = "examples/tongnan-xinfang-2022"

    static func built() throws -> Disclosure {
        let budget = try BudgetSource.read(path: Fixtures.path("\(folder)/budget.yaml"))
        let text = DisclosureText.render(DisclosureCompiler.compile(budget))
        return try Recogniser.recognise(TextReader.read(text, source: "built.txt"))
    }

    static func key(_ t: DisclosureTable) -> String {
        "附件\(t.attachment ?? "")" + (t.side == .income ? "（收入）" : t.side == .expenditure ? "（支出）" : "")
    }

    static func rowKey(_ r: Row) -> String { r.codePrinted ? (r.code?.digits ?? r.name) : r.name }

    @Test func theBuildAuditsClean() throws {
        let report = Auditor.audit(try Self.built(), profileID: "chongqing-district-2022")
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.rule) \($0.message)" })")
    }

    @Test func everyPublishedFigureIsReproducedOrItsChangeIsExplained() throws {
        let seed = try Recogniser.recognise(TextReader.read(Fixtures.text("Examples/tongnan-xinfang-2022-budget.txt"), source: "seed"))
        let built = try Self.built()
        let listed = Set(Fixtures.text("\(Self.folder)/expected-differences.tsv").split(whereSeparator: \.isNewline).dropFirst().map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).prefix(3).map(String.init).joined(separator: "|")
        })
        var compared = 0
        var unexplained: [String] = []
        for table in seed.tables where table.kind != .overallPerformance && table.kind != .projectPerformance && table.kind != .projectList {
            guard let twin = built.tables.first(where: { Self.key($0) == Self.key(table) }) else { continue }
            for row in table.rows {
                guard let other = twin.rows.first(where: { Self.rowKey($0) == Self.rowKey(row) && $0.kind == row.kind }) else { continue }
                for col in table.moneyColumns {
                    guard let a = row.cell(col.index)?.number?.value,
                          let otherCol = twin.moneyColumns.first(where: { $0.header == col.header }) else { continue }
                    let b = other.cell(otherCol.index)?.number?.value ?? .zero
                    compared += 1
                    if a != b && !listed.contains("\(Self.key(table))|\(Self.rowKey(row))|\(col.header)") {
                        unexplained.append("\(Self.key(table)) \(Self.rowKey(row)) \(col.header): published \(a), built \(b)")
                    }
                }
            }
        }
        #expect(compared > 150)
        #expect(unexplained.isEmpty, "\(unexplained.joined(separator: "\n"))")
    }
}

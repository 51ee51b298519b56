import Foundation
import Testing
@testable import YusuanCLI
import YusuanCore
import YusuanTestSupport

/// `yusuan build --profile ID` builds for another template than the source names; an unknown id is a
/// bad invocation (exit 64) that lists the known ids and writes nothing.
@Suite struct BuildProfileOptionTests {
    static let source = Fixtures.path("Tests/Fixtures/budget/example.yaml")

    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-build-profile-\(UUID().uuidString)").path
    }

    @Test func theProfileOptionOverridesTheSourcesProfile() throws {
        let out = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = BuildRunner.run(source: Self.source, formats: [.text], output: out, profile: "shanghai-district-2024")
        #expect(result.exitCode == 0, "\(result.messages)")
        #expect(result.report?.findings.isEmpty == true, "\(result.report?.findings.map(\.message) ?? [])")
        let path = try #require(result.written.first { $0.hasSuffix(".txt") })
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // The Shanghai template: tables in whole 元 with thousands separators, the 三公 table in 万元.
        #expect(text.contains("单位：元") && text.contains("单位：万元"))
        #expect(text.contains("部门财务收支预算总表"))
        #expect(text.range(of: #"\b\d{1,3}(,\d{3})+\b"#, options: .regularExpression) != nil)

        // Without the option the source's own profile (Chongqing, 万元 with two decimals) is built.
        let plain = BuildRunner.run(source: Self.source, formats: [.text], output: out)
        #expect(plain.exitCode == 0)
        let plainText = try String(contentsOfFile: try #require(plain.written.first), encoding: .utf8)
        #expect(!plainText.contains("部门财务收支预算总表") && !plainText.contains("单位：元\n"))
    }

    @Test func anUnknownProfileExits64WithTheKnownIDs() throws {
        let out = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = BuildRunner.run(source: Self.source, formats: [.text], output: out, profile: "atlantis-2099")
        #expect(result.exitCode == 64)
        #expect(result.written.isEmpty && result.report == nil)
        #expect(!FileManager.default.fileExists(atPath: out))
        let message = result.messages.joined(separator: "\n")
        #expect(message.contains("atlantis-2099"))
        for p in ProfileLibrary.all() { #expect(message.contains(p.id), "\(p.id) not listed") }

        // The command line parses the option and exits with the runner's status.
        let command = try BuildCommand.parse([Self.source, "--profile", "atlantis-2099", "--format", "text", "--output", out])
        #expect(command.profile == "atlantis-2099")
        var status: Int32?
        do { try command.run() } catch { status = BuildCommand.exitCode(for: error).rawValue }
        #expect(status == 64)
    }
}

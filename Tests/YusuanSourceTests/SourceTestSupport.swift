import Foundation
import Testing
import YusuanCore
import YusuanTestSupport
@testable import YusuanSource

/// A fresh temporary directory for one test.
func temporaryDirectory(_ name: String = #function) throws -> URL {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-source-tests")
    let clean = name.filter { $0.isLetter || $0.isNumber }
    let dir = base.appendingPathComponent("\(clean)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

let examplePath = Fixtures.path("Tests/Fixtures/budget/example.yaml")

/// The example budget, read and validated.
func exampleBudget() throws -> Budget {
    let r = BudgetSource.load(path: examplePath)
    #expect(r.problems.isEmpty, "\(r.problems.map(\.description).joined(separator: "\n"))")
    return try #require(r.budget)
}

/// Writes `text` into `file` in a new folder and returns the folder.
func csvFolder(_ files: [String: String], name: String = #function) throws -> URL {
    let dir = try temporaryDirectory(name)
    for (file, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(file)) }
    return dir
}

/// Messages of the problems of kind `kind`.
func messages(_ problems: [SourceProblem], _ kind: SourceProblem.Kind) -> [String] {
    problems.filter { $0.kind == kind }.map(\.description)
}

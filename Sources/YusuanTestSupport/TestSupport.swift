import Foundation
import YusuanCore

/// Paths of the repository's fixtures and golden files, found from this source file's location.
public enum Fixtures {
    /// The repository root.
    public static let root: URL = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    public static var seed: String { root.appendingPathComponent("Examples/tongnan-xinfang-2022-budget.txt").path }
    public static func snippet(_ name: String) -> String { root.appendingPathComponent("Tests/Fixtures/snippets/\(name)").path }
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    public static func text(_ relative: String) -> String {
        (try? String(contentsOfFile: path(relative), encoding: .utf8)) ?? ""
    }
}

/// Golden-file comparison: the expected output lives in Tests/Golden/NAME; run the tests with
/// YUSUAN_RECORD=1 to write the current output there instead (then read the diff before committing).
public enum Golden {
    public struct Mismatch: Error, CustomStringConvertible {
        public var description: String
    }

    /// Returns nil when `actual` equals the golden file, else a description of the first difference.
    public static func compare(_ actual: String, to name: String) -> String? {
        let url = Fixtures.root.appendingPathComponent("Tests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["YUSUAN_RECORD"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "golden file Tests/Golden/\(name) is missing; run with YUSUAN_RECORD=1 to create it"
        }
        if expected == actual { return nil }
        let e = expected.fields("\n"), a = actual.fields("\n")
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? e[i] : "<end>", al = i < a.count ? a[i] : "<end>"
            if el != al { return "Tests/Golden/\(name) differs at line \(i + 1):\n expected: \(el)\n   actual: \(al)" }
        }
        return "Tests/Golden/\(name) differs"
    }
}

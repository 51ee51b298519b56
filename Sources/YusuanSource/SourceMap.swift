import YusuanCore

/// Where each value of a budget came from, keyed by its schema path ("line_items[3].amount",
/// "projects[0].indicators[1].weight", "prior_year.total"). Readers fill it; the validator looks
/// values up in it to say where a problem is.
public struct SourceMap: Sendable {
    public private(set) var positions: [String: SourcePosition] = [:]

    public init() {}

    public mutating func set(_ path: String, _ position: SourcePosition?) {
        if let position { positions[path] = position }
    }

    /// The position of `path`, else of the nearest enclosing record or list that has one.
    public func position(_ path: String) -> SourcePosition? {
        var p = Substring(path)
        while !p.isEmpty {
            if let hit = positions[String(p)] { return hit }
            guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            p = p[..<cut]
        }
        return nil
    }
}

/// Collects problems and positions while a source is decoded; decoding goes on after a problem
/// so that every problem is reported at once.
final class DecodeLog {
    var problems: [SourceProblem] = []
    var map = SourceMap()
    /// Schema paths whose values could not be read: validation problems there (or below) only echo them.
    var failed: Set<String> = []

    var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// The problems in reading order: by file, sheet, line and column; those without a line first.
    var sorted: [SourceProblem] { SourceProblem.sorted(problems) }

    func add(_ kind: SourceProblem.Kind, _ severity: Severity = .error, at path: String, _ position: SourcePosition?,
             _ message: String) {
        problems.append(SourceProblem(kind, severity, at: path, position: position, message))
        if severity == .error { failed.insert(path) }
    }

    /// Whether `path` is, or lies under, a path that could not be read.
    func echoes(_ path: String) -> Bool {
        failed.contains { f in path == f || path.hasPrefix(f + ".") || path.hasPrefix(f + "[") }
    }
}

import Yams
import YusuanCore

/// Reads values out of a composed YAML tree, recording every value's position and every problem.
struct YAMLNodes {
    let file: String
    let log: DecodeLog
    /// Nodes visited so far: anchors and aliases can make a small file expand into a huge tree.
    private let budget = NodeBudget()

    init(file: String, log: DecodeLog) {
        self.file = file
        self.log = log
    }

    final class NodeBudget {
        var remaining = 1_000_000
    }

    func position(_ node: Node) -> SourcePosition? {
        node.mark.map { SourcePosition(file: file, line: $0.line, column: $0.column) }
    }

    func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node { return s.style == .plain && node.null != nil }
        return false
    }

    /// The keys of a mapping; an unknown key is an error (a misspelt key would otherwise drop its data).
    func fields(_ node: Node?, path: String, allowed: [String]) -> [String: Node] {
        guard let node else { return [:] }
        budget.remaining -= 1
        guard budget.remaining > 0 else { return [:] }
        guard case .mapping(let m) = node else {
            if !isNull(node) { log.add(.structure, at: path, position(node), "expected a mapping of \(allowed.joined(separator: ", "))") }
            return [:]
        }
        log.map.set(path, position(node))
        var out: [String: Node] = [:]
        for (k, v) in m {
            guard case .scalar(let key) = k else {
                log.add(.structure, at: path, position(k), "a key must be plain text")
                continue
            }
            if allowed.contains(key.string) {
                out[key.string] = v
            } else {
                let near = allowed.min { Self.distance($0, key.string) < Self.distance($1, key.string) }
                    .flatMap { Self.distance($0, key.string) <= 2 || $0.hasPrefix(key.string) || key.string.hasPrefix($0) ? $0 : nil }
                let hint = near.map { " (did you mean \($0)?)" } ?? "; known keys: \(allowed.joined(separator: ", "))"
                log.add(.unknownField, at: join(path, key.string), position(k), "unknown key “\(key.string)”\(hint)")
            }
        }
        return out
    }

    /// The items of a sequence (an absent or null value is an empty list).
    func list(_ node: Node?, path: String) -> [Node] {
        guard let node, !isNull(node) else { return [] }
        guard case .sequence(let s) = node else {
            log.add(.structure, at: path, position(node), "expected a list (items starting with “- ”)")
            return []
        }
        log.map.set(path, position(node))
        budget.remaining -= s.count
        return budget.remaining > 0 ? Array(s) : []
    }

    /// Plain text; nil when absent or null.
    func text(_ node: Node?, path: String, required: Bool = false) -> String? {
        guard let node, !isNull(node) else {
            if required && !log.echoes(path) { log.add(.missingField, at: path, log.map.position(path), "\(last(path)) is missing") }
            return nil
        }
        guard case .scalar(let s) = node else {
            log.add(.structure, at: path, position(node), "\(last(path)) must be text, not a list or mapping")
            return nil
        }
        log.map.set(path, position(node))
        return s.string
    }

    func code(_ node: Node?, path: String, required: Bool = true) -> String? {
        text(node, path: path, required: required).map(SourceValues.code)
    }

    /// Reads `node` with `parse`, reporting a failure at the node.
    func value<T>(_ node: Node?, path: String, required: Bool = true,
                  _ parse: (String) -> Result<T, ValueProblem>) -> T? {
        guard let raw = text(node, path: path, required: required) else { return nil }
        switch parse(raw) {
        case .success(let v): return v
        case .failure(let p):
            log.add(p.kind, at: path, log.map.position(path), p.message)
            return nil
        }
    }

    func amount(_ node: Node?, path: String, required: Bool = true) -> Amount? {
        value(node, path: path, required: required, SourceValues.amount)
    }

    /// Edit distance, to suggest the key a misspelt one meant.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        var row = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (x[i - 1] == y[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return x.isEmpty ? y.count : row[y.count]
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }
    func last(_ path: String) -> String { String(path.split(separator: ".").last ?? Substring(path)) }
}

import Foundation
import YusuanCore

extension BatchAuditRunner {
    /// What the batch output needs of one report: its counts by severity and by rule.
    public struct Tally: Sendable {
        public var errors = 0
        public var warnings = 0
        public var notices = 0
        /// Findings in all.
        public var findings = 0
        /// Findings by rule.
        public var rules: [String: Int] = [:]

        public init(_ report: AuditReport) {
            findings = report.findings.count
            for f in report.findings {
                switch f.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .notice: notices += 1
                }
                rules[f.rule, default: 0] += 1
            }
        }

        public func count(_ severity: Severity) -> Int {
            switch severity {
            case .error: errors
            case .warning: warnings
            case .notice: notices
            }
        }
    }
}

/// Results written by several threads, each index once, and the files not yet taken.
final class OutcomeStore: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [BatchAuditRunner.Outcome?]
    private let order: [Int]
    private var taken = 0
    private var done = 0

    /// `order`: the indices in the order workers take them.
    init(count: Int, order: [Int]) {
        items = Array(repeating: nil, count: count)
        self.order = order
    }

    /// The next index no worker has taken, or nil when all are.
    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard taken < order.count else { return nil }
        taken += 1
        return order[taken - 1]
    }

    func set(_ i: Int, _ outcome: BatchAuditRunner.Outcome) {
        lock.lock(); defer { lock.unlock() }
        items[i] = outcome
    }

    func increment() -> Int {
        lock.lock(); defer { lock.unlock() }
        done += 1
        return done
    }

    func all(files: [String]) -> [BatchAuditRunner.Outcome] {
        lock.lock(); defer { lock.unlock() }
        return items.enumerated().map { i, o in o ?? BatchAuditRunner.Outcome(file: files[i], bytes: 0, report: nil, error: "\(files[i]): not audited") }
    }
}

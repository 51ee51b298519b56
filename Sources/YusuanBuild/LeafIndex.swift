import YusuanCore

/// The ledger's leaves indexed by each field a filter constrains, so that a figure looks only at the
/// leaves that may match instead of every leaf. Selections are memoized and numbered (`selection(_:)`);
/// they depend on the leaves only, not on their rounding, so one index serves both passes of the compiler.
///
/// When every leaf's 功能 and 经济 code is ASCII digits (the catalogs' codes), the leaves' fields are also kept
/// as integers (`DigitCode`, fund and nature bits), and a filter of prefixes, funds and natures is memoized
/// under three packed integers in an open-addressing table: a lookup hashes no string and allocates
/// nothing. Other filters (sets of codes, projects, units) and other codes use the dictionary by filter.
final class LeafIndex {
    let ledger: Ledger
    /// Every selection made so far, by its number.
    private(set) var results: [[Int]] = []
    private var selections: [LeafFilter: Int] = [:]
    private var packedSelections = PackedSelectionTable()
    private let packed: PackedLeaves?
    private let all: [Int]
    /// Leaves by every prefix of their 功能科目 / 经济科目, when codes are ASCII but not all digits (where
    /// prefix equality and `hasPrefix` agree).
    private let byFunctionalPrefix: [String: [Int]]
    private let byEconomicPrefix: [String: [Int]]
    private let functionalASCII: Bool
    private let economicASCII: Bool
    /// Leaves by 经济 code, fund (its bit), nature (its bit), project and unit: built on first use (filters of
    /// prefixes, funds and natures over digit codes never need them). With packed leaves the 经济 codes, funds and
    /// natures are grouped by their integers (`byPackedEconomic`), so no string is hashed per leaf.
    private lazy var byEconomic: [String: [Int]] = Self.grouped(ledger.leaves) { $0.economic }
    private lazy var byPackedEconomic: [UInt64: [Int]] = Self.grouped(packed?.economic ?? [])
    private lazy var byFund: [Int: [Int]] = packed.map { p in Self.grouped(p.funds.map { Int($0) }) }
        ?? Self.grouped(ledger.leaves) { $0.fund.bit }
    private lazy var byNature: [Int: [Int]] = packed.map { p in Self.grouped(p.natures.map { Int($0) }) }
        ?? Self.grouped(ledger.leaves) { LeafFilter.NatureKind($0.nature).bit }
    private lazy var byProject: [String: [Int]] = Self.grouped(ledger.leaves) { $0.nature.projectCode }
    private lazy var byUnit: [String: [Int]] = Self.grouped(ledger.leaves) { $0.unit }

    /// Each leaf's packed 功能 code, when every code is digits (`PackedLeaves`).
    var packedFunctional: [UInt64]? { packed?.functional }

    /// `BuildContext.functionalCodes` by filter and extra codes, shared by both passes.
    struct CodesKey: Hashable {
        let filter: LeafFilter
        let extra: [String]
    }
    var functionalCodeLists: [CodesKey: [String]] = [:]

    init(_ ledger: Ledger) {
        self.ledger = ledger
        let leaves = ledger.leaves
        all = Array(leaves.indices)
        let packed = PackedLeaves(leaves)
        self.packed = packed
        var functional: [String: [Int]] = [:], economicPrefix: [String: [Int]] = [:]
        var functionalASCII = packed == nil, economicASCII = packed == nil
        if packed == nil {
            for (i, leaf) in leaves.enumerated() {
                functionalASCII = functionalASCII && Self.isASCII(leaf.functional)
                economicASCII = economicASCII && Self.isASCII(leaf.economic)
                Self.addPrefixes(of: leaf.functional, i, to: &functional)
                Self.addPrefixes(of: leaf.economic, i, to: &economicPrefix)
            }
        }
        byFunctionalPrefix = functional
        byEconomicPrefix = economicPrefix
        self.functionalASCII = functionalASCII
        self.economicASCII = economicASCII
    }

    /// The leaves (ascending) under each key the leaf gives (none: the leaf is in no list).
    private static func grouped<Key: Hashable>(_ leaves: [Ledger.Leaf], by key: (Ledger.Leaf) -> Key?) -> [Key: [Int]] {
        grouped(count: leaves.count) { key(leaves[$0]) }
    }

    /// The leaves (ascending) under each key, one key per leaf.
    private static func grouped<Key: Hashable>(_ keys: [Key]) -> [Key: [Int]] {
        grouped(count: keys.count) { keys[$0] }
    }

    /// Leaves `0..<count` (ascending) under the key of each (none: in no list). A run of leaves with one key (leaves
    /// come in ledger order, so runs are long) is hashed once.
    private static func grouped<Key: Hashable>(count: Int, key: (Int) -> Key?) -> [Key: [Int]] {
        var groups: [Key: [Int]] = [:]
        var run: (key: Key, start: Int)?
        for i in 0..<count {
            let k = key(i)
            if let r = run, r.key == k { continue }
            if let r = run { groups[r.key, default: []].append(contentsOf: r.start..<i) }
            run = k.map { ($0, i) }
        }
        if let r = run { groups[r.key, default: []].append(contentsOf: r.start..<count) }
        return groups
    }

    private static func isASCII(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 } }

    private static func addPrefixes(of code: String, _ i: Int, to map: inout [String: [Int]]) {
        guard isASCII(code) else { return }
        let bytes = Array(code.utf8)
        for length in 0...bytes.count {
            map[String(decoding: bytes[0..<length], as: UTF8.self), default: []].append(i)
        }
    }

    /// Indices (ascending) of the leaves the filter selects: the same as scanning every leaf with `matches`.
    func select(_ filter: LeafFilter) -> [Int] {
        results[selection(filter)]
    }

    /// The number of the filter's selection (its leaves are `results[number]`): filters that select by the
    /// same packed key share one number.
    func selection(_ filter: LeafFilter) -> Int {
        if let packed, let key = PackedLeaves.key(filter) {
            if let known = packedSelections.find(key) { return known }
            let id = results.count
            results.append(packed.select(key))
            packedSelections.insert(key, id)
            return id
        }
        if let known = selections[filter] { return known }
        let result: [Int]
        if filter.never {
            result = []
        } else {
            // Leaves read in place (no copy of a leaf and its strings per candidate).
            let candidates = candidates(filter)
            result = ledger.leaves.withUnsafeBufferPointer { leaves in candidates.filter { filter.matches(leaves[$0]) } }
        }
        let id = results.count
        results.append(result)
        selections[filter] = id
        return id
    }

    /// The smallest list of leaves (ascending) that holds every leaf the filter selects.
    private func candidates(_ filter: LeafFilter) -> [Int] {
        var options: [[[Int]]] = []
        if let prefix = filter.functional {
            if let packed {
                options.append([packed.functionalPrefixed(prefix) ?? all])
            } else if functionalASCII, LeafIndex.isASCII(prefix) {
                options.append([byFunctionalPrefix[prefix] ?? []])
            }
        }
        if let prefix = filter.economic {
            if let packed {
                options.append([packed.economicPrefixed(prefix) ?? all])
            } else if economicASCII, LeafIndex.isASCII(prefix) {
                options.append([byEconomicPrefix[prefix] ?? []])
            }
        }
        if let codes = filter.economicCodes {
            // Every packed code is digits: a code that is not selects no leaf (`matches` compares whole codes).
            if packed != nil {
                options.append(codes.map { code in DigitCode.pack(code).flatMap { byPackedEconomic[$0] } ?? [] })
            } else {
                options.append(codes.map { byEconomic[$0] ?? [] })
            }
        }
        if let bits = filter.fundBits {
            options.append(RevenueSource.allCases.filter { bits & $0.bit != 0 }.map { byFund[$0.bit] ?? [] })
        }
        if let bits = filter.natureBits {
            options.append(LeafFilter.NatureKind.allCases.filter { bits & $0.bit != 0 }.map { byNature[$0.bit] ?? [] })
        }
        if let projects = filter.projects { options.append(projects.map { byProject[$0] ?? [] }) }
        if let units = filter.units { options.append(units.map { byUnit[$0] ?? [] }) }
        // Each field puts a leaf in one list only, so the lists of an option are disjoint.
        guard let best = options.min(by: { Self.size($0) < Self.size($1) }) else { return all }
        if best.count == 1, let only = best.first { return only }
        return best.flatMap { $0 }.sorted()
    }

    private static func size(_ lists: [[Int]]) -> Int { lists.reduce(0) { $0 + $1.count } }
}

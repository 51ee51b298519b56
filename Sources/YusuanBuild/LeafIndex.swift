import YusuanCore

/// The ledger's leaves indexed by each field a filter constrains, so that a figure looks only at the
/// leaves that may match instead of every leaf. Selections are memoized and numbered (`selection(_:)`);
/// they depend on the leaves only, not on their rounding, so one index serves both passes of the compiler.
///
/// When every leaf's 功能 and 经济 code is ASCII digits (the catalogs' codes), the leaves' fields are also kept
/// as integers (`DigitCode`, fund and nature bits), and a filter of prefixes, funds and natures is memoized
/// under three packed integers in an open-addressing table: a lookup hashes no string and allocates
/// nothing. A filter of projects only is memoized under its projects' numbers (`ProjectLeaves.numbers(of:)`). Other
/// filters (sets of codes, projects with other conditions, units) and other codes use the dictionary by filter.
final class LeafIndex {
    let ledger: Ledger
    /// Every selection made so far, by its number.
    var results: [[Int]] { memo.results }
    private var memo = Memo()
    private var selections: [LeafFilter: Int] = [:]
    /// The selections of filters of projects only, by their projects' numbers (`ProjectLeaves.numbers(of:)`): a
    /// lookup hashes a few integers, not the codes' strings (twice, to hash and to compare a set of codes).
    private var projectSelections: [[Int]: Int] = [:]
    private let packed: PackedLeaves?
    private let all: [Int]
    /// Leaves by every prefix of their 功能科目 / 经济科目, when codes are ASCII but not all digits (where
    /// prefix equality and `hasPrefix` agree).
    private let byFunctionalPrefix: [String: [Int]]
    private let byEconomicPrefix: [String: [Int]]
    private let functionalASCII: Bool
    private let economicASCII: Bool
    /// Leaves by 经济 code, fund (its bit), nature (its bit), project (`ProjectLeaves`) and unit: built on first use
    /// (filters of prefixes, funds and natures over digit codes never need them). With packed leaves the 经济 codes are
    /// listed by their numbers (`PackedCodes.leaves(withCode:)`), so no string is hashed per leaf, and funds and
    /// natures are not listed at all (a packed selection stands in for them: `candidates`).
    private lazy var byEconomic: [String: [Int]] = Self.grouped(ledger.leaves) { $0[$1].economic }
    private lazy var byFund: [Int: [Int]] = Self.grouped(ledger.leaves) { $0[$1].fund.bit }
    private lazy var byNature: [Int: [Int]] = Self.grouped(ledger.leaves) { LeafFilter.NatureKind($0[$1].nature).bit }
    private lazy var byProject = ProjectLeaves(ledger.leaves)
    private lazy var byUnit: [String: [Int]] = Self.grouped(ledger.leaves) { $0[$1].unit }

    /// The leaves' packed 功能 codes, when every code is digits (`PackedLeaves`).
    var packedFunctional: PackedCodes? { packed?.functionalCodes }
    /// The leaves' packed 经济 codes, when every code is digits.
    var packedEconomic: PackedCodes? { packed?.economicCodes }

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
        let packed = PackedLeaves(ledger)
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
    private static func grouped<Key: Hashable>(_ leaves: [Ledger.Leaf],
                                               by key: (UnsafeBufferPointer<Ledger.Leaf>, Int) -> Key?) -> [Key: [Int]] {
        // Leaves read in place, field by field (a leaf passed whole is copied, its strings retained).
        leaves.withUnsafeBufferPointer { leaves in grouped(count: leaves.count) { key(leaves, $0) } }
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

    /// Whether every byte of `s` is ASCII (also `ProjectLeaves.numbers(of:)`'s test of a project code).
    static func isASCII(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 } }

    private static func addPrefixes(of code: String, _ i: Int, to map: inout [String: [Int]]) {
        guard isASCII(code) else { return }
        let bytes = Array(code.utf8)
        for length in 0...bytes.count {
            map[String(decoding: bytes[0..<length], as: UTF8.self), default: []].append(i)
        }
    }

    /// Every selection made so far (its number is its position), and the packed keys selected by, numbered in the
    /// order first seen (`FirstSeenNumbering`), with each one's key and selection number, and the room a new one is
    /// found in: one stored property, so that a figure's lookup, or a new selection, is one access to the index's
    /// state (each access to a stored property of a class is checked for exclusivity at run time).
    private struct Memo {
        var results: [[Int]] = []
        var packed = FirstSeenNumbering(expectedKeys: 1024)
        var packedKeys: [PackedLeaves.Key] = []
        var packedSelections: [Int] = []
        /// Room for one selection's leaves as `PackedLeaves.select` finds them.
        var scratch: [Int] = []

        /// The number and leaves of the selection under `key`, selected from `source` (in `scratch`) when it is new:
        /// among the leaves of the same key over every nature when they are selected already (a table prints a row's
        /// total before its 基本 and 项目 columns), which hold every leaf of the key, often far fewer than its code's.
        /// (`source` is passed, not captured by a closure: a closure's copy retained its arrays at every selection.)
        mutating func selection(_ key: PackedLeaves.Key, from source: PackedLeaves) -> (number: Int, leaves: [Int]) {
            let found = packed.number(key, keys: packedKeys)
            if !found.isNew {
                let known = packedSelections[found.number]
                return (known, results[known])
            }
            let wider = PackedLeaves.Key(functional: key.functional, economic: key.economic, masks: key.masks | 7 << 10)
            let leaves: [Int]
            // The new key is numbered but not listed yet: a number past the list is not the wider key.
            if wider != key, let n = packed.find(hash: wider.hash, isKey: { $0 < packedKeys.count && packedKeys[$0] == wider }) {
                leaves = source.select(key, among: results[packedSelections[n]], scratch: &scratch)
            } else {
                leaves = source.select(key, scratch: &scratch)
            }
            packedKeys.append(key)
            packedSelections.append(results.count)
            results.append(leaves)
            return (results.count - 1, leaves)
        }

        /// Numbers a new selection.
        mutating func add(_ leaves: [Int]) -> Int {
            results.append(leaves)
            return results.count - 1
        }
    }

    /// Indices (ascending) of the leaves the filter selects: the same as scanning every leaf with `matches`.
    func select(_ filter: LeafFilter) -> [Int] {
        selected(filter).leaves
    }

    /// The number of the filter's selection (its leaves are `results[number]`): filters that select by the
    /// same packed key share one number.
    func selection(_ filter: LeafFilter) -> Int {
        selected(filter).number
    }

    /// The number of the filter's selection and its leaves.
    func selected(_ filter: LeafFilter) -> (number: Int, leaves: [Int]) {
        if let packed, let key = PackedLeaves.key(filter) {
            return memo.selection(key, from: packed)
        }
        if filter.isProjectsOnly, let projects = filter.projects, let numbers = byProject.numbers(of: projects) {
            if let known = projectSelections[numbers] { return (known, memo.results[known]) }
            // The leaves listed under the projects, as `candidates` joins them: exactly the selection.
            let lists = numbers.map { byProject.leaves(number: $0) }
            let result = lists.count == 1 ? lists.first ?? [] : lists.flatMap { $0 }.sorted()
            let id = memo.add(result)
            projectSelections[numbers] = id
            return (id, result)
        }
        if let known = selections[filter] { return (known, memo.results[known]) }
        let result: [Int]
        if filter.never {
            result = []
        } else {
            let candidates = candidates(filter)
            if filter.projects != nil, filter.isProjectsOnly {
                // The leaves listed under the projects are exactly the selection: nothing else to test.
                result = candidates
            } else {
                // Leaves read in place, field by field (no copy of a leaf and its strings per candidate).
                let codes = packed.flatMap { _ in filter.economicCodes.map { $0.compactMap(DigitCode.pack) } }
                result = ledger.leaves.withUnsafeBufferPointer { leaves in
                    (packed?.economic ?? []).withUnsafeBufferPointer { economic in
                        var probe = LeafFilter.Probe(economic: codes.map { (economic, $0) })
                        return candidates.filter { filter.matches(leaves, $0, &probe) }
                    }
                }
            }
        }
        let id = memo.add(result)
        selections[filter] = id
        return (id, result)
    }

    /// The smallest list of leaves (ascending) that holds every leaf the filter selects.
    private func candidates(_ filter: LeafFilter) -> [Int] {
        var options: [[[Int]]] = []
        if packed != nil {
            // The filter without its sets (经济 codes, projects, units) is a packed selection, memoized and often
            // printed itself: its leaves hold every leaf the filter selects, and no list by fund or nature is built.
            var plain = filter
            (plain.economicCodes, plain.projects, plain.units) = (nil, nil, nil)
            if plain != .all {
                // A prefix that is not digits has no packed key: no leaf has it, since every code is digits.
                options.append(PackedLeaves.key(plain) == nil ? [] : [select(plain)])
            }
        } else {
            if let prefix = filter.functional, functionalASCII, LeafIndex.isASCII(prefix) {
                options.append([byFunctionalPrefix[prefix] ?? []])
            }
            if let prefix = filter.economic, economicASCII, LeafIndex.isASCII(prefix) {
                options.append([byEconomicPrefix[prefix] ?? []])
            }
            if let bits = filter.fundBits {
                options.append(RevenueSource.allCases.filter { bits & $0.bit != 0 }.map { byFund[$0.bit] ?? [] })
            }
            if let bits = filter.natureBits {
                options.append(LeafFilter.NatureKind.allCases.filter { bits & $0.bit != 0 }.map { byNature[$0.bit] ?? [] })
            }
        }
        if let codes = filter.economicCodes {
            // Every packed code is digits: a code that is not selects no leaf (`matches` compares whole codes).
            if packed != nil {
                options.append(codes.map { code in
                    guard let packed, let c = DigitCode.pack(code) else { return [] }
                    return Array(packed.economicCodes.leaves(withCode: c))
                })
            } else {
                options.append(codes.map { byEconomic[$0] ?? [] })
            }
        }
        if let projects = filter.projects { options.append(projects.map { byProject.leaves(of: $0) }) }
        // The lists by unit cost a string hash per leaf: built only for a filter that nothing else narrows.
        if let units = filter.units, options.isEmpty { options.append(units.map { byUnit[$0] ?? [] }) }
        // Each field puts a leaf in one list only, so the lists of an option are disjoint.
        guard let best = options.min(by: { Self.size($0) < Self.size($1) }) else { return all }
        if best.count == 1, let only = best.first { return only }
        return best.flatMap { $0 }.sorted()
    }

    private static func size(_ lists: [[Int]]) -> Int { lists.reduce(0) { $0 + $1.count } }
}

import YusuanCore

/// Which leaves a printed figure covers: a conjunction of conditions on the leaf's fields, each nil
/// when unconstrained. Being a value (not a closure), a filter can be answered from `LeafIndex` and
/// memoized: a figure's leaves are found once, however many tables print it.
struct LeafFilter: Hashable {
    /// The three natures of a leaf: basic spending is personnel or public cost, the rest is project spending.
    enum NatureKind: Hashable, CaseIterable {
        case personnel, publicCost, project

        init(_ nature: SpendingNature) {
            switch nature {
            case .personnel: self = .personnel
            case .publicCost: self = .publicCost
            case .project: self = .project
            }
        }

        /// Its bit in a mask of natures (人员 1, 公用 2, 项目 4); `PackedLeaves.natureBit` packs leaves by it.
        var bit: Int {
            switch self {
            case .personnel: 1
            case .publicCost: 2
            case .project: 4
            }
        }
    }

    /// The funds as a bit mask of `RevenueSource.bit` (nil: any fund). A mask, not a `Set`: building,
    /// intersecting and hashing a set of a raw-value enum hashes the funds' Chinese names.
    var fundBits: Int?
    /// 功能科目 prefix (类, 款 or 项), with its digits packed once, when the filter is made.
    var functionalPrefix: CodePrefix?
    /// 经济科目 prefix (类 or 款), with its digits packed.
    var economicPrefix: CodePrefix?
    /// Exact 经济科目 codes.
    var economicCodes: Set<String>?
    /// The natures as a bit mask of `NatureKind.bit` (nil: any nature).
    var natureBits: Int?
    /// Project codes (only project leaves match).
    var projects: Set<String>?
    /// Unit codes.
    var units: Set<String>?
    /// Set when two conditions contradict (two unrelated prefixes): nothing matches.
    var never = false

    static let all = LeafFilter()
    static func fund(_ f: RevenueSource) -> LeafFilter { LeafFilter(fundBits: f.bit) }
    static func funds(_ f: Set<RevenueSource>) -> LeafFilter { LeafFilter(fundBits: f.reduce(0) { $0 | $1.bit }) }
    static func functional(_ prefix: String) -> LeafFilter { LeafFilter(functionalPrefix: CodePrefix(prefix)) }
    static func economic(_ prefix: String) -> LeafFilter { LeafFilter(economicPrefix: CodePrefix(prefix)) }
    static func economicCodes(_ codes: Set<String>) -> LeafFilter { LeafFilter(economicCodes: codes) }
    static func projects(_ codes: Set<String>) -> LeafFilter { LeafFilter(projects: codes) }
    static func units(_ codes: Set<String>) -> LeafFilter { LeafFilter(units: codes) }
    /// 基本支出 (personnel and public cost).
    static let basic = LeafFilter(natureBits: NatureKind.personnel.bit | NatureKind.publicCost.bit)
    /// 项目支出.
    static let project = LeafFilter(natureBits: NatureKind.project.bit)
    static let personnel = LeafFilter(natureBits: NatureKind.personnel.bit)
    static let publicCost = LeafFilter(natureBits: NatureKind.publicCost.bit)

    /// A code prefix and its digits packed (`DigitCode`; nil when it is not digits): packed once when the filter
    /// is made, not for each figure printed from it and the filters made from it (`PackedLeaves.key`).
    struct CodePrefix {
        let text: String
        let packed: UInt64?

        init(_ text: String) {
            self.text = text
            packed = DigitCode.pack(text)
        }
    }

    /// 功能科目 prefix (类, 款 or 项).
    var functional: String? { functionalPrefix?.text }
    /// 经济科目 prefix (类 or 款).
    var economic: String? { economicPrefix?.text }

    /// The funds the filter allows (nil: any fund).
    var funds: Set<RevenueSource>? {
        fundBits.map { bits in Set(RevenueSource.allCases.filter { bits & $0.bit != 0 }) }
    }

    /// The natures the filter allows (nil: any nature).
    var natures: Set<NatureKind>? {
        natureBits.map { bits in Set(NatureKind.allCases.filter { bits & $0.bit != 0 }) }
    }

    /// The leaves both filters select.
    func and(_ other: LeafFilter) -> LeafFilter {
        // Made field by field (not a copy of `self` with its fields replaced, which retains and releases each twice).
        let (fp, fNever) = Self.narrower(functionalPrefix, other.functionalPrefix)
        let (ep, eNever) = Self.narrower(economicPrefix, other.economicPrefix)
        return LeafFilter(fundBits: Self.intersect(fundBits, other.fundBits), functionalPrefix: fp, economicPrefix: ep,
                          economicCodes: Self.intersect(economicCodes, other.economicCodes),
                          natureBits: Self.intersect(natureBits, other.natureBits),
                          projects: Self.intersect(projects, other.projects), units: Self.intersect(units, other.units),
                          never: never || other.never || fNever || eNever)
    }

    /// Whether the leaf matches: every field tested, 经济 codes and units as strings (what selections are held to).
    func matches(_ leaf: Ledger.Leaf) -> Bool {
        var probe = Probe()
        return withUnsafePointer(to: leaf) { matches(UnsafeBufferPointer(start: $0, count: 1), 0, &probe) }
    }

    /// What `matches` is given for a selection's leaves and keeps from one leaf to the next.
    struct Probe {
        /// The leaves' packed 经济 codes and the filter's, when every leaf's code is digits (`PackedLeaves`): a code is
        /// compared as a number, not hashed as a string. A code of the filter that is not digits is no leaf's.
        var economic: (leaves: UnsafeBufferPointer<UInt64>, codes: [UInt64])?
        /// The units test of the last leaf tested: candidates come in ledger order, where a unit's leaves are together,
        /// so a run of one unit is hashed once (`==` of equal strings compares their bits first), not once a leaf.
        var unit: String?
        var unitAllowed = false
    }

    /// Whether `leaves[i]` matches, its fields read in place (a leaf passed whole is copied, its strings retained).
    func matches(_ leaves: UnsafeBufferPointer<Ledger.Leaf>, _ i: Int, _ probe: inout Probe) -> Bool {
        if never { return false }
        // A bit mask: `Set.contains` would hash the fund's Chinese raw value for every leaf.
        if let fundBits, fundBits & leaves[i].fund.bit == 0 { return false }
        if let functional, !leaves[i].functional.hasPrefix(functional) { return false }
        if let economic, !leaves[i].economic.hasPrefix(economic) { return false }
        if let economicCodes {
            // The sets are the 三公 款 and their unions, a handful of codes: a scan of them.
            if let (packed, codes) = probe.economic {
                if !codes.contains(packed[i]) { return false }
            } else if !economicCodes.contains(leaves[i].economic) { return false }
        }
        if let natureBits, natureBits & NatureKind(leaves[i].nature).bit == 0 { return false }
        if let projects {
            guard case .project(let code) = leaves[i].nature, projects.contains(code) else { return false }
        }
        if let units {
            if probe.unit != leaves[i].unit { (probe.unit, probe.unitAllowed) = (leaves[i].unit, units.contains(leaves[i].unit)) }
            if !probe.unitAllowed { return false }
        }
        return true
    }

    /// Whether the projects are the filter's only condition (the leaves of those projects are its selection).
    var isProjectsOnly: Bool {
        !never && fundBits == nil && functional == nil && economic == nil && economicCodes == nil && natureBits == nil
            && units == nil
    }

    /// The funds as a bit mask of their cases (-1: any fund).
    var fundMask: Int { fundBits ?? -1 }

    /// Hashes and compares the funds as a bit mask of their cases: a raw-value enum hashes and compares
    /// its Chinese name, which is slow.
    static func == (a: LeafFilter, b: LeafFilter) -> Bool {
        a.never == b.never && a.functional == b.functional && a.economic == b.economic && a.fundMask == b.fundMask
            && a.natureMask == b.natureMask && a.economicCodes == b.economicCodes && a.projects == b.projects && a.units == b.units
    }

    /// The natures as a bit mask (-1: any nature).
    var natureMask: Int { natureBits ?? -1 }

    /// Hashing is on the memo's hot path (every figure looks its filter up): funds and natures go in as
    /// masks, and a set of codes as its only element or its size (hashing a `Set` hashes every element
    /// with a fresh hasher). Equal filters still hash alike; `==` compares every field.
    func hash(into hasher: inout Hasher) {
        hasher.combine(fundMask)
        hasher.combine(natureMask)
        hasher.combine(functional)
        hasher.combine(economic)
        Self.combine(economicCodes, into: &hasher)
        Self.combine(projects, into: &hasher)
        Self.combine(units, into: &hasher)
        hasher.combine(never)
    }

    private static func combine(_ codes: Set<String>?, into hasher: inout Hasher) {
        guard let codes else { return hasher.combine(-1) }
        hasher.combine(codes.count)
        if codes.count == 1, let only = codes.first { hasher.combine(only) }
    }

    private static func intersect(_ a: Int?, _ b: Int?) -> Int? {
        guard let a else { return b }
        guard let b else { return a }
        return a & b
    }

    private static func intersect<T>(_ a: Set<T>?, _ b: Set<T>?) -> Set<T>? {
        guard let a else { return b }
        guard let b else { return a }
        return a.intersection(b)
    }

    /// Both prefixes must hold: the longer one when one extends the other, else a contradiction.
    private static func narrower(_ a: CodePrefix?, _ b: CodePrefix?) -> (CodePrefix?, Bool) {
        guard let a else { return (b, false) }
        guard let b else { return (a, false) }
        if a.text.hasPrefix(b.text) { return (a, false) }
        if b.text.hasPrefix(a.text) { return (b, false) }
        return (nil, true)
    }
}

extension RevenueSource {
    /// A bit of its own per case, for masks of funds (a switch: no hashing of the Chinese raw value).
    var bit: Int {
        switch self {
        case .generalBudget: 1 << 0
        case .govFund: 1 << 1
        case .stateCapital: 1 << 2
        case .specialAccount: 1 << 3
        case .businessIncome: 1 << 4
        case .superiorSubsidy: 1 << 5
        case .affiliatedIncome: 1 << 6
        case .operatingIncome: 1 << 7
        case .otherIncome: 1 << 8
        case .carryover: 1 << 9
        }
    }
}

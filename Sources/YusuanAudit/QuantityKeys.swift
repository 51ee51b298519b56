import YusuanCore

/// A quantity as two numbers: its subject and its facet (measure, scope, year, phase), each interned
/// once per audit. Hashing it hashes two integers, where hashing a `Quantity` hashes its subject's
/// code or name and the raw strings of its measure, scope and phase.
struct QuantityKey: Hashable, Sendable {
    var subject: Int
    var facet: Int
}

/// A quantity without its subject.
struct Facet: Hashable {
    var measure: Measure
    var scope: FundScope
    var year: Int?
    var phase: Phase
}

/// A subject, measure and year as numbers (any scope and phase): the key of `FactIndex.facts(_:_:year:scope:)`.
struct SubjectMeasureKey: Hashable, Sendable {
    var subject: Int
    var measureYear: Int
}

/// Numbers for the subjects and facets of one audit's facts. Two quantities get the same key
/// exactly when they are equal (the dictionaries use `Subject`'s and `Facet`'s own equality).
struct QuantityInterner: Sendable {
    private var subjectIDs: [Subject: Int] = [:]
    private var facetIDs: [Facet: Int] = [:]
    private(set) var facets: [Facet] = []
    /// For each facet, the number of its measure and year.
    private(set) var measureYearOfFacet: [Int] = []
    private var measureYearIDs: [MeasureYear: Int] = [:]
    /// The last subject interned: consecutive facts of a row share it.
    private var lastSubject: (Subject, Int)?

    private struct MeasureYear: Hashable {
        var measure: Measure
        var year: Int?
    }

    /// Room for `subjects` subjects without growing the table (each growth hashes every subject again, their
    /// Chinese names with Unicode normalisation).
    mutating func reserve(subjects: Int) {
        subjectIDs.reserveCapacity(subjects)
    }

    /// The key of `q`, numbering its subject and facet if they are new.
    mutating func intern(_ q: Quantity) -> QuantityKey {
        QuantityKey(subject: intern(q.subject), facet: intern(Facet(measure: q.measure, scope: q.scope, year: q.year, phase: q.phase)))
    }

    mutating func intern(_ subject: Subject) -> Int {
        if let (s, id) = lastSubject, s == subject { return id }
        let id = subjectIDs[subject] ?? subjectIDs.count
        if id == subjectIDs.count { subjectIDs[subject] = id }
        lastSubject = (subject, id)
        return id
    }

    mutating func intern(_ facet: Facet) -> Int {
        if let known = facetIDs[facet] { return known }
        let id = facets.count
        facetIDs[facet] = id
        facets.append(facet)
        let my = MeasureYear(measure: facet.measure, year: facet.year)
        let myID = measureYearIDs[my] ?? measureYearIDs.count
        if myID == measureYearIDs.count { measureYearIDs[my] = myID }
        measureYearOfFacet.append(myID)
        return id
    }

    /// The key of a quantity already interned, nil when no fact prints it.
    func key(_ q: Quantity) -> QuantityKey? {
        guard let s = subjectIDs[q.subject],
              let f = facetIDs[Facet(measure: q.measure, scope: q.scope, year: q.year, phase: q.phase)] else { return nil }
        return QuantityKey(subject: s, facet: f)
    }

    /// The key of a subject, measure and year already interned, nil when no fact prints them.
    func key(_ subject: Subject, _ measure: Measure, year: Int?) -> SubjectMeasureKey? {
        guard let s = subjectIDs[subject], let my = measureYearIDs[MeasureYear(measure: measure, year: year)] else { return nil }
        return SubjectMeasureKey(subject: s, measureYear: my)
    }
}

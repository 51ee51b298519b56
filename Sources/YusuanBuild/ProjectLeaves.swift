import YusuanCore

/// The leaves of each project (ascending), for `LeafIndex`: the leaves' project codes numbered in the order first
/// seen (`FirstSeenNumbering`, keyed by `FNV1a` of the code's bytes), one code looked up per run of leaves of
/// one project, each leaf appended to its project's list by number. A dictionary of lists by code hashed each run's
/// code through `Hasher` and appended to a list held in the dictionary (about 1.2% of a city's instructions).
struct ProjectLeaves {
    private let numbering: FirstSeenNumbering
    /// Each number's project code.
    private let codes: [String]
    /// Each number's leaves, ascending.
    private let lists: [[Int]]

    init(_ leaves: [Ledger.Leaf]) {
        var numbering = FirstSeenNumbering(expectedKeys: 64)
        var codes: [String] = [], lists: [[Int]] = []
        // Leaves read in place, field by field (a leaf taken whole is copied, its strings retained).
        leaves.withUnsafeBufferPointer { leaves in
            // The number of the previous leaf's project (-1: none): leaves come in ledger order, so runs are common.
            var run = -1
            for i in leaves.indices {
                guard case .project(let code) = leaves[i].nature else {
                    run = -1
                    continue
                }
                if run < 0 || codes[run] != code {
                    let found = numbering.number(hash: Self.hash(code)) { codes[$0] == code }
                    if found.isNew {
                        codes.append(code)
                        lists.append([])
                    }
                    run = found.number
                }
                lists[run].append(i)
            }
        }
        self.numbering = numbering
        self.codes = codes
        self.lists = lists
    }

    /// The leaves (ascending) of the project with `code`; none when no leaf is of it.
    func leaves(of code: String) -> [Int] {
        number(of: code).map { lists[$0] } ?? []
    }

    /// The leaves (ascending) of the project numbered `number` (`numbers(of:)`).
    func leaves(number: Int) -> [Int] { lists[number] }

    /// The numbers (ascending) of the projects with `codes`, when every code is ASCII and some leaf's: equal sets of
    /// such codes, and only they, have equal numbers. (A code that is not ASCII may equal, as a `String`, another
    /// spelling whose bytes, and so whose number, differ; an absent code has no number.)
    func numbers(of codes: Set<String>) -> [Int]? {
        var numbers: [Int] = []
        numbers.reserveCapacity(codes.count)
        for code in codes {
            guard LeafIndex.isASCII(code), let n = number(of: code) else { return nil }
            numbers.append(n)
        }
        numbers.sort()
        return numbers
    }

    private func number(of code: String) -> Int? {
        numbering.find(hash: Self.hash(code)) { codes[$0] == code }
    }

    /// An equal hash is only a candidate: the codes are compared.
    static func hash(_ code: String) -> UInt64 { FNV1a.hash(utf8: code) }
}

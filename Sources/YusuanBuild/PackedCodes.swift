import YusuanCore

/// One field's packed codes (功能 or 经济, `DigitCode`) of every leaf, for `PackedLeaves`: each leaf's code, the
/// distinct codes numbered in the order first seen (each leaf's number kept, so that the distinct codes of a
/// selection are found by marking numbers, with no hashing per leaf), and the leaves of every code and under every
/// listed prefix.
///
/// Codes and prefixes are numbered through `FirstSeenNumbering` keyed by the packed code itself (distinct codes
/// have distinct integers), and the leaves of every code (of every prefix) lie one after another in one flat array: building the
/// index hashes no key through `Hasher` and allocates no array per prefix, and a lookup hands out a slice of it.
struct PackedCodes {
    /// Each leaf's packed code.
    let codes: [UInt64]
    /// Each leaf's code number: its code is `distinct[numbers[leaf]]`.
    let numbers: [Int32]
    /// The distinct codes, by number (in the order first seen), and their numbering.
    let distinct: [UInt64]
    private let numbering: FirstSeenNumbering
    /// The leaves (ascending) of code number k: `byCode[codeStart[k]..<codeStart[k + 1]]`.
    private let codeStart: [Int]
    private let byCode: [Int]
    /// The listed prefixes by number, and their numbering.
    private let prefixes: [UInt64]
    private let prefixNumbering: FirstSeenNumbering
    /// The leaves (ascending) of prefix number p: `flat[start[p]..<start[p + 1]]`.
    private let start: [Int]
    private let flat: [Int]

    init(_ codes: [UInt64]) {
        self.codes = codes
        var numbering = FirstSeenNumbering(expectedKeys: 256)
        var distinct: [UInt64] = []
        let numbers = [Int32](unsafeUninitializedCapacity: codes.count) { numbers, written in
            // A run of leaves with one code (leaves come in ledger order, neighbours often share one) is numbered once.
            var previous: (code: UInt64, number: Int32)?
            for (i, code) in codes.enumerated() {
                if let p = previous, p.code == code { numbers[i] = p.number; continue }
                let found = numbering.number(hash: code) { distinct[$0] == code }
                if found.isNew { distinct.append(code) }
                let number = Int32(truncatingIfNeeded: found.number)
                numbers[i] = number
                previous = (code, number)
            }
            written = codes.count
        }
        let byCode = Self.lists(count: distinct.count, numbers: numbers)
        // The listed prefixes of code number k: `prefixOfCode[firstPrefix[k]..<firstPrefix[k + 1]]`.
        var prefixNumbering = FirstSeenNumbering(expectedKeys: 2 * distinct.count)
        var prefixes: [UInt64] = [], prefixOfCode: [Int] = [], firstPrefix: [Int] = [0]
        for code in distinct {
            let length = DigitCode.length(code)
            if length > 0 {
                for n in 1...length where PackedLeaves.isListed(n) {
                    let prefix = DigitCode.prefix(code, n)
                    let found = prefixNumbering.number(hash: prefix) { prefixes[$0] == prefix }
                    if found.isNew { prefixes.append(prefix) }
                    prefixOfCode.append(found.number)
                }
            }
            firstPrefix.append(prefixOfCode.count)
        }
        let byPrefix = Self.lists(count: prefixes.count, numbers: numbers, listsOfNumber: prefixOfCode, firstOfNumber: firstPrefix)
        self.numbers = numbers
        self.distinct = distinct
        self.numbering = numbering
        (codeStart, self.byCode) = byCode
        self.prefixes = prefixes
        self.prefixNumbering = prefixNumbering
        (start, flat) = byPrefix
    }

    /// Lists of leaves laid out one after another (list l is `flat[start[l]..<start[l + 1]]`, ascending): leaf i is in
    /// lists `lists[first[numbers[i]]..<first[numbers[i] + 1]]`. Sizes are counted first, then leaves written in order.
    /// Over raw buffers with wrapping arithmetic: this runs for every leaf and each of its lists (two or three listed
    /// prefixes a code), and every value is a position below the leaf count times the lists a leaf is in, far from any
    /// overflow; the checked `+=` and the range made per leaf were a sixth of building the index. Every number is below
    /// `first.count - 1`, `first` ascends and every entry of `lists` is below `count` (`init` builds them so).
    private static func lists(count: Int, numbers: [Int32], listsOfNumber lists: [Int],
                              firstOfNumber first: [Int]) -> (start: [Int], flat: [Int]) {
        var start = [Int](repeating: 0, count: count + 1)
        numbers.withUnsafeBufferPointer { numbers in
            lists.withUnsafeBufferPointer { lists in
                first.withUnsafeBufferPointer { first in
                    start.withUnsafeMutableBufferPointer { start in
                        for number in numbers {
                            let n = Int(truncatingIfNeeded: number)
                            var k = first[n]
                            let end = first[n &+ 1]
                            while k < end {
                                start[lists[k] &+ 1] &+= 1
                                k &+= 1
                            }
                        }
                        var l = 0
                        while l < count {
                            start[l &+ 1] &+= start[l]
                            l &+= 1
                        }
                    }
                }
            }
        }
        var next = start
        let total = start[count]
        let flat = [Int](unsafeUninitializedCapacity: total) { flat, written in
            numbers.withUnsafeBufferPointer { numbers in
                lists.withUnsafeBufferPointer { lists in
                    first.withUnsafeBufferPointer { first in
                        next.withUnsafeMutableBufferPointer { next in
                            var i = 0
                            for number in numbers {
                                let n = Int(truncatingIfNeeded: number)
                                var k = first[n]
                                let end = first[n &+ 1]
                                while k < end {
                                    let l = lists[k]
                                    flat[next[l]] = i
                                    next[l] &+= 1
                                    k &+= 1
                                }
                                i &+= 1
                            }
                        }
                    }
                }
            }
            written = total
        }
        return (start, flat)
    }

    /// The leaves of each code number: `lists(count:numbers:listsOfNumber:firstOfNumber:)` with list k the one list of
    /// number k, as a counting sort by number: one count and one write a leaf, where the general walk (a range of one
    /// list looked up per leaf) cost about four times as much. Every number is below `count`.
    private static func lists(count: Int, numbers: [Int32]) -> (start: [Int], flat: [Int]) {
        var start = [Int](repeating: 0, count: count + 1)
        numbers.withUnsafeBufferPointer { numbers in
            start.withUnsafeMutableBufferPointer { start in
                for number in numbers { start[Int(truncatingIfNeeded: number) &+ 1] &+= 1 }
                var l = 0
                while l < count {
                    start[l &+ 1] &+= start[l]
                    l &+= 1
                }
            }
        }
        var next = start
        let total = start[count]
        let flat = [Int](unsafeUninitializedCapacity: total) { flat, written in
            numbers.withUnsafeBufferPointer { numbers in
                next.withUnsafeMutableBufferPointer { next in
                    var i = 0
                    for number in numbers {
                        let n = Int(truncatingIfNeeded: number)
                        flat[next[n]] = i
                        next[n] &+= 1
                        i &+= 1
                    }
                }
            }
            written = total
        }
        return (start, flat)
    }

    /// The leaves (ascending) whose code starts with the non-empty packed `prefix`: its list when its length is
    /// listed (`PackedLeaves.isListed`; none: no code has it), else a scan of the codes.
    func leaves(prefixed prefix: UInt64) -> ArraySlice<Int> {
        guard PackedLeaves.isListed(DigitCode.length(prefix)) else {
            return ArraySlice(codes.indices.filter { DigitCode.hasPrefix(codes[$0], prefix) })
        }
        guard let p = prefixNumbering.find(hash: prefix, isKey: { prefixes[$0] == prefix }) else { return [] }
        return flat[start[p]..<start[p + 1]]
    }

    /// The leaves (ascending) whose code is `code`.
    func leaves(withCode code: UInt64) -> ArraySlice<Int> {
        guard let k = numbering.find(hash: code, isKey: { distinct[$0] == code }) else { return [] }
        return byCode[codeStart[k]..<codeStart[k + 1]]
    }

    /// The distinct codes of the leaves `selection` lists whose exact amount is not zero (`exact`: each leaf's
    /// 分): codes are marked by number, so no code is hashed per leaf.
    func distinctCodes(of selection: [Int], nonZero exact: (Int) -> Int64) -> Set<UInt64> {
        var seen = [Bool](repeating: false, count: distinct.count)
        var found = Set<UInt64>()
        for i in selection where exact(i) != 0 {
            let k = Int(numbers[i])
            if seen[k] { continue }
            seen[k] = true
            found.insert(distinct[k])
        }
        return found
    }
}

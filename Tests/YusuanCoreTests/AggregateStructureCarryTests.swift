import Testing
@testable import YusuanCore

/// `AggregateStructure` divides each set's summed remainders by the unit once (the sum as two words, which
/// remainders of up to 2^60 overflow after 16 leaves). Held to a plain reference that carries a unit whenever the
/// running remainder reaches one, on random problems at small units and at the largest unit, with remainders near
/// it so that the sums pass 2^64.
@Suite struct AggregateStructureCarryTests {
    static func reference(_ s: AggregateStructure, set: Int) -> (carry: Int, remainder: Int64) {
        var (carry, remainder): (Int, Int64) = (0, 0)
        for leaf in s.members[set] {
            remainder += s.remainders[leaf]
            if remainder >= s.unit {
                remainder -= s.unit
                carry += 1
            }
        }
        return (carry, remainder)
    }

    @Test(arguments: [false, true], 1...20 as ClosedRange<UInt64>)
    func carriesAreThePlainOnes(largestUnit: Bool, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let unit = largestUnit ? RoundingProblem.maximumUnit : Int64(2 + random.next() % 100_000)
        let leafCount = 40 + Int(random.next() % 40)
        let leaves: [Int64] = (0..<leafCount).map { _ in
            // Mostly remainders near the unit (the sums' high word), some anywhere, some whole.
            let whole = Int64(random.next() % 1_000) * (largestUnit ? 1 : unit)
            switch random.next() % 4 {
            case 0: return whole
            case 1: return whole + 1 + Int64(random.next() % UInt64(unit - 1))
            default: return whole + unit - 1 - Int64(random.next() % UInt64(max(1, unit / 64)))
            }
        }
        let aggregates: [[Int]] = (0..<(5 + Int(random.next() % 20))).map { _ in
            (0..<leafCount).filter { _ in random.next() % 3 != 0 }
        } + [Array(0..<leafCount)]
        let s = AggregateStructure(RoundingProblem(leaves: leaves, unit: unit, aggregates: aggregates))
        #expect(!s.members.isEmpty)
        for set in s.members.indices {
            let (carry, remainder) = Self.reference(s, set: set)
            #expect(s.carry[set] == carry)
            #expect(s.remainder[set] == remainder)
        }
        if largestUnit { #expect(s.carry.contains { $0 >= 16 }) }
    }
}

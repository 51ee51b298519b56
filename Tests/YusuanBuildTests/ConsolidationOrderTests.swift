import Testing
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// `Consolidation.order` (leaves counted into buckets by 功能 code, each bucket sorted by the rest of the key) is the
/// order of one stable sort of every key by `<`, on random keys where codes of one aligned value but different
/// lengths, equal keys and one-leaf buckets meet.
@Suite struct ConsolidationOrderTests {
    static func reference(_ keys: [Consolidation.SortKey]) -> [Int] {
        keys.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
    }

    @Test(arguments: [UInt64(71), 72, 73, 74])
    func bucketsSortAsOneSort(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        // Few digits, so that codes repeat, and prefixes of each other ("2", "20", "201") align alike.
        let digits: [Character] = ["0", "1", "2", "0"]
        func code(_ lengths: ClosedRange<Int>) throws -> UInt64 {
            let text = String((0..<Int.random(in: lengths, using: &random)).map { _ in digits[Int.random(in: 0..<4, using: &random)] })
            return try #require(DigitCode.pack(text))
        }
        let natures: [SpendingNature] = [.personnel, .publicCost, .project("")]
        for count in [0, 1, 2, 40, 700] {
            let keys = try (0..<count).map { _ in
                Consolidation.SortKey(try code(0...4), try code(0...3), nature: natures[Int.random(in: 0..<3, using: &random)],
                                      fund: RevenueSource.allCases[Int.random(in: 0..<3, using: &random)])
            }
            let order = Consolidation.order(keys)
            #expect(order == Self.reference(keys), "\(count) keys")
            #expect(Set(order).count == count)
        }
    }
}

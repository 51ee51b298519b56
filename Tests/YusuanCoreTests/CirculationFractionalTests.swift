import Testing
@testable import YusuanCore

/// `CirculationRounding.isFractional` (one unsigned comparison) held to the plain `0 < flow < unit`, at the
/// ends of Int64, around 0 and `unit`, and on random flows, for units from 1 to the largest accepted.
@Suite struct CirculationFractionalTests {
    @Test(arguments: [1, 2, 7, 10_000, RoundingProblem.maximumUnit] as [Int64])
    func oneComparisonIsThePlainTest(unit: Int64) {
        var flows: [Int64] = [.min, .min + 1, -unit, -1, 0, 1, unit - 1, unit, unit + 1, .max - 1, .max]
        var random = SplitMix64(seed: UInt64(unit))
        for _ in 0..<1000 {
            let near = Int64(random.next() % 7) - 3
            flows.append(random.next() % 2 == 0 ? Int64(bitPattern: random.next()) : near + Int64(random.next() % 2) * unit)
        }
        for flow in flows {
            #expect(CirculationRounding.isFractional(flow, unit: unit) == (flow > 0 && flow < unit), "flow \(flow)")
        }
    }
}

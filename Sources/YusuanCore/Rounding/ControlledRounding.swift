/// Controlled rounding: whole printed units for every leaf such that every aggregate prints the floor
/// or the ceiling of its exact value.
///
/// Since every printed figure is a sum of rounded leaves, parents always equal the sums of their
/// children and a quantity prints alike in every table; this solver takes care of the third property,
/// that no printed figure is a full unit (0.01 万元) or more from its exact value.
///
/// - Leaves already whole need no decision; each other leaf goes down (floor) or up (ceiling).
/// - The aggregates, reduced to their fractional leaves, split into laminar families (sets nested or
///   disjoint; a table's rows form one, its columns another). With one family, largest-remainder
///   rounding down the tree (`HierarchicalRounding`) solves it; with two, the rounding of a
///   circulation does (Cox 1987; the constraint matrix is totally unimodular, so a solution always
///   exists). Both round the grand total to nearest.
/// - With three or more families a controlled rounding may not exist. Two families are solved
///   exactly, then a bounded local search (`RoundingRepair`) brings the others back in range; while
///   sets stay out, other pairs of families (up to six pairs) take the exact role, all within
///   `workLimit` steps in total. Whatever is left is reported in `RoundingSolution.violations`.
///   Figures still add up: only their distance from the exact value can reach one unit.
///
/// The result is deterministic. Cost is about linear in the total size of the aggregates for two
/// families, plus at most `workLimit` steps of repair. See docs/rounding.md.
public enum ControlledRounding {
    /// Repair steps allowed when the aggregates form more than two laminar families.
    public static let defaultWorkLimit = 5_000_000

    /// Rounds every leaf to whole printed units, keeping every aggregate within one unit when possible.
    public static func solve(_ problem: RoundingProblem, workLimit: Int = defaultWorkLimit) -> RoundingSolution {
        let structure = AggregateStructure(problem)
        let up: [Bool]
        if structure.familyCount <= 1 {
            up = HierarchicalRounding.roundsUp(structure)
        } else {
            up = roundCirculation(structure, workLimit: max(0, workLimit))
        }
        return RoundingSolution(problem: problem, structure: structure, roundsUp: up)
    }

    /// Rounds the circulation of two families, then repairs the others; with more than two families,
    /// tries other pairs as the exact ones (up to six pairs) while sets stay out of range.
    static func roundCirculation(_ s: AggregateStructure, workLimit: Int) -> [Bool] {
        let families = min(s.familyCount, 4)
        var pairs: [(Int, Int)] = [(0, 1)]
        for b in 2..<max(2, families) { for a in 0..<b { pairs.append((a, b)) } }
        var best: (up: [Bool], unresolved: Int)?
        var work = 0
        for pair in pairs where work < workLimit || best == nil {
            var network = CirculationRounding.round(s, families: (down: pair.0, up: pair.1))
            guard s.familyCount > 2 else { return network.leavesUp }
            let result = RoundingRepair.repair(s, network: &network, outside: pair, workLimit: workLimit - work)
            work += result.work
            if result.unresolved < best?.unresolved ?? .max { best = (network.leavesUp, result.unresolved) }
            if result.unresolved == 0 { break }
        }
        return best?.up ?? []
    }
}

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
///   exactly, then a short local search (`RoundingRepair`) brings the others back in range while
///   keeping those two exact; what it leaves out, a search over every set at once (`RoundingSearch`:
///   single switches and swaps of two leaves, tabu) brings back, all within `workLimit` steps in
///   total. Whatever is left is reported in `RoundingSolution.violations`.
///   Figures still add up: only their distance from the exact value can reach one unit.
///
/// The result is deterministic. Cost is about linear in the total size of the aggregates for two
/// families, plus at most `workLimit` steps of repair. See docs/rounding.md.
public enum ControlledRounding {
    /// Repair and search steps allowed when the aggregates form more than two laminar families.
    public static let defaultWorkLimit = 50_000_000

    /// Rounds every leaf to whole printed units, keeping every aggregate within one unit when possible.
    public static func solve(_ problem: RoundingProblem, workLimit: Int = defaultWorkLimit) -> RoundingSolution {
        // Leaves no aggregate tells apart are rounded as one, then shared out (`MergedLeaves`).
        if problem.leaves.count >= mergeFrom, let merged = MergedLeaves(problem) {
            // Only the merged problem's units are needed: its printed aggregates and violations are worked
            // out on the original problem.
            let (structure, up) = roundLeaves(merged.problem, workLimit: workLimit)
            let units = RoundingSolution.units(merged.problem, structure: structure, roundsUp: up)
            return RoundingSolution(problem: problem, units: merged.distribute(units), familyCount: structure.familyCount)
        }
        return solveLeaves(problem, workLimit: workLimit)
    }

    /// Problems with at least this many leaves are first reduced by merging leaves that lie in the same
    /// aggregates (`MergedLeaves`).
    static let mergeFrom = 2

    static func solveLeaves(_ problem: RoundingProblem, workLimit: Int) -> RoundingSolution {
        let (structure, up) = roundLeaves(problem, workLimit: workLimit)
        return RoundingSolution(problem: problem, structure: structure, roundsUp: up)
    }

    /// The problem's structure and which of its fractional leaves round up.
    static func roundLeaves(_ problem: RoundingProblem, workLimit: Int) -> (AggregateStructure, [Bool]) {
        let structure = AggregateStructure(problem)
        if structure.familyCount <= 1 { return (structure, HierarchicalRounding.roundsUp(structure)) }
        return (structure, roundCirculation(structure, workLimit: max(0, workLimit)))
    }

    /// Rounds the circulation of two families; with more than two, repairs the others while keeping
    /// those two exact (`RoundingRepair`, with a share of the work proportional to the problem's size),
    /// then searches over every set at once (`RoundingSearch`) if some are still out of range.
    static func roundCirculation(_ s: AggregateStructure, workLimit: Int) -> [Bool] {
        var network = CirculationRounding.round(s, families: (down: 0, up: 1))
        guard s.familyCount > 2 else { return network.leavesUp }
        let size = s.members.reduce(s.fractionalLeaves.count) { $0 + $1.count }
        let repair = RoundingRepair.repair(s, network: &network, outside: (0, 1),
                                           workLimit: min(workLimit, repairWorkPerElement * size))
        var up = network.leavesUp
        guard repair.unresolved > 0 else { return up }
        _ = RoundingSearch.improve(s, up: &up, workLimit: workLimit - repair.work)
        return up
    }

    /// The repair's work limit per leaf and set membership: enough for the cycles it finds quickly;
    /// what it cannot fix in that time the search fixes faster.
    static let repairWorkPerElement = 20
}

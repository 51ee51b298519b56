/// Largest-remainder rounding down one tree of aggregates.
///
/// The grand total is rounded to the nearest unit (halves up). Going down, each node's rounded value
/// is shared among its children: every child gets the floor of its exact value, and the units left
/// over go to the children with the largest remainders. So every node of the tree is the floor or
/// the ceiling of its exact value and equals the sum of its children.
///
/// The tree is the first laminar family of the problem's aggregates (sets taken largest first; a set
/// that neither nests in nor is disjoint from one already taken is left out of the tree). Aggregates
/// outside the tree are left to chance and reported in `RoundingSolution.violations` when off by a
/// unit or more. `ControlledRounding` uses this method when the aggregates form a single tree.
public enum HierarchicalRounding {
    /// Rounds the leaves along the problem's first laminar family of aggregates.
    public static func solve(_ problem: RoundingProblem) -> RoundingSolution {
        let structure = AggregateStructure(problem)
        return RoundingSolution(problem: problem, structure: structure, roundsUp: roundsUp(structure))
    }

    /// Which fractional leaves go up.
    static func roundsUp(_ s: AggregateStructure) -> [Bool] {
        let leafCount = s.fractionalLeaves.count
        var up = [Bool](repeating: false, count: leafCount)
        // Children of each tree set (index setCount stands for the root): sets, then leaves.
        let rootIndex = s.members.count
        var childSets = [[Int]](repeating: [], count: rootIndex + 1)
        var childLeaves = [[Int]](repeating: [], count: rootIndex + 1)
        for set in s.members.indices where s.family[set] == 0 {
            childSets[s.parent[set] < 0 ? rootIndex : s.parent[set]].append(set)
        }
        let deepest = s.deepest(in: 0)
        for leaf in 0..<leafCount {
            let d = deepest[leaf]
            childLeaves[d < 0 ? rootIndex : d].append(leaf)
        }
        // Target number of rounded-up leaves under each set; the root takes the nearest total.
        var target = [Int](repeating: 0, count: rootIndex + 1)
        target[rootIndex] = s.totalCarry + (RoundingMath.roundsUp(s.totalRemainder, unit: s.unit) ? 1 : 0)
        // Sets are ordered largest first, so a parent is always handled before its children.
        for node in [rootIndex] + s.members.indices.filter({ s.family[$0] == 0 }) {
            // (remainder, tie-break, is leaf, index)
            var children: [(Int64, Int, Bool, Int)] = []
            var extra = target[node]
            for set in childSets[node] {
                target[set] = s.carry[set]
                extra -= s.carry[set]
                if s.remainder[set] > 0 { children.append((s.remainder[set], set, false, set)) }
            }
            for leaf in childLeaves[node] {
                children.append((s.remainders[leaf], rootIndex + leaf, true, leaf))
            }
            children.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            for child in children.prefix(max(0, extra)) {
                if child.2 { up[child.3] = true } else { target[child.3] += 1 }
            }
        }
        return up
    }
}

/// Grouping by text keys without Swift's `String` hashing where that is exact.
///
/// Hashing a `String` that is not ASCII normalises it (to compare by canonical equivalence), which costs more
/// than the rest of a small check. When every key is plain (`TextNormalization.isPlainCJK`: NFC, one scalar a
/// character), two keys are equal exactly when their bytes are, so the keys are grouped by their bytes.
extension TextNormalization {
    /// The indices of `keys` grouped by equal key, groups in the order of their first key, indices ascending:
    /// what a `[String: [Int]]` filled in order with an order list of first keys gives.
    public static func groupIndices(_ keys: [String]) -> [[Int]] {
        if keys.allSatisfy(isPlainCJK) {
            return grouped(keys.map(PlainTextKey.init))
        }
        return grouped(keys)
    }

    private static func grouped<K: Hashable>(_ keys: [K]) -> [[Int]] {
        var slot: [K: Int] = [:]
        slot.reserveCapacity(keys.count)
        var groups: [[Int]] = []
        for (i, k) in keys.enumerated() {
            if let g = slot[k] {
                groups[g].append(i)
            } else {
                slot[k] = groups.count
                groups.append([i])
            }
        }
        return groups
    }
}

/// A plain text key (see `TextNormalization.isPlainCJK`) compared and hashed by its UTF-8 bytes.
struct PlainTextKey: Hashable {
    let bytes: [UInt8]
    init(_ text: String) { bytes = Array(text.utf8) }
    func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
}

import Foundation

/// Grouping and looking up by text keys without Swift's `String` hashing where that is exact.
///
/// Hashing a `String` that is not ASCII normalises it (to compare by canonical equivalence), and so does comparing
/// two that differ, which costs more than the rest of a small check. A plain text (`TextNormalization.isPlainCJK`:
/// NFC, one scalar a character) is equal to another plain text exactly when their bytes are, and its bytes are what
/// `String` hashes; `TextKey` uses that.
extension TextNormalization {
    /// The indices of `keys` grouped by equal key, groups in the order of their first key, indices ascending:
    /// what a `[String: [Int]]` filled in order with an order list of first keys gives.
    public static func groupIndices(_ keys: [String]) -> [[Int]] {
        var slot: [TextKey: Int] = [:]
        slot.reserveCapacity(keys.count)
        var groups: [[Int]] = []
        for (i, k) in keys.enumerated() {
            if let g = slot[TextKey(k)] {
                groups[g].append(i)
            } else {
                slot[TextKey(k)] = groups.count
                groups.append([i])
            }
        }
        return groups
    }
}

/// A text that is equal to another and hashes as its `String` does (canonical equivalence; the same hash value),
/// compared and hashed by its bytes when it is plain (`TextNormalization.isPlainCJK`). Two plain texts are in NFC,
/// so they are canonically equivalent exactly when their bytes are the same; a `String` hashes its NFC bytes and
/// then 0xFF, and a plain text's bytes are its NFC bytes. TextKeyTests holds both to `String`'s.
public struct TextKey: Hashable, Sendable {
    public let text: String
    /// `TextNormalization.isPlainCJK(text)`, found once.
    let plain: Bool

    public init(_ text: String) {
        self.text = text
        plain = TextNormalization.isPlainCJK(text)
    }

    public static func == (a: TextKey, b: TextKey) -> Bool {
        guard a.plain && b.plain else { return a.text == b.text }
        return TextNormalization.withBytes(a.text) { x in
            TextNormalization.withBytes(b.text) { y in
                guard x.count == y.count else { return false }
                guard let p = x.baseAddress, let q = y.baseAddress else { return true }  // both empty
                return memcmp(p, q, x.count) == 0
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        guard plain else { return hasher.combine(text) }
        TextNormalization.withBytes(text) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(0xFF as UInt8)
    }
}

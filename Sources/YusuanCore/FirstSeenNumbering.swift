/// Numbers distinct keys in the order they are first seen, through an open-addressing table (linear
/// probing, a power-of-two size, at most half full) keyed by a 64-bit hash the caller computes.
///
/// The table holds numbers, not keys: the caller keeps each number's key and, on a probe whose hash
/// is equal, is asked whether that number's key is the one looked up. A hash collision therefore
/// costs a probe, never a wrong number. For keys that are small integers, or sums that are already
/// random, this spares `Hasher` and a dictionary's storage per key.
public struct FirstSeenNumbering: Sendable {
    /// A number plus one in each slot, 0 for an empty slot.
    @usableFromInline var slots: [Int]
    /// Each number's hash, for the probe's first test and for growing the table.
    @usableFromInline var hashes: [UInt64] = []
    /// 64 minus the table's bits: a slot is the top bits of the hash times an odd constant.
    @usableFromInline var shift: UInt64

    /// A table sized for `expectedKeys` distinct keys; it grows past them if it must.
    public init(expectedKeys: Int) {
        var bits = 4
        while 1 << bits < 2 * expectedKeys { bits += 1 }
        slots = [Int](repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
        hashes.reserveCapacity(expectedKeys)
    }

    /// The number of keys numbered so far.
    public var count: Int { hashes.count }

    @inlinable
    func firstSlot(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The number of the key with `hash` that `isKey` accepts (called with numbers whose hash is
    /// equal), or a new number, `count` before the call, when no key numbered so far is accepted.
    @inlinable
    public mutating func number(hash: UInt64, isKey: (Int) -> Bool) -> (number: Int, isNew: Bool) {
        if 2 * (hashes.count + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var s = firstSlot(hash)
        while true {
            let n = slots[s] - 1
            if n < 0 {
                slots[s] = hashes.count + 1
                hashes.append(hash)
                return (hashes.count - 1, true)
            }
            if hashes[n] == hash && isKey(n) { return (n, false) }
            s = (s + 1) & mask
        }
    }

    /// The number of the key with `hash` that `isKey` accepts, nil when none was numbered.
    @inlinable
    public func find(hash: UInt64, isKey: (Int) -> Bool) -> Int? {
        let mask = slots.count - 1
        var s = firstSlot(hash)
        while true {
            let n = slots[s] - 1
            if n < 0 { return nil }
            if hashes[n] == hash && isKey(n) { return n }
            s = (s + 1) & mask
        }
    }

    /// Doubles the table and puts every number back in the slot its hash gives.
    @usableFromInline
    mutating func grow() {
        slots = [Int](repeating: 0, count: 2 * slots.count)
        shift -= 1
        let mask = slots.count - 1
        for (n, hash) in hashes.enumerated() {
            var s = firstSlot(hash)
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = n + 1
        }
    }
}

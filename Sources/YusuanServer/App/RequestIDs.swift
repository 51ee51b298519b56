import Synchronization

/// New request ids: 64 random-looking bits as `8-4-4` lowercase hex (the shape of a UUID's first 18 characters).
/// They only tell one request's log lines from another's, so a SplitMix64 sequence seeded from the system's
/// generator at start-up serves, without a system call or a UUID per request.
final class RequestIDs: Sendable {
    private let state: Mutex<UInt64>

    init(seed: UInt64 = UInt64.random(in: .min ... .max)) {
        state = Mutex(seed)
    }

    func next() -> String {
        let bits = state.withLock { s -> UInt64 in
            s &+= 0x9E37_79B9_7F4A_7C15
            var z = s
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return Self.format(bits)
    }

    /// `bits` as 16 hex digits split 8-4-4.
    static func format(_ bits: UInt64) -> String {
        // Written straight into the string's storage: no array of digits or of the result per id.
        String(unsafeUninitializedCapacity: 18) { out in
            var at = 0
            for i in 0..<16 {
                if i == 8 || i == 12 {
                    out[at] = UInt8(ascii: "-")
                    at += 1
                }
                let digit = UInt8(truncatingIfNeeded: bits >> UInt64(60 - 4 * i)) & 0xF
                out[at] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                at += 1
            }
            return at
        }
    }
}

extension TextNormalization {
    /// The first scalars of `prefixes` (each once), for `keyMayStart`; nil unless every prefix is plain
    /// (`isPlainCJK`: its first character is its first scalar alone) and not empty.
    public static func firstScalars(_ prefixes: [String]) -> [Unicode.Scalar]? {
        var out: [Unicode.Scalar] = []
        for p in prefixes {
            guard isPlainCJK(p), let u = p.unicodeScalars.first else { return nil }
            if !out.contains(u) { out.append(u) }
        }
        return out
    }

    /// False when `key(s)` has none of the prefixes whose `firstScalars` are `firsts` (nil: not known, true), read on
    /// the first scalar of `s` without keying it. A first scalar that `key` neither drops nor maps (printable ASCII
    /// but quotes and brackets, or a unified ideograph U+4E00–U+9FFF) starts the key's first character, whose
    /// canonical decomposition then starts with it (neither kind decomposes). A prefix's first character is one
    /// plain scalar, and the only plain scalar whose decomposition starts with such a scalar is that scalar: so the
    /// key has the prefix only when the scalar is one of `firsts`. An empty `s` has an empty key, which has no such
    /// prefix. Any other first scalar may be dropped or mapped: true.
    public static func keyMayStart(_ s: String, withOneOf firsts: [Unicode.Scalar]?) -> Bool {
        guard let firsts else { return true }
        guard let u = s.unicodeScalars.first else { return false }
        switch u.value {
        case 0x22, 0x27, 0x5B, 0x5D: return true
        case 0x21...0x7E, 0x4E00...0x9FFF: return firsts.contains(u)
        default: return true
        }
    }
}

/// `TextNormalization.halfWidth`: full-width forms and the ideographic and no-break spaces mapped on the bytes.
extension TextNormalization {
    /// Maps full-width ASCII (digits, letters, punctuation) and the ideographic space to ASCII.
    /// Text with nothing to map (most of it) is returned as it is, after one pass over its bytes.
    public static func halfWidth(_ s: String) -> String {
        guard mayNeedHalfWidth(s) else { return s }
        return withBytes(s) { mapHalfWidth($0) }
    }

    /// The value of the scalar `halfWidth` maps the scalar of value `v` to: U+FF01–FF5E to ASCII, U+3000 and
    /// U+00A0 to a space, any other to itself. The steps that read a label scalar by scalar (`RowLabels`) map
    /// each with this; `mapHalfWidth` does the same on the bytes.
    @inline(__always) static func halfWidth(value v: UInt32) -> UInt32 {
        switch v {
        case 0xFF01...0xFF5E: v - 0xFEE0
        case 0x3000, 0x00A0: 0x20
        default: v
        }
    }

    /// `halfWidth` of the text whose valid UTF-8 is `b` (whole scalars): a label's part read off its bytes
    /// (`RowLabels.outline`) is made into a string once, mapped or not.
    static func halfWidth(_ b: UnsafeBufferPointer<UInt8>) -> String {
        mayNeedHalfWidth(b) ? mapHalfWidth(b) : String(decoding: b, as: UTF8.self)
    }

    /// The text of the valid UTF-8 `b` with every scalar `halfWidth` changes mapped.
    private static func mapHalfWidth(_ b: UnsafeBufferPointer<UInt8>) -> String {
        // On the bytes: U+FF01–FF3F is EF BC 81–BF, U+FF40–FF5E is EF BD 80–9E (each the ASCII byte 0x21–0x7E
        // it maps to, plus 0x60 or 0x20), U+3000 is E3 80 80 and U+00A0 is C2 A0. In valid UTF-8 a lead byte
        // starts a scalar, so these are whole scalars; every other byte is copied, and nothing grows.
        String(unsafeUninitializedCapacity: b.count) { out in
            var i = 0
            var n = 0
            let count = min(b.count, out.count)
            while i < count {
                let c = b[i]
                var width = 1
                var mapped = c
                if c == 0xEF && i + 2 < count {
                    let c1 = b[i + 1], c2 = b[i + 2]
                    if c1 == 0xBC && c2 >= 0x81 {
                        (mapped, width) = (c2 - 0x60, 3)
                    } else if c1 == 0xBD && c2 <= 0x9E {
                        (mapped, width) = (c2 - 0x20, 3)
                    }
                } else if c == 0xE3 && i + 2 < count && b[i + 1] == 0x80 && b[i + 2] == 0x80 {
                    (mapped, width) = (0x20, 3)
                } else if c == 0xC2 && i + 1 < count && b[i + 1] == 0xA0 {
                    (mapped, width) = (0x20, 2)
                }
                out[n] = mapped
                n += 1
                i += width
            }
            return n
        }
    }

    /// Whether `s` may hold a full-width form (UTF-8 EF BC xx / EF BD xx), the ideographic space (E3 80 80)
    /// or a no-break space (C2 A0): the only scalars `halfWidth` changes.
    static func mayNeedHalfWidth(_ s: String) -> Bool {
        withBytes(s) { mayNeedHalfWidth($0) }
    }

    /// `mayNeedHalfWidth` of the text whose UTF-8 is `bytes`.
    static func mayNeedHalfWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for b in bytes {
            switch b {
            case 0xBC, 0xBD: if previous == 0xEF { return true }
            case 0x80: if previous == 0xE3 { return true }
            case 0xA0: if previous == 0xC2 { return true }
            default: break
            }
            previous = b
        }
        return false
    }
}

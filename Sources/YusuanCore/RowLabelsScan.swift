/// `RowLabels.outline`'s steps read over a label's UTF-8 bytes: each scalar mapped as `TextNormalization.halfWidth`
/// maps it when it is read, so that the label is not mapped, trimmed, checked and copied whole to find an ordinal of a
/// few scalars (labels and paragraphs alike: `outline` runs for most rows of every table).
extension RowLabels {
    /// What the steps found in a label's bytes.
    struct OrdinalScan {
        /// The outline depth; nil without an ordinal.
        var depth: Int?
        /// Where the label's rest starts: past the ordinal, or where the label starts without one.
        var restStart: Int
        /// Whether each scalar the steps read is a character of its own, so that the steps over characters
        /// (`outlineCharacters`) find what these steps found: every one is plain (`TextNormalization.isPlainCJK`),
        /// and the scalar after the last of them is plain too or starts a character. When false, only
        /// `outlineCharacters` may answer.
        var sameAsCharacters: Bool
    }

    /// The scalar at byte `i` of the valid UTF-8 `b` (a scalar ending by `end`) as `halfWidth` maps it
    /// (`TextNormalization.halfWidth(value:)`), and where the next one starts.
    @inline(__always)
    static func halfWidthScalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (value: UInt32, next: Int) {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), i + 1) }
        let v: UInt32
        let next: Int
        if c < 0xE0 {
            guard i + 1 < end else { return (0xFFFD, end) }
            v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
            next = i + 2
        } else if c < 0xF0 {
            guard i + 2 < end else { return (0xFFFD, end) }
            v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
            next = i + 3
        } else {
            guard i + 3 < end else { return (0xFFFD, end) }
            v = UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12
                | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
            next = i + 4
        }
        return (TextNormalization.halfWidth(value: v), next)
    }

    /// The steps of `outlineCharacters` over the scalars of `b[range]` (a label's bytes without the white space at
    /// either end), each read half-width.
    static func scanOrdinal(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> OrdinalScan {
        let start = range.lowerBound, end = range.upperBound
        // Where the scalars read so far end, and where the last of them starts.
        var reach = start
        var last = start
        func scalar(_ i: Int) -> (value: UInt32, next: Int)? {
            guard i < end else { return nil }
            let r = halfWidthScalar(b, at: i, end: end)
            if r.next > reach { (reach, last) = (r.next, i) }
            return r
        }
        func found(_ depth: Int?, _ restStart: Int) -> OrdinalScan {
            // The scalar after the last one read decides where that one's character ends: it is checked too.
            if TextNormalization.isPlainCJK(b, startingIn: start, through: reach < end ? reach : end - 1) {
                return OrdinalScan(depth: depth, restStart: restStart, sameAsCharacters: true)
            }
            // A quote or a dash after "四、" (not plain): the scalars read are plain, and Swift says whether the next
            // one starts a character after the last of them (between a plain scalar and the next, the break
            // depends on those two alone: no plain scalar is a ZWJ, a regional indicator or an Indic linker).
            let same = reach < end && TextNormalization.isPlainCJK(b, startingIn: start, through: last)
                && startsCharacter(b, at: reach, after: last, end: end)
            return OrdinalScan(depth: depth, restStart: restStart, sameAsCharacters: same)
        }
        func isDigit(_ v: UInt32) -> Bool { (0x30...0x39).contains(v) }
        let enumComma: UInt32 = 0x3001  // 、
        // "一、" / "十二、"
        var i = start
        while let u = scalar(i), isChineseNumeral(u.value) { i = u.next }
        if i > start, let u = scalar(i), u.value == enumComma || u.value == 0x2E { return found(1, u.next) }
        // "(一)" / "(十二)"
        if let open = scalar(start), open.value == 0x28 {
            var j = open.next
            while let u = scalar(j), u.value == 0x20 { j = u.next }
            var k = j
            while let u = scalar(k), isChineseNumeral(u.value) { k = u.next }
            var m = k
            while let u = scalar(m), u.value == 0x20 { m = u.next }
            if k > j, let u = scalar(m), u.value == 0x29 { return found(2, u.next) }
            var d = j
            while let u = scalar(d), isDigit(u.value) { d = u.next }
            var e = d
            while let u = scalar(e), u.value == 0x20 { e = u.next }
            if d > j, let u = scalar(e), u.value == 0x29 { return found(4, u.next) }
        }
        // "1." / "1、" (not "1.5", not a code)
        var d = start
        var digits = 0
        while let u = scalar(d), isDigit(u.value) { d = u.next; digits += 1 }
        if digits > 0 && digits <= 2, let u = scalar(d) {
            if u.value == enumComma || (u.value == 0x2E && !(scalar(u.next).map { isDigit($0.value) } ?? false)) {
                return found(3, u.next)
            }
        }
        return found(nil, start)
    }

    /// Whether the scalar at byte `i` of `b` starts a character after the one at byte `previous`, both as
    /// `halfWidth` maps them: the two scalars alone make two characters.
    static func startsCharacter(_ b: UnsafeBufferPointer<UInt8>, at i: Int, after previous: Int, end: Int) -> Bool {
        guard let x = Unicode.Scalar(halfWidthScalar(b, at: previous, end: end).value),
              let y = Unicode.Scalar(halfWidthScalar(b, at: i, end: end).value) else { return false }
        var pair = String.UnicodeScalarView()
        pair.append(x)
        pair.append(y)
        return String(pair).count == 2
    }
}

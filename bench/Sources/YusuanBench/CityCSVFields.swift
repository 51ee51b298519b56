import Foundation
import YusuanCore

extension CityCSV {
    // Reading a line's fields in place: where they lie (`find`, `field`, `split`), their text and amount, and where a
    // line that cannot be read is (`problem`).

    /// The position of the first `byte` in [start, end), or `end` when there is none. `memchr` compares many
    /// bytes at a time: the lines of a city are read three times (departments, their budgets, the 汇总).
    func find(_ byte: UInt8, from start: Int, to end: Int) -> Int {
        guard start < end, let base = bytes.baseAddress, let hit = memchr(base + start, Int32(byte), end - start) else { return end }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// The byte range of field `column` of the line [start, end).
    func field(_ column: Int, _ start: Int, _ end: Int) -> (Int, Int) {
        var fieldStart = start
        for _ in 0..<column {
            let comma = find(44, from: fieldStart, to: end)
            if comma == end { return (end, end) }
            fieldStart = comma + 1
        }
        return (fieldStart, find(44, from: fieldStart, to: end))
    }

    /// Where each field goes: `slots[k]` is the position in `fields` of field k (-1: not wanted).
    static func slots(_ columns: [Int]) -> [Int] {
        var slots = [Int](repeating: -1, count: (columns.max() ?? -1) + 1)
        for (slot, c) in columns.enumerated() { slots[c] = slot }
        return slots
    }

    /// The ranges of the wanted fields (`slots`) into `fields`, read in one pass over the line (no array per line).
    func split(_ start: Int, _ end: Int, into fields: inout [(Int, Int)], slots: [Int]) throws {
        var count = 0
        slots.withUnsafeBufferPointer { slots in
            fields.withUnsafeMutableBufferPointer { fields in
                var fieldStart = start
                func field(to fieldEnd: Int) {
                    if count < slots.count {
                        let slot = slots[count]
                        if slot >= 0, slot < fields.count { fields[slot] = (fieldStart, fieldEnd) }
                    }
                    count &+= 1
                    fieldStart = fieldEnd &+ 1
                }
                if let base = bytes.baseAddress {
                    // The commas found eight bytes at a time (a `memchr` call per field cost about 60 instructions with
                    // its loop, 8 fields a line, twice per line of a city): `hits` has the top bit of each comma's byte.
                    var p = start
                    while end &- p >= 8 {
                        var hits = ByteLanes.equal(ByteLanes.load(base, at: p), 0x2C)
                        while hits != 0 {
                            field(to: p &+ hits.trailingZeroBitCount >> 3)
                            hits &= hits &- 1
                        }
                        p &+= 8
                    }
                    while p < end {
                        if base[p] == 44 { field(to: p) }
                        p &+= 1
                    }
                }
                field(to: end)
            }
        }
        guard count >= slots.count else { throw problem(start, "the line has \(count) fields") }
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// "1234.56" (元) → 分; nil when not a plain decimal with at most two decimals.
    func yuan(_ start: Int, _ end: Int) -> Int64? {
        guard start < end, let base = bytes.baseAddress else { return nil }
        if let fen = twoDecimals(base, start, end) { return fen }
        // The 元 digits in one tight loop, then the point and at most two decimals; a digit told by one unsigned test,
        // and overflow by a bound instead of a checked multiply per digit: the value only grows digit by digit, so
        // once it reaches the bound (which the whole 分 must stay below) the amount is refused, and below it
        // `value * 10 + 9` cannot overflow.
        let bound = Int64.max / 100
        var i = start
        let negative = base[i] == 45
        if negative { i += 1 }
        let digitsStart = i
        var value: Int64 = 0
        while i < end {
            let d = base[i] &- 48
            guard d < 10 else { break }
            guard value < bound else { return nil }
            value = value &* 10 &+ Int64(d)
            i += 1
        }
        var digits = i - digitsStart, decimals = 0
        if i < end {
            guard base[i] == 46, end - (i + 1) <= 2 else { return nil }
            i += 1
            while i < end {
                let d = base[i] &- 48
                guard d < 10, value < bound else { return nil }
                value = value &* 10 &+ Int64(d)
                decimals += 1
                i += 1
            }
            digits += decimals
        }
        guard digits > 0, value < bound else { return nil }
        switch decimals {
        case 2: break
        case 1: value *= 10
        default: value *= 100
        }
        return negative ? -value : value
    }

    /// `yuan` of the usual amount, 1 to 8 digits, a point and two decimals ("264883.40"), read without a loop: the eight
    /// bytes that end at the point as one word (`ByteLanes`), the digits tested at once and added up by three multiplies
    /// (pairs, fours, then all eight; as `DigitCode.pack`), where the loop cost about 10 instructions a digit. Nil for
    /// any other text (a sign, another number of decimals, more digits), which the loop reads.
    private func twoDecimals(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
        let point = end &- 3, digits = point &- start
        guard digits >= 1, digits <= 8, point >= 8, base[point] == 46 else { return nil }
        let d1 = base[point &+ 1] &- 48, d2 = base[point &+ 2] &- 48
        guard d1 < 10, d2 < 10 else { return nil }
        // The integer digits in the top `digits` lanes, the first one lowest; the lanes below, bytes before the field,
        // cleared (leading zeros). Every lane then below 10 exactly when each digit's byte is an ASCII digit.
        let unused = UInt64(8 &* (8 &- digits))
        var v = (ByteLanes.load(base, at: point &- 8) ^ 0x3030_3030_3030_3030) & (UInt64.max &<< unused)
        guard ByteLanes.below(v, 10) == 0x8080_8080_8080_8080 else { return nil }
        v = (v &* 10 &+ v &>> 8) & 0x00FF_00FF_00FF_00FF
        v = (v &* 100 &+ v &>> 16) & 0x0000_FFFF_0000_FFFF
        v = (v &* 10000 &+ v &>> 32) & 0xFFFF_FFFF
        return Int64(v) &* 100 &+ Int64(d1) &* 10 &+ Int64(d2)
    }

    func problem(_ offset: Int, _ message: String) -> BenchError {
        var line = 1
        for i in 0..<min(offset, bytes.count) where bytes[i] == 10 { line += 1 }
        return BenchError("\(path):\(line): \(message)")
    }
}

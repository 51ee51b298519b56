import Testing
import YusuanTestSupport
@testable import yusuan_bench

/// The bench's city CSV reader reads fields, amounts and codes by fast paths (commas found eight bytes at a time, 元
/// read in one loop, codes memoised by their packed bytes); each is held here to a plain reference on random lines.
struct CityCSVReadingTests {
    static let header = "部门编码,单位编码,功能科目,经济科目,性质,项目编码,资金来源,金额（元）\n"

    /// `body` read by a `CityCSV` whose lines start after the header; `body` gets the reader and the body's offset.
    static func withReader<T>(_ body: [UInt8], _ read: (CityCSV, Int) throws -> T) throws -> T {
        let all = Array(header.utf8) + body
        return try all.withUnsafeBufferPointer { bytes in try read(try CityCSV(bytes, path: "test.csv"), header.utf8.count) }
    }

    /// 元 as the reader took them before the fast loop: a checked multiply per digit.
    static func referenceYuan(_ text: [UInt8]) -> Int64? {
        var i = 0, negative = false
        if i < text.count, text[i] == 45 { negative = true; i += 1 }
        var value: Int64 = 0, digits = 0, decimals = -1
        while i < text.count {
            let b = text[i]
            if b == 46 {
                guard decimals < 0 else { return nil }
                decimals = 0
            } else if b >= 48, b <= 57 {
                if decimals >= 0 { decimals += 1; guard decimals <= 2 else { return nil } }
                let (v, o) = value.multipliedReportingOverflow(by: 10)
                guard !o else { return nil }
                let (w, p) = v.addingReportingOverflow(Int64(b - 48))
                guard !p else { return nil }
                value = w
                digits += 1
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, value < Int64.max / 100 else { return nil }
        for _ in 0..<(2 - max(0, decimals)) { value *= 10 }
        return negative ? -value : value
    }

    @Test func yuanReadsAsTheReference() throws {
        var random = SeededRandom(seed: 61)
        let alphabet = Array("0123456789.-+ x9".unicodeScalars)
        var texts = (0..<4000).map { _ in Array(random.text(length: 0...22, from: alphabet).utf8) }
        texts += ["92233720368547758", "92233720368547757", "922337203685477580", "9223372036854775807", "-0.01", "12.", ".5",
                  "1.2.3", "1.234", "-", ""].map { Array($0.utf8) }
        for text in texts {
            let body = text + [10]
            let got = try Self.withReader(body) { csv, start in csv.yuan(start, start + text.count) }
            #expect(got == Self.referenceYuan(text), "\(String(decoding: text, as: UTF8.self))")
        }
    }

    @Test func splitFindsTheFieldsOfAPlainSplit() throws {
        var random = SeededRandom(seed: 62)
        let alphabet = Array(",,,a1项目，".unicodeScalars)
        let slots = CityCSV.slots([2, 0, 5, 3])
        for _ in 0..<2000 {
            let line = Array(random.text(length: 0...40, from: alphabet).utf8)
            let parts = line.split(separator: 44, omittingEmptySubsequences: false)
            var fields = [(Int, Int)](repeating: (-1, -1), count: 4)
            let result = try Self.withReader(line + [10]) { csv, start -> [(Int, Int)]? in
                do {
                    try csv.split(start, start + line.count, into: &fields, slots: slots)
                    return fields.map { ($0.0 - start, $0.1 - start) }
                } catch {
                    return nil
                }
            }
            guard parts.count >= slots.count else {
                #expect(result == nil, "\(String(decoding: line, as: UTF8.self)) has \(parts.count) fields")
                continue
            }
            let expected = [2, 0, 5, 3].map { column -> (Int, Int) in
                let part = parts[column]
                return (part.startIndex, part.endIndex)
            }
            #expect(result.map { $0.map { [$0.0, $0.1] } } == expected.map { [$0.0, $0.1] }, "\(String(decoding: line, as: UTF8.self))")
        }
    }

    @Test func textMemoTellsFieldsApartAsTheirStrings() throws {
        var random = SeededRandom(seed: 63)
        // Short ASCII codes (the packed path), long ones, Chinese text and invalid UTF-8 (by their strings).
        let pieces: [[UInt8]] = [Array("2010101".utf8), Array("30101".utf8), Array("P001".utf8), Array("P002".utf8),
                                 Array("123456789012345".utf8), Array("1234567890123456".utf8), Array("项目一".utf8),
                                 [0xFF], [0xFE], [0xC3], Array("".utf8)]
        var fields: [[UInt8]] = []
        for _ in 0..<3000 {
            var field: [UInt8] = []
            for _ in 0..<Int.random(in: 0...2, using: &random) { field += pieces[Int.random(in: 0..<pieces.count, using: &random)] }
            fields.append(field)
        }
        var body: [UInt8] = [], ranges: [(Int, Int)] = []
        for field in fields {
            ranges.append((body.count, body.count + field.count))
            body += field + [10]
        }
        try Self.withReader(body) { _, start in
            let all = Array(Self.header.utf8) + body
            all.withUnsafeBufferPointer { bytes in
                var memo = CityCSV.TextMemo()
                var seen: Set<String> = []
                for (a, b) in ranges {
                    let expected = String(decoding: all[(start + a)..<(start + b)], as: UTF8.self)
                    let got = memo.text(bytes, (start + a, start + b))
                    #expect(got.text == expected)
                    #expect(got.isNew == seen.insert(expected).inserted, "\(expected)")
                }
            }
        }
    }
}

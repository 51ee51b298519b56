import Foundation

/// The central directory of a zip archive, read with every offset and length checked against the
/// bytes there are. ZIPFoundation's own reader traps on an offset past the end of in-memory data
/// and loops forever on a deflate stream that does not end before the file does, so the workbook
/// reader finds entries here and feeds ZIPFoundation's inflater only the bytes an entry owns.
struct XLSXZipDirectory {
    struct Entry {
        var path: String
        var method: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        /// Where the entry's compressed bytes start.
        var dataOffset: Int
        var isDirectory: Bool { path.hasSuffix("/") }
    }

    enum Damage: Error, CustomStringConvertible {
        case damaged(String)
        var description: String { switch self { case .damaged(let why): why } }
    }

    let entries: [Entry]

    /// Reads the directory of `data`; `maxEntries` bounds the work a hostile count can cause.
    init(_ data: Data, maxEntries: Int) throws(Damage) {
        let b = [UInt8](data)
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        func u64(_ i: Int) -> Int { Int(clamping: UInt64(u32(i)) | UInt64(u32(i + 4)) << 32) }
        // The end-of-central-directory record: the last "PK\5\6" within 65,557 bytes of the end.
        var eocd = -1
        var k = b.count - 22
        while k >= max(0, b.count - 65_557) {
            if b[k] == 0x50, b[k + 1] == 0x4B, b[k + 2] == 0x05, b[k + 3] == 0x06 { eocd = k; break }
            k -= 1
        }
        guard eocd >= 0 else { throw .damaged("no end of central directory (a truncated file?)") }
        var count = u16(eocd + 10)
        var offset = u32(eocd + 16)
        // ZIP64: the locator just before the record points at a larger record.
        if (count == 0xFFFF || offset == 0xFFFF_FFFF), eocd >= 20,
           b[eocd - 20] == 0x50, b[eocd - 19] == 0x4B, b[eocd - 18] == 0x06, b[eocd - 17] == 0x07 {
            let record = u64(eocd - 12)
            guard record >= 0, record + 56 <= b.count, u32(record) == 0x0606_4B50 else { throw .damaged("damaged ZIP64 directory") }
            count = u64(record + 32)
            offset = u64(record + 48)
        }
        guard count <= maxEntries else { throw .damaged("more than \(maxEntries) entries") }
        var entries: [Entry] = []
        var p = offset
        for _ in 0..<count {
            guard p >= 0, p + 46 <= b.count, u32(p) == 0x0201_4B50 else { throw .damaged("damaged central directory") }
            let nameLength = u16(p + 28), extraLength = u16(p + 30), commentLength = u16(p + 32)
            guard p + 46 + nameLength + extraLength + commentLength <= b.count else { throw .damaged("damaged central directory") }
            var compressed = u32(p + 20), uncompressed = u32(p + 24), local = u32(p + 42)
            // ZIP64 extra field: the 64-bit values of the fields saturated above, in this order.
            var e = p + 46 + nameLength
            let extraEnd = e + extraLength
            while e + 4 <= extraEnd {
                let id = u16(e), size = u16(e + 2)
                guard e + 4 + size <= extraEnd else { break }
                if id == 0x0001 {
                    var f = e + 4
                    for field in [0, 1, 2] where f + 8 <= e + 4 + size {
                        switch field {
                        case 0 where uncompressed == 0xFFFF_FFFF: uncompressed = u64(f); f += 8
                        case 1 where compressed == 0xFFFF_FFFF: compressed = u64(f); f += 8
                        case 2 where local == 0xFFFF_FFFF: local = u64(f); f += 8
                        default: continue
                        }
                    }
                }
                e += 4 + size
            }
            let path = String(decoding: b[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            guard local >= 0, local + 30 <= b.count, u32(local) == 0x0403_4B50 else { throw .damaged("damaged local header of \(path)") }
            let dataOffset = local + 30 + u16(local + 26) + u16(local + 28)
            guard compressed >= 0, uncompressed >= 0, dataOffset <= b.count, compressed <= b.count - dataOffset else {
                throw .damaged("\(path) runs past the end of the file")
            }
            entries.append(Entry(path: path, method: UInt16(u16(p + 10)), crc32: UInt32(u32(p + 16)), compressedSize: compressed,
                                 uncompressedSize: uncompressed, dataOffset: dataOffset))
            p += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }
}

import Foundation
import YusuanCore

/// The state of a `LineItemCSVReader` as a value: the bytes read and not yet used, the line number, the
/// header's column places and the current line's field ranges. Lines and fields here; checks and output
/// in its extensions.
struct LineItemCSVScanner {
    /// The file name used in messages.
    let name: String
    let handle: FileHandle?
    private(set) var buffer: [UInt8]
    private var position = 0
    private var exhausted: Bool
    /// The number of the line last read (the header is line 1).
    private(set) var line = 0
    private(set) var headerCount = 0
    /// Where each of `LineItemCSVReader.columns` is in a row.
    private(set) var index: [Int] = []
    /// The current line's fields: byte ranges in `buffer`, and whether each was quoted.
    private(set) var ranges: [(start: Int, end: Int, quoted: Bool)] = []
    let natureBytes = LineItemCSVReader.natures.map { Array($0.utf8) }
    let fundBytes = RevenueSource.allCases.map { Array($0.rawValue.utf8) }

    /// A file read through `handle`, or (without one) `bytes`, all of the text.
    init(name: String, handle: FileHandle?, bytes: [UInt8]) {
        self.name = name
        self.handle = handle
        self.buffer = bytes
        self.exhausted = handle == nil
    }

    // MARK: Lines

    /// The byte range of the next line (without its CR LF), reading more of the file when needed.
    mutating func nextLine() throws -> (Int, Int)? {
        var searchFrom = position
        while true {
            let newline: Int? = buffer.withUnsafeBufferPointer { bytes in
                guard let base = bytes.baseAddress, searchFrom < bytes.count,
                      let found = memchr(base + searchFrom, 10, bytes.count - searchFrom) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            if let newline {
                let start = position
                position = newline + 1
                line += 1
                return (start, newline > start && buffer[newline - 1] == 13 ? newline - 1 : newline)
            }
            if exhausted {
                guard position < buffer.count else { return nil }
                let start = position
                position = buffer.count
                line += 1
                let end = buffer[buffer.count - 1] == 13 ? buffer.count - 1 : buffer.count
                return (start, end)
            }
            searchFrom = buffer.count - position
            try refill()
        }
    }

    /// Drops the bytes already read and appends the next MiB of the file.
    private mutating func refill() throws {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        let chunk: Data?
        do {
            chunk = try handle?.read(upToCount: 1 << 20)
        } catch {
            throw StoreError.invalid("读取 \(name) 失败 / reading \(name) failed: \(error)")
        }
        guard let chunk, !chunk.isEmpty else {
            exhausted = true
            return
        }
        buffer.append(contentsOf: chunk)
    }

    /// Reads line 1 and finds each needed column in it.
    mutating func readHeader() throws {
        guard let (start, end) = try nextLine() else {
            throw StoreError.invalid("\(name) 是空文件，没有表头 / \(name) is empty: no header line")
        }
        var headerStart = start
        if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF { headerStart += 3 }
        try split(headerStart, end)
        let headerNames = try ranges.indices.map { try text(field: $0, column: "表头 header") }
        headerCount = headerNames.count
        let columns = LineItemCSVReader.columns
        var found: [Int] = []
        for column in columns {
            guard let i = headerNames.firstIndex(of: column) else {
                throw StoreError.invalid("""
                    \(name) 第1行：表头缺少「\(column)」列（需要 \(columns.joined(separator: ","))）；文件须为UTF-8） / \
                    \(name) line 1: the header has no column \(column) (needed: \(columns.joined(separator: ",")); \
                    the file must be UTF-8)
                    """)
            }
            found.append(i)
        }
        index = found
    }

    // MARK: Fields

    /// Splits [start, end) into `ranges` at commas outside quotes; spaces around a field are dropped.
    mutating func split(_ start: Int, _ end: Int) throws {
        ranges.removeAll(keepingCapacity: true)
        var found = ranges
        ranges = []
        defer { ranges = found }
        try buffer.withUnsafeBufferPointer { bytes in
            var i = start
            while true {
                var fieldStart = i
                while fieldStart < end, bytes[fieldStart] == 32 || bytes[fieldStart] == 9 { fieldStart += 1 }
                if fieldStart < end, bytes[fieldStart] == 34 {
                    var j = fieldStart + 1
                    var closed = false
                    while j < end {
                        if bytes[j] == 34 {
                            if j + 1 < end, bytes[j + 1] == 34 { j += 2; continue }
                            closed = true
                            break
                        }
                        j += 1
                    }
                    guard closed else {
                        throw StoreError.invalid("""
                            \(name) 第\(line)行 第\(found.count + 1)列：引号未闭合（字段不能跨行） / \(name) line \(line), \
                            column \(found.count + 1): unclosed quote (a field cannot span lines)
                            """)
                    }
                    found.append((fieldStart + 1, j, true))
                    var k = j + 1
                    while k < end, bytes[k] == 32 || bytes[k] == 9 { k += 1 }
                    guard k == end || bytes[k] == 44 else {
                        throw StoreError.invalid("""
                            \(name) 第\(line)行 第\(found.count)列：引号后还有文字 / \(name) line \(line), \
                            column \(found.count): text after the closing quote
                            """)
                    }
                    if k == end { return }
                    i = k + 1
                    continue
                }
                var j = fieldStart
                while j < end, bytes[j] != 44 { j += 1 }
                var fieldEnd = j
                while fieldEnd > fieldStart, bytes[fieldEnd - 1] == 32 || bytes[fieldEnd - 1] == 9 { fieldEnd -= 1 }
                found.append((fieldStart, fieldEnd, false))
                if j == end { return }
                i = j + 1
            }
        }
    }
}

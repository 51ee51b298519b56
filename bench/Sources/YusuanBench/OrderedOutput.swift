import Foundation

/// One output file that documents built on several threads go into in the order of their numbers (0, 1, 2, …),
/// each after the first preceded by a form-feed line (a page break in plain text). A document that finishes early
/// waits in memory until those before it are written, so memory holds only the documents out of order, not all.
///
/// One file rather than one per document: DuckDB on the other side writes all departments into one CSV, and creating
/// a file costs 0.2–0.5 ms of kernel time on the benchmark machine (1,000 new 24 KB files in a fresh folder took
/// 0.16–0.53 s of CPU in four tries; rewriting them 0.09 s), a few percent of the city's build.
final class OrderedOutput: @unchecked Sendable {
    static let separator: [UInt8] = [0x0C, 0x0A]
    private let lock = NSLock()
    private let fd: Int32
    private let path: String
    private var next = 0
    private var waiting: [Int: [UInt8]] = [:]

    init(path: String) throws {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))") }
        self.path = path
    }

    deinit { close(fd) }

    /// Document `number`'s bytes: written now if every earlier number is written, else kept until it is.
    func put(_ number: Int, _ bytes: [UInt8]) throws {
        lock.lock(); defer { lock.unlock() }
        waiting[number] = bytes
        while let document = waiting.removeValue(forKey: next) {
            if next > 0 { try Self.writeAll(Self.separator, to: fd, path: path) }
            try Self.writeAll(document, to: fd, path: path)
            next += 1
        }
    }

    /// Throws unless documents 0 to `count - 1` were all written (a worker that failed leaves a gap).
    func finish(count: Int) throws {
        lock.lock(); defer { lock.unlock() }
        guard next == count, waiting.isEmpty else {
            throw BenchError("\(path): \(next) of \(count) documents written in order; \(waiting.count) left waiting")
        }
    }

    /// Writes `bytes` to `path`, created or truncated, with `write` calls from their buffer (no copy into `Data`, no
    /// temporary file and rename as `FileManager.createFile` makes).
    static func write(_ bytes: [UInt8], toFile path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try writeAll(bytes, to: fd, path: path)
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var written = 0
            while written < buffer.count {
                let n = Foundation.write(fd, base + written, buffer.count - written)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))") }
                written += n
            }
        }
    }
}

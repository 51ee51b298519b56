import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import YusuanCore

/// One line per event on standard error: UTC time to the millisecond, level, label, the metadata sorted by key,
/// the message. Like swift-log's `StreamLogHandler`, but the metadata is formatted when a line is written, not
/// each time a key is set: every request sets its request id (and a signed-in user) on its logger and usually
/// writes one line, so formatting on set did the work twice. Each line goes out in one `write`, so lines of
/// concurrent requests do not interleave.
struct PortalLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    private let write: @Sendable ([UInt8]) -> Void

    init(label: String, level: Logger.Level, write: @escaping @Sendable ([UInt8]) -> Void = PortalLogHandler.standardError) {
        self.label = label
        self.logLevel = level
        self.write = write
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let given = event.metadata { all.merge(given) { _, new in new } }
        write(Self.line(date: Date(), level: event.level, label: label, metadata: all, message: event.message.description))
    }

    /// The bytes of one event, ending in a newline.
    static func line(date: Date, level: Logger.Level, label: String, metadata: Logger.Metadata, message: String) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(160 + message.utf8.count)
        appendTimestamp(date, to: &out)
        out.append(0x20)
        out.append(contentsOf: level.rawValue.utf8)
        out.append(0x20)
        out.append(contentsOf: label.utf8)
        out.append(contentsOf: " :".utf8)
        for key in metadata.keys.sorted() {
            out.append(0x20)
            out.append(contentsOf: key.utf8)
            out.append(UInt8(ascii: "="))
            switch metadata[key] {
            case .string(let text)?: out.append(contentsOf: text.utf8)
            case .stringConvertible(let value)?: out.append(contentsOf: value.description.utf8)
            case let value?: out.append(contentsOf: "\(value)".utf8)
            case nil: break
            }
        }
        out.append(0x20)
        out.append(contentsOf: message.utf8)
        out.append(0x0A)
        return out
    }

    /// `2026-11-29T13:01:16.123Z` (times before 1970 print as 1970-01-01T00:00:00.000Z).
    static func appendTimestamp(_ date: Date, to out: inout [UInt8]) {
        let millis = max(0, Int((date.timeIntervalSince1970 * 1000).rounded()))
        let (seconds, ms) = millis.quotientAndRemainder(dividingBy: 1000)
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (y, m, d) = CivilDate.fromDays(days)
        func digits(_ n: Int, _ count: Int, then separator: UInt8?) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(n / divisor % 10))
                divisor /= 10
            }
            if let separator { out.append(separator) }
        }
        digits(y, 4, then: UInt8(ascii: "-"))
        digits(m, 2, then: UInt8(ascii: "-"))
        digits(d, 2, then: UInt8(ascii: "T"))
        digits(secondOfDay / 3600, 2, then: UInt8(ascii: ":"))
        digits(secondOfDay / 60 % 60, 2, then: UInt8(ascii: ":"))
        digits(secondOfDay % 60, 2, then: UInt8(ascii: "."))
        digits(ms, 3, then: UInt8(ascii: "Z"))
    }

    /// Writes the line to file descriptor 2 in one call (retrying a partial write).
    @Sendable static func standardError(_ line: [UInt8]) {
        var offset = 0
        while offset < line.count {
            let n = line.withUnsafeBytes { raw in
                systemWrite(2, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if n <= 0 { return }
            offset += n
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

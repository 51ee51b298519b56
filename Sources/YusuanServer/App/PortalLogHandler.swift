import Foundation
import Logging
import YusuanCore

/// One line per event on standard error: UTC time to the millisecond, level, label, the metadata sorted by key,
/// the message. Like swift-log's `StreamLogHandler`, but the metadata is formatted when a line is written, not
/// each time a key is set: every request sets its request id (and a signed-in user) on its logger and usually
/// writes one line, so formatting on set did the work twice. Each line goes whole to a `LogSink` (by default
/// standard error's, which writes off the event loops, many lines a call), so lines of concurrent requests do not
/// interleave.
struct PortalLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    private let write: @Sendable ([UInt8]) -> Void

    init(label: String, level: Logger.Level, write: @escaping @Sendable ([UInt8]) -> Void = { LogSink.standardError.append($0) }) {
        self.label = label
        self.logLevel = level
        self.write = write
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        // A handful of keys a line: a small array overlaid in order (later sources win) and sorted once costs
        // less than merging dictionaries and looking each sorted key up again.
        var pairs = metadata.map { (key: $0.key, value: $0.value) }
        if let provided = metadataProvider?.get() { Self.overlay(provided, on: &pairs) }
        if let given = event.metadata { Self.overlay(given, on: &pairs) }
        Self.dropSupersededID(from: &pairs)
        pairs.sort { $0.key < $1.key }
        write(Self.line(date: Date(), level: event.level, label: label, metadata: pairs, message: event.message.description))
    }

    /// `metadata`'s entries over `pairs`: a key already there takes the new value, a new key is appended.
    static func overlay(_ metadata: Logger.Metadata, on pairs: inout [(key: String, value: Logger.MetadataValue)]) {
        for (key, value) in metadata {
            if let at = pairs.firstIndex(where: { $0.key == key }) {
                pairs[at].value = value
            } else {
                pairs.append((key, value))
            }
        }
    }

    /// Hummingbird gives every request's logger an id of its own (`hb.request.id`, which `RequestContext.id` reads,
    /// so it stays on the logger); once the portal's id (`request_id`, the X-Request-Id the client sees) is set,
    /// a line carries that one alone. A line logged before the portal's id is set (Hummingbird's own, about a
    /// request the middleware never saw) keeps Hummingbird's.
    static func dropSupersededID(from pairs: inout [(key: String, value: Logger.MetadataValue)]) {
        guard pairs.contains(where: { $0.key == "request_id" }) else { return }
        pairs.removeAll { $0.key == "hb.request.id" }
    }

    /// The bytes of one event, ending in a newline; `metadata` in the order it is to be written.
    static func line(date: Date, level: Logger.Level, label: String, metadata: [(key: String, value: Logger.MetadataValue)],
                     message: String) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(160 + message.utf8.count)
        appendTimestamp(date, to: &out)
        out.append(0x20)
        out.append(contentsOf: level.rawValue.utf8)
        out.append(0x20)
        out.append(contentsOf: label.utf8)
        out.append(contentsOf: " :".utf8)
        for (key, value) in metadata {
            out.append(0x20)
            out.append(contentsOf: key.utf8)
            out.append(UInt8(ascii: "="))
            switch value {
            case .string(let text): out.append(contentsOf: text.utf8)
            case .stringConvertible(let value): out.append(contentsOf: value.description.utf8)
            default: out.append(contentsOf: "\(value)".utf8)
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
}

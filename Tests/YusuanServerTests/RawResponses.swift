import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One HTTP/1.1 response as it came off a raw connection: the status line, the header lines in order, the body.
struct RawResponse: Sendable {
    var statusLine: String
    var fields: [String]
    var body: [UInt8]

    /// The value of the first field named `name` (case-insensitive).
    func field(_ name: String) -> String? {
        for line in fields {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == name.lowercased() { return parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    /// The header lines without Date and X-Request-Id, which differ per request.
    var stableFields: [String] {
        fields.filter { !$0.lowercased().hasPrefix("date:") && !$0.lowercased().hasPrefix("x-request-id:") }
    }
}

/// Reads responses one after the other off a `RawClient`'s connection (pipelined ones included). Used by one
/// thread at a time (`RawClient.run`).
final class RawResponseReader: @unchecked Sendable {
    let raw: RawClient
    private var pending: [UInt8] = []

    init(_ raw: RawClient) {
        self.raw = raw
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(raw.fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The next response; `head` true for the answer to a HEAD request (no body follows its head). Nil when the
    /// connection closed or nothing complete came within `guardTime`.
    func next(head: Bool = false, guardTime: Duration = .seconds(20)) -> RawResponse? {
        let clock = ContinuousClock()
        let start = clock.now
        var buffer = [UInt8](repeating: 0, count: 65536)
        while clock.now - start < guardTime {
            if let response = take(head: head) { return response }
            let n = buffer.withUnsafeMutableBytes { recv(raw.fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                pending += buffer[0..<n]
            } else if n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                return take(head: head)
            }
        }
        return nil
    }

    /// A complete response at the front of what was read, removed from it.
    private func take(head: Bool) -> RawResponse? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard pending.count >= 4, let end = (0...(pending.count - 4)).first(where: { Array(pending[$0..<$0 + 4]) == separator })
        else { return nil }
        let lines = String(decoding: pending[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        var response = RawResponse(statusLine: lines.first ?? "", fields: Array(lines.dropFirst()), body: [])
        let length = head ? 0 : (response.field("Content-Length").flatMap { Int($0) } ?? 0)
        guard pending.count >= end + 4 + length else { return nil }
        response.body = Array(pending[(end + 4)..<(end + 4 + length)])
        pending.removeFirst(end + 4 + length)
        return response
    }
}

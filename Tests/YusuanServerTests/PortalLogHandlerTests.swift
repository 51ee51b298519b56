import Foundation
import Logging
import Synchronization
import Testing
@testable import YusuanServer

@Suite("The portal's log lines and request ids")
struct PortalLogHandlerTests {
    @Test("timestamps equal ISO 8601 with milliseconds in UTC")
    func timestamps() {
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        iso.timeZone = TimeZone(identifier: "UTC")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let millis = Int.random(in: 0...4_102_444_800_000, using: &generator)  // 1970 to 2100
            let date = Date(timeIntervalSince1970: Double(millis) / 1000)
            var out = [UInt8]()
            PortalLogHandler.appendTimestamp(date, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == iso.string(from: date))
        }
    }

    @Test("one line per event: the handler's metadata and the event's, sorted, the event's winning")
    func lines() {
        let written = Mutex([String]())
        var handler = PortalLogHandler(label: "yusuan.serve", level: .info) { bytes in
            written.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) }
        }
        handler[metadataKey: "request_id"] = "0123abcd-0000-ffff"
        handler[metadataKey: "user"] = "officer"
        let configured = handler
        var logger = Logger(label: "yusuan.serve") { _ in configured }
        logger.logLevel = .info
        logger.info("request", metadata: ["status": "200", "user": "admin", "path": "/versions/2"])
        logger.debug("not written")
        let lines = written.withLock { $0 }
        #expect(lines.count == 1)
        let line = lines.first ?? ""
        #expect(line.hasSuffix(" info yusuan.serve : path=/versions/2 request_id=0123abcd-0000-ffff status=200 user=admin request\n"))
        #expect(line.dropLast().allSatisfy { $0 != "\n" })
        #expect(handler[metadataKey: "user"] == "officer")
    }

    @Test("a line carries the portal's request id alone once it is set, Hummingbird's before")
    func oneRequestID() {
        let written = Mutex([String]())
        var handler = PortalLogHandler(label: "yusuan.serve", level: .info) { bytes in
            written.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) }
        }
        handler[metadataKey: "hb.request.id"] = "17"
        let before = handler
        handler[metadataKey: "request_id"] = "0123abcd-0000-ffff"
        let after = handler
        Logger(label: "yusuan.serve") { _ in before }.info("early")
        Logger(label: "yusuan.serve") { _ in after }.info("request")
        let lines = written.withLock { $0 }
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix(" info yusuan.serve : hb.request.id=17 early\n") == true)
        #expect(lines.last?.hasSuffix(" info yusuan.serve : request_id=0123abcd-0000-ffff request\n") == true)
    }

    @Test("request ids are 8-4-4 lowercase hex and do not repeat")
    func requestIDs() {
        #expect(RequestIDs.format(0x0123_4567_89ab_cdef) == "01234567-89ab-cdef")
        #expect(RequestIDs.format(0) == "00000000-0000-0000")
        let ids = RequestIDs(seed: 42)
        var seen = Set<String>()
        for _ in 0..<10_000 {
            let id = ids.next()
            #expect(id.count == 18 && id.allSatisfy { "0123456789abcdef-".contains($0) })
            seen.insert(id)
        }
        #expect(seen.count == 10_000)
    }
}

import Dispatch
import Synchronization
import Testing
@testable import YusuanServer

@Suite("The log sink: lines whole, in order, batched, bounded")
struct LogSinkTests {
    /// Lines from several threads: after `flush`, every line is written once and whole, each thread's in its order.
    @Test("concurrent lines come out whole and in each thread's order")
    func concurrent() {
        let written = Mutex([UInt8]())
        let sink = LogSink(delay: .milliseconds(1), limit: 4096) { bytes in written.withLock { $0.append(contentsOf: bytes) } }
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for n in 0..<500 { sink.append(Array("thread \(thread) line \(n)\n".utf8)) }
        }
        sink.flush()
        let lines = String(decoding: written.withLock { $0 }, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2000)
        for thread in 0..<4 {
            let own = lines.filter { $0.hasPrefix("thread \(thread) ") }
            #expect(own == (0..<500).map { "thread \(thread) line \($0)"[...] })
        }
    }

    /// With a long delay, lines appended together go out in one call; `flush` writes them without waiting.
    @Test("lines within the delay share one write")
    func batched() {
        let batches = Mutex([[UInt8]]())
        let sink = LogSink(delay: .seconds(60), limit: 1 << 20) { bytes in batches.withLock { $0.append(bytes) } }
        for n in 0..<100 { sink.append(Array("line \(n)\n".utf8)) }
        #expect(batches.withLock { $0.isEmpty })
        sink.flush()
        let taken = batches.withLock { $0 }
        #expect(taken.count == 1)
        #expect(taken.first.map { String(decoding: $0, as: UTF8.self) } == (0..<100).map { "line \($0)\n" }.joined())
        sink.flush()
        #expect(batches.withLock { $0.count } == 1)
    }

    /// A buffer past its limit is written by the logging thread before `append` returns.
    @Test("a full buffer is written at once")
    func bounded() {
        let batches = Mutex([[UInt8]]())
        let sink = LogSink(delay: .seconds(60), limit: 64) { bytes in batches.withLock { $0.append(bytes) } }
        let line = Array(repeating: UInt8(ascii: "x"), count: 40) + [0x0A]
        sink.append(line)
        #expect(batches.withLock { $0.isEmpty })
        sink.append(line)
        #expect(batches.withLock { $0 } == [line + line])
    }
}

import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the portal's log lines go: appended to a buffer by whichever thread logs, written to a file descriptor
/// by a queue of its own a few milliseconds later, many lines a `write`. A request's line then never waits on
/// the disk on an event loop (a write to a file can block on the file system), and under load one call carries
/// every line of the delay (like nginx's `access_log … buffer= flush=`). A line reaches the file at most
/// `delay` after it was logged; `flush()` writes what is pending at once (the server calls it when it stops,
/// and at exit). When the buffer outgrows `limit` (the descriptor is slow or blocked), the logging thread
/// waits for the write, as a direct write would, so memory stays bounded.
final class LogSink: Sendable {
    /// The portal's standard error, flushed at exit.
    static let standardError: LogSink = {
        let sink = LogSink(descriptor: 2)
        atexit { LogSink.standardError.flush() }
        return sink
    }()

    private let pending = Mutex([UInt8]())
    private let queue = DispatchQueue(label: "yusuan.log")
    private let write: @Sendable ([UInt8]) -> Void
    private let delay: DispatchTimeInterval
    private let limit: Int

    /// A sink writing to `descriptor`.
    convenience init(descriptor: Int32, delay: DispatchTimeInterval = .milliseconds(10), limit: Int = 1 << 20) {
        self.init(delay: delay, limit: limit) { bytes in LogSink.writeAll(bytes, to: descriptor) }
    }

    /// A sink handing each batch to `write` (tests count the batches).
    init(delay: DispatchTimeInterval, limit: Int, write: @escaping @Sendable ([UInt8]) -> Void) {
        self.write = write
        self.delay = delay
        self.limit = limit
    }

    /// Queues `line` (its bytes, newline included). The first line into an empty buffer schedules the write.
    func append(_ line: [UInt8]) {
        let (first, full) = pending.withLock { buffer -> (Bool, Bool) in
            let first = buffer.isEmpty
            buffer.append(contentsOf: line)
            return (first, buffer.count >= limit)
        }
        if full {
            flush()
        } else if first {
            queue.asyncAfter(deadline: .now() + delay) { self.drain() }
        }
    }

    /// Writes every line appended before the call, and returns when they are written.
    func flush() {
        queue.sync { drain() }
    }

    /// Takes the buffer and writes it (on the queue only, so batches keep their order).
    private func drain() {
        let bytes = pending.withLock { buffer -> [UInt8] in
            var taken = [UInt8]()
            swap(&taken, &buffer)
            return taken
        }
        if !bytes.isEmpty { write(bytes) }
    }

    /// `bytes` to `descriptor`, retrying partial writes and interrupted calls; other failures drop the rest
    /// (a log that cannot be written must not stop the server).
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(descriptor, base + offset, raw.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

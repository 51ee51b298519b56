import Dispatch
import Foundation

/// Back-pressure for the CPU-heavy work of uploads and document audits: at most `maxRunning` jobs run
/// at once (one per core by default), at most `maxQueued` more wait for a turn, and any job beyond that
/// is refused at once with 503 and Retry-After, before its body is read. So memory is bounded by
/// (maxRunning + maxQueued) bodies of at most the upload cap each, whatever the number of clients.
///
/// A job is admitted first (`admit`), which only counts it; it then reads its body, and waits for a
/// running slot only for the build and audit itself (`Ticket.run`), which works on a thread of its
/// own so that page reads keep being served by the cooperative pool meanwhile.
public actor AuditQueue {
    public nonisolated let maxRunning: Int
    public nonisolated let maxQueued: Int
    /// Seconds a refused client is told to wait (Retry-After).
    public nonisolated let retryAfter: Int

    /// Jobs admitted and not yet finished (running or waiting).
    public private(set) var admitted = 0
    /// Jobs holding a running slot.
    public private(set) var running = 0
    /// The most jobs ever running at once, and the most ever waiting for a slot at once (for tests).
    public private(set) var peakRunning = 0
    public private(set) var peakWaiting = 0
    /// How many jobs were refused because the queue was full.
    public private(set) var refused = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    /// Tickets that took a running slot, and the next ticket's id.
    private var started: Set<Int> = []
    private var nextID = 0

    public init(maxRunning: Int, maxQueued: Int, retryAfter: Int = 5) {
        self.maxRunning = max(1, maxRunning)
        self.maxQueued = max(0, maxQueued)
        self.retryAfter = max(1, retryAfter)
    }

    /// Jobs waiting for a running slot (never more than `maxQueued`: they wait only while all slots are taken).
    public var waiting: Int { waiters.count }

    /// One admitted job. `withTicket` finishes it, whatever happens.
    public struct Ticket: Sendable {
        let queue: AuditQueue
        let id: Int

        /// Waits for a running slot, then runs `work` on a thread outside the cooperative pool.
        public func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
            await queue.start(id)
            return await withCheckedContinuation { continuation in
                DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
            }
        }

        func finish() async { await queue.finish(id) }
    }

    /// Admits one job or throws 503 (busy) when `maxRunning + maxQueued` jobs are already admitted.
    public func admit() throws(PortalError) -> Ticket {
        guard admitted < maxRunning + maxQueued else {
            refused += 1
            throw PortalError.busy(running: maxRunning, queued: maxQueued, retryAfter: retryAfter)
        }
        admitted += 1
        nextID += 1
        return Ticket(queue: self, id: nextID)
    }

    /// Admits a job, runs `body` with its ticket and finishes it, whether `body` returns or throws.
    public nonisolated func withTicket<T: Sendable>(_ body: (Ticket) async throws -> T) async throws -> T {
        let ticket = try await admit()
        do {
            let value = try await body(ticket)
            await ticket.finish()
            return value
        } catch {
            await ticket.finish()
            throw error
        }
    }

    func start(_ id: Int) async {
        started.insert(id)
        if running < maxRunning {
            running += 1
        } else {
            // `finish` hands its slot over: `running` stays counted for the resumed waiter.
            await withCheckedContinuation {
                waiters.append($0)
                peakWaiting = max(peakWaiting, waiters.count)
            }
        }
        peakRunning = max(peakRunning, running)
    }

    func finish(_ id: Int) {
        admitted -= 1
        guard started.remove(id) != nil else { return }
        if waiters.isEmpty {
            running -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}

extension PortalError {
    /// 503 with Retry-After: the queue of uploads and audits is full.
    static func busy(running: Int, queued: Int, retryAfter: Int) -> PortalError {
        var error = PortalError(.serviceUnavailable,
                                zh: "服务器正忙：已有 \(running) 个审核在运行、\(queued) 个在排队。请 \(retryAfter) 秒后重试。",
                                en: "The server is busy: \(running) audits are running and \(queued) are waiting. Try again in \(retryAfter) seconds.")
        error.headers[.retryAfter] = String(retryAfter)
        return error
    }
}

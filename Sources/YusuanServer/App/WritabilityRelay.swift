/// Which of the channel's writability changes `KeptPageHandler` passes on to the handlers after it (Hummingbird's
/// request loop, whose response writer waits while the channel cannot take more bytes).
///
/// A kept page is larger than NIO's high-water mark (64 KiB), so writing one makes the channel unwritable and
/// flushing it, once the socket takes it, writable again: two changes per answer, each of which NIO's async writer
/// takes its lock for (5% of the server's CPU on the page), although its state ends where it began. So while the
/// fast path writes and flushes (`hold()`), changes are not passed on one by one; at the end (`settle(writable:)`), or
/// before a request is handed on to the router, the channel's writability is passed on if it differs from what the
/// handlers after were last told. They never act on a stale state: nothing of theirs writes meanwhile (the fast path
/// answers only while no request is handed on, and their writes reach the event loop after the flush).
struct WritabilityRelay {
    /// What the handlers after were last told: a channel starts writable, and so does NIO's async writer.
    private(set) var announced = true
    /// Set while the fast path writes and flushes.
    private(set) var holding = false

    /// The channel's writability changed to `writable`: true when it is to be passed on now.
    mutating func changed(to writable: Bool) -> Bool {
        guard !holding, writable != announced else { return false }
        announced = writable
        return true
    }

    /// The fast path is about to write: hold changes back until `settle(writable:)`.
    mutating func hold() {
        holding = true
    }

    /// The fast path's writes are flushed, or a request is about to be handed on: true when the channel's
    /// writability, `writable`, is to be passed on now (it differs from what was last passed on).
    mutating func settle(writable: Bool) -> Bool {
        holding = false
        return changed(to: writable)
    }
}

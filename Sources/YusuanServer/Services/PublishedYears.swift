import Synchronization
import YusuanStore

/// Each department's published versions, newest of each year, as the version and department pages and the
/// comparisons read them on every request.
///
/// The published set of a department only grows: a published version is never updated or deleted, and it
/// grows only by `publish`. A publication through this server forgets the department's entry at once, so
/// its readers see it on their next request. Another server over the same PostgreSQL store (or another
/// process on the same SQLite file) cannot tell this one, so an entry is also read again once it is older
/// than `freshness`: a page may show another server's publication up to that long after it was made.
final class PublishedYears: Sendable {
    private struct Entry {
        var versions: [VersionRecord]
        var read: ContinuousClock.Instant
        /// A read ahead of time has been asked for (`fresh(departmentID:at:renew:)`) and has not ended yet.
        var renewing = false
    }

    private struct State {
        var entries: [Int64: Entry] = [:]
        /// Counts publications through this server: a list read while one happened is not kept.
        var generation: UInt64 = 0
    }

    private let state = Mutex(State())
    let freshness: Duration
    /// Half of `freshness`, past which a list is read again ahead of time (computed once: `Duration`'s division is
    /// generic and was 0.6% of the server's CPU on the page when done per request).
    private let renewAge: Duration
    /// At most this many departments are kept; past it the whole map is dropped and read again as needed.
    let capacity: Int

    init(freshness: Duration = .seconds(1), capacity: Int = 100_000) {
        self.freshness = freshness
        renewAge = freshness / 2
        self.capacity = capacity
    }

    /// The kept list of `departmentID` when it was read less than `freshness` ago; otherwise `read` gives
    /// it, and it is kept.
    func versions(departmentID: Int64, read: () async throws -> [VersionRecord]) async throws -> [VersionRecord] {
        let now = ContinuousClock.now
        if let kept = fresh(departmentID: departmentID, at: now) { return kept }
        let generation = state.withLock { $0.generation }
        let list = try await read()
        state.withLock { s in
            guard s.generation == generation else { return }
            if s.entries.count >= capacity { s.entries.removeAll(keepingCapacity: true) }
            s.entries[departmentID] = Entry(versions: list, read: now)
        }
        return list
    }

    /// The kept list of `departmentID` when it was read less than `freshness` ago, else nil (the kept pages' fast
    /// path answers only while `versions(departmentID:read:)` would not read the store).
    ///
    /// `renew` is called, after the lock, by the first caller that finds the list past half its freshness, and by
    /// no other until `renew(departmentID:read:)` has ended: it reads the list again ahead of time, so that a page
    /// asked for steadily never finds it stale (every request in the moment between its going stale and a router
    /// request reading it again would go to the router and read the store). The list served is never older than
    /// `freshness` either way.
    func fresh(departmentID: Int64, at now: ContinuousClock.Instant = .now,
               renew: ((Int64) -> Void)? = nil) -> [VersionRecord]? {
        let (list, due) = state.withLock { s -> ([VersionRecord]?, Bool) in
            guard let kept = s.entries[departmentID], now - kept.read < freshness else { return (nil, false) }
            guard renew != nil, !kept.renewing, now - kept.read >= renewAge else { return (kept.versions, false) }
            s.entries[departmentID]?.renewing = true
            return (kept.versions, true)
        }
        if due, let renew { renew(departmentID) }
        return list
    }

    /// Reads `departmentID`'s list again (asked for by `fresh(departmentID:at:renew:)`) and keeps it, unless this
    /// server published meanwhile (then the next request reads it); a failed read keeps the old list until it is
    /// stale, and a later caller may ask again.
    func renew(departmentID: Int64, read: () async throws -> [VersionRecord]) async {
        let now = ContinuousClock.now
        let generation = state.withLock { $0.generation }
        let list = try? await read()
        state.withLock { s in
            guard let list, s.generation == generation else {
                s.entries[departmentID]?.renewing = false
                return
            }
            if s.entries.count >= capacity { s.entries.removeAll(keepingCapacity: true) }
            s.entries[departmentID] = Entry(versions: list, read: now)
        }
    }

    /// Forgets a department's list (after this server published one of its versions).
    func forget(departmentID: Int64) {
        state.withLock { s in
            s.entries[departmentID] = nil
            s.generation &+= 1
        }
    }
}

import Foundation
import Synchronization
import Testing
@testable import YusuanServer
import YusuanStore

/// `PublishedYears.fresh(departmentID:at:renew:)`: a list asked for past half its freshness is read again ahead of
/// time, once, so that the kept pages' fast path does not find it stale while a page is asked for steadily. The
/// instants are given, so nothing here waits.
@Suite("Published versions read again ahead of time")
struct PublishedYearsRenewTests {
    static let freshness = Duration.seconds(3600)

    @Test("renewal is asked once past half the freshness, not before, and the list is kept again")
    func renewOnce() async throws {
        let kept = PublishedYears(freshness: Self.freshness)
        let start = ContinuousClock.now
        _ = try await kept.versions(departmentID: 1) { [PublishedYearsTests.record(1, year: 2024)] }
        let asked = Mutex<[Int64]>([])
        let renew: (Int64) -> Void = { id in asked.withLock { $0.append(id) } }
        // Young: served, no renewal.
        #expect(kept.fresh(departmentID: 1, at: start + .seconds(60), renew: renew)?.map(\.id) == [1])
        #expect(asked.withLock { $0 }.isEmpty)
        // Past half: served, renewal asked once however many requests come.
        let late = start + Self.freshness / 2 + .seconds(60)
        for _ in 0..<5 { #expect(kept.fresh(departmentID: 1, at: late, renew: renew)?.map(\.id) == [1]) }
        #expect(asked.withLock { $0 } == [1])
        // Without a renew closure (the router's path) nothing is asked.
        #expect(kept.fresh(departmentID: 1, at: late)?.map(\.id) == [1])
        // The renewal reads the list again; the new one is served, young again.
        await kept.renew(departmentID: 1) { [PublishedYearsTests.record(1, year: 2024), PublishedYearsTests.record(2, year: 2025)] }
        #expect(kept.fresh(departmentID: 1, at: .now + .seconds(60), renew: renew)?.map(\.id) == [1, 2])
        #expect(asked.withLock { $0 } == [1])
        // Stale: nothing is served and nothing asked (the router reads it).
        #expect(kept.fresh(departmentID: 1, at: .now + Self.freshness + .seconds(1), renew: renew) == nil)
        #expect(asked.withLock { $0 } == [1])
        #expect(kept.fresh(departmentID: 2, at: late, renew: renew) == nil)
    }

    @Test("a failed renewal keeps the old list and lets a later request ask again")
    func failedRenewal() async throws {
        struct Down: Error {}
        let kept = PublishedYears(freshness: Self.freshness)
        let start = ContinuousClock.now
        _ = try await kept.versions(departmentID: 1) { [PublishedYearsTests.record(1, year: 2024)] }
        let asked = Mutex(0)
        let late = start + Self.freshness / 2 + .seconds(60)
        _ = kept.fresh(departmentID: 1, at: late) { _ in asked.withLock { $0 += 1 } }
        await kept.renew(departmentID: 1) { throw Down() }
        #expect(kept.fresh(departmentID: 1, at: late) { _ in asked.withLock { $0 += 1 } }?.map(\.id) == [1])
        #expect(asked.withLock { $0 } == 2)
    }

    @Test("a renewal read while this server publishes is not kept: the next request reads the store")
    func publicationDuringRenewal() async throws {
        let kept = PublishedYears(freshness: Self.freshness)
        _ = try await kept.versions(departmentID: 1) { [PublishedYearsTests.record(1, year: 2024)] }
        await kept.renew(departmentID: 1) {
            kept.forget(departmentID: 1)  // a publication lands while the renewal reads
            return [PublishedYearsTests.record(1, year: 2024)]
        }
        #expect(kept.fresh(departmentID: 1) == nil)
        let reads = Mutex(0)
        let list = try await kept.versions(departmentID: 1) {
            reads.withLock { $0 += 1 }
            return [PublishedYearsTests.record(1, year: 2024), PublishedYearsTests.record(2, year: 2025)]
        }
        #expect(list.map(\.id) == [1, 2] && reads.withLock { $0 } == 1)
    }
}

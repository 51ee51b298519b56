import Foundation
import Hummingbird
import Synchronization
import YusuanCore
import YusuanStore

/// What the portal derives from a stored version: the decoded disclosure, its JSON and its HTML body.
///
/// A version's content never changes once stored: a draft is replaced by a new version, never edited; a
/// published version cannot be updated (the stores refuse it); and version ids are never reused (AUTOINCREMENT
/// in SQLite, an identity column in PostgreSQL). So an entry keyed by version id is valid for as long as the
/// version exists, and a deleted draft's entry cannot be reached because the version lookup, which every
/// route makes first, fails. Decoding the stored JSON and rendering it again is most of the cost of a
/// disclosure page or the disclosure API, so the entries are kept, least recently used first out, within a
/// budget of bytes.
final class DisclosureCache: Sendable {
    struct Entry: Sendable {
        var disclosure: Disclosure
        /// Whole response bodies (the disclosure's JSON, an anonymous reader's page), kept as buffers so that
        /// serving one copies nothing, with their entity tags.
        var responses: [String: KeptBody] = [:]
        var body: String?
        /// Rendered parts of pages, by a key that names everything else they depend on.
        var fragments: [String: String] = [:]
        var cost: Int
    }

    private struct State {
        var entries: [Int64: Entry] = [:]
        /// Published version records: a published version is never updated or deleted.
        var published: [Int64: VersionRecord] = [:]
        var order: [Int64: UInt64] = [:]
        var clock: UInt64 = 0
        var bytes = 0
    }

    private let state = Mutex(State())
    /// The most bytes the entries may hold (estimated from the stored JSON and the rendered texts).
    let budget: Int

    init(budget: Int = 64 << 20) {
        self.budget = budget
    }

    /// The decoded disclosure of version `id` when it is kept.
    func kept(id: Int64) -> Disclosure? { lookup(id)?.disclosure }

    /// The decoded disclosure of version `id`, decoding it when it is not kept yet; `decode` gives the
    /// disclosure and the size of the stored JSON.
    func disclosure(id: Int64, decode: () throws -> (Disclosure, Int)) rethrows -> Disclosure {
        if let hit = lookup(id) { return hit.disclosure }
        let (disclosure, size) = try decode()
        store(id, Entry(disclosure: disclosure, cost: size * 3))
        return disclosure
    }

    /// The key the disclosure's JSON is kept under (`KeptPages` looks it up the same way).
    static let jsonKey = "json"

    /// The disclosure's JSON as the API sends it, rendered once.
    func json(id: Int64, of disclosure: Disclosure, render: (Disclosure) -> String) -> KeptBody {
        if let kept = response(id: id, key: Self.jsonKey) { return kept }
        return keep(response: ByteBuffer(string: render(disclosure)), id: id, key: Self.jsonKey, disclosure: disclosure)
    }

    /// A whole response body kept for version `id` under `key` (looked up under the lock: the kept pages' fast path
    /// asks on every request, and copying the whole entry out was most of the lookup's cost).
    func response(id: Int64, key: String) -> KeptBody? {
        state.withLock { s in
            guard let index = s.entries.index(forKey: id) else { return nil }
            Self.touch(id, in: &s)
            return Self.response(key, in: &s.entries.values[index])
        }
    }

    /// `entry`'s response under `key`; inout so that the entry is read where it is kept, not copied out of the map.
    private static func response(_ key: String, in entry: inout Entry) -> KeptBody? { entry.responses[key] }

    /// Keeps a whole response body with its entity tag, and returns them; like fragments, a few per
    /// version, older keys of the same kind replaced.
    @discardableResult
    func keep(response buffer: ByteBuffer, id: Int64, key: String, disclosure: Disclosure) -> KeptBody {
        let body = KeptBody(buffer)
        update(id, disclosure) { entry in
            let added = Self.put(body, key: key, in: &entry.responses) { $0.buffer.readableBytes }
            entry.cost += added
        }
        return body
    }

    /// The disclosure's HTML body (tables and narrative), rendered once.
    func body(id: Int64, of disclosure: Disclosure, render: (Disclosure) -> String) -> String {
        if let text = lookup(id)?.body { return text }
        let text = render(disclosure)
        update(id, disclosure) { $0.body = text; $0.cost += text.utf8.count }
        return text
    }

    /// A rendered part of a page kept for version `id` under `key`.
    func fragment(id: Int64, key: String) -> String? { lookup(id)?.fragments[key] }

    /// Keeps a rendered part of a page; a version keeps at most a few (one per language and set of published
    /// years), older keys of the same kind are replaced.
    func keep(fragment: String, id: Int64, key: String, disclosure: Disclosure) {
        update(id, disclosure) { entry in
            let added = Self.put(fragment, key: key, in: &entry.fragments) { $0.utf8.count }
            entry.cost += added
        }
    }

    /// Puts `value` under `key` ("kind|…"); from four values on, the others of the same kind go. Returns the
    /// change in bytes.
    private static func put<Value>(_ value: Value, key: String, in values: inout [String: Value], size: (Value) -> Int) -> Int {
        var added = size(value) - (values[key].map(size) ?? 0)
        if values.count >= 4 {
            let kind = key.prefix { $0 != "|" } + "|"
            for (old, kept) in values where old.hasPrefix(kind) && old != key {
                values[old] = nil
                added -= size(kept)
            }
        }
        values[key] = value
        return added
    }

    /// The record of version `id` if it is kept as published.
    func publishedRecord(id: Int64) -> VersionRecord? { state.withLock { $0.published[id] } }

    /// Keeps a version's record when it is published (a draft can still be published or deleted).
    func keep(record: VersionRecord) {
        guard record.status == .published else { return }
        state.withLock { s in
            if s.published.count >= 100_000 { s.published.removeAll(keepingCapacity: true) }
            s.published[record.id] = record
        }
    }

    var count: Int { state.withLock { $0.entries.count } }

    private func lookup(_ id: Int64) -> Entry? {
        state.withLock { s in
            guard let entry = s.entries[id] else { return nil }
            Self.touch(id, in: &s)
            return entry
        }
    }

    /// Marks entry `id` as the most recently used.
    private static func touch(_ id: Int64, in s: inout State) {
        s.clock &+= 1
        s.order[id] = s.clock
    }

    private func update(_ id: Int64, _ disclosure: Disclosure, _ change: (inout Entry) -> Void) {
        var entry = lookup(id) ?? Entry(disclosure: disclosure, cost: 0)
        change(&entry)
        store(id, entry)
    }

    private func store(_ id: Int64, _ entry: Entry) {
        guard entry.cost <= budget else { return }
        state.withLock { s in
            s.bytes += entry.cost - (s.entries[id]?.cost ?? 0)
            s.entries[id] = entry
            Self.touch(id, in: &s)
            while s.bytes > budget, let oldest = s.order.min(by: { $0.value < $1.value })?.key {
                s.bytes -= s.entries[oldest]?.cost ?? 0
                s.entries[oldest] = nil
                s.order[oldest] = nil
            }
        }
    }
}

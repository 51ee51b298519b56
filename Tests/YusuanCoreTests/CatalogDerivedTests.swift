import Foundation
import Testing
@testable import YusuanCore

/// `Catalog.derived` builds a value once per catalog and value type and shares it with the catalog's copies;
/// `accepts(key:for:)` answers as `accepts(name:for:)` does for the name's key.
@Suite struct CatalogDerivedTests {
    struct Names: Sendable { var names: [String] }
    struct Count: Sendable { var count: Int }

    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.lock(); n += 1; lock.unlock() }
        var count: Int { lock.lock(); defer { lock.unlock() }; return n }
    }

    static func catalog(_ names: [String]) -> Catalog {
        Catalog(scheme: .functional, year: 2022, sources: [],
                entries: names.enumerated().map { CatalogEntry(code: "\(201 + $0.offset)", name: $0.element, aliases: []) })
    }

    @Test func builtOnceAndSharedByCopies() {
        let calls = Calls()
        let a = Self.catalog(["一般公共服务支出", "教育支出"])
        let copy = a
        let first = a.derived(Names.self) { c in calls.add(); return Names(names: c.entries.values.map(\.name).sorted()) }
        let again = copy.derived(Names.self) { _ in calls.add(); return Names(names: []) }
        #expect(first.names == ["一般公共服务支出", "教育支出"])
        #expect(again.names == first.names)
        #expect(calls.count == 1)
        // Another value type is a value of its own.
        #expect(a.derived(Count.self) { Count(count: $0.entries.count) }.count == 2)
    }

    @Test func anotherCatalogOfTheSameSchemeAndYearBuildsItsOwn() {
        let a = Self.catalog(["一般公共服务支出"]), b = Self.catalog(["国防支出", "教育支出"])
        #expect(a.derived(Count.self) { Count(count: $0.entries.count) }.count == 1)
        #expect(b.derived(Count.self) { Count(count: $0.entries.count) }.count == 2)
    }

    @Test func concurrentCallersGetOneValue() async {
        let a = Self.catalog(["一般公共服务支出", "教育支出"])
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { a.derived(Count.self) { Count(count: $0.entries.count) }.count } }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 2, count: 8))
    }

    @Test func acceptsKeyAsName() {
        let c = Catalog(scheme: .functional, year: 2022, sources: [],
                        entries: [CatalogEntry(code: "20101", name: "人大事务", aliases: ["人大事务支出"])])
        for name in ["人大事务", " 人大事务支出 ", "人大", "人大事务（支出）"] {
            #expect(c.accepts(key: TextNormalization.key(name), for: "20101") == c.accepts(name: name, for: "20101"), "\(name)")
        }
        #expect(c.accepts(key: TextNormalization.key("人大事务支出"), for: "20101"))
        #expect(!c.accepts(key: TextNormalization.key("人大事务"), for: "20102"))
    }
}

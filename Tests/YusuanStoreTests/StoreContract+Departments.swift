import Foundation
import Testing
import YusuanStore

extension StoreContract {
    static func migrateIsIdempotentAndStartsEmpty(_ store: any YusuanStore) async throws {
        try await store.migrate()
        try await store.migrate()
        #expect(try await store.departments() == [])
        #expect(try await store.departmentStatuses() == [])
        #expect(try await store.users() == [])
        #expect(try await store.auditLog(limit: 10) == [])
        #expect(try await store.ruleTallies() == [])
        #expect(try await store.version(id: 1) == nil)
        #expect(try await store.department(code: "tongnan-xinfang") == nil)
        // Still usable after the repeated migration.
        let department = try await Fixture.department(store, "tongnan-xinfang")
        #expect(try await store.departments() == [department])
    }

    static func departments(_ store: any YusuanStore) async throws {
        let xinfang = try await store.createDepartment(
            code: "tongnan-xinfang", name: "重庆市潼南区信访办公室", region: "重庆市潼南区", actor: Fixture.officer)
        let caizheng = try await Fixture.department(store, "tongnan-caizheng")
        let anquan = try await Fixture.department(store, "a-anquan")
        #expect(xinfang.code == "tongnan-xinfang" && xinfang.name == "重庆市潼南区信访办公室" && xinfang.region == "重庆市潼南区")
        #expect(Set([xinfang.id, caizheng.id, anquan.id]).count == 3, "each department has its own id")

        #expect(try await store.department(code: "tongnan-xinfang") == xinfang)
        #expect(try await store.department(id: caizheng.id) == caizheng)
        #expect(try await store.department(code: "missing") == nil)
        #expect(try await store.department(id: 987_654) == nil)
        #expect(try await store.departments() == [anquan, caizheng, xinfang], "ordered by code")

        await expectStoreError(.conflict, "a second department with the same code") {
            _ = try await store.createDepartment(code: "tongnan-xinfang", name: "其他", region: "", actor: .system)
        }
        #expect(try await store.departments().count == 3)

        let log = try await store.auditLog(limit: 10)
        #expect(log.count == 3, "one line per department created, none for the refused one")
        #expect(log.first?.action == "department.create" && log.first?.target.contains("a-anquan") == true)
        #expect(log.last?.username == "officer-wang" && log.last?.target.contains("tongnan-xinfang") == true)
    }
}

import Foundation
import Testing
import YusuanStore

extension StoreContract {
    static func users(_ store: any YusuanStore) async throws {
        let department = try await Fixture.department(store, "tongnan-xinfang")
        let admin = Actor(userID: nil, username: "admin")
        let zhang = try await store.createUser(username: "zhang", passwordHash: "$2b$12$hash-zhang", role: .admin,
                                               departmentID: nil, actor: .system)
        let wang = try await store.createUser(username: "wang", passwordHash: "$2b$12$hash-wang", role: .officer,
                                              departmentID: department.id, actor: admin)
        let li = try await store.createUser(username: "li", passwordHash: "$2b$12$hash-li", role: .reviewer,
                                            departmentID: nil, actor: admin)
        #expect(zhang.username == "zhang" && zhang.role == .admin && zhang.departmentID == nil)
        #expect(wang.role == .officer && wang.departmentID == department.id && wang.passwordHash == "$2b$12$hash-wang")
        #expect(abs(li.createdAt.timeIntervalSinceNow) < 60)

        #expect(try await store.user(username: "wang") == wang)
        #expect(try await store.user(id: li.id) == li)
        #expect(try await store.user(username: "nobody") == nil)
        #expect(try await store.user(id: 987_654) == nil)
        #expect(try await store.users() == [li, wang, zhang], "ordered by username")

        await expectStoreError(.conflict, "a second user with the same username") {
            _ = try await store.createUser(username: "wang", passwordHash: "x", role: .reviewer, departmentID: nil,
                                           actor: admin)
        }
        await expectStoreError(.invalid, "an officer without a department") {
            _ = try await store.createUser(username: "zhao", passwordHash: "x", role: .officer, departmentID: nil,
                                           actor: admin)
        }
        await expectStoreError(.notFound, "an officer of a missing department") {
            _ = try await store.createUser(username: "zhao", passwordHash: "x", role: .officer, departmentID: 987_654,
                                           actor: admin)
        }
        #expect(try await store.users().count == 3)
        let log = try await store.auditLog(limit: 10)
        #expect(log.map(\.action) == ["user.create", "user.create", "user.create", "department.create"])
        #expect(log.first?.target.contains("li") == true && log.first?.username == "admin")
        #expect(!log.contains { $0.detail.contains("$2b$") }, "no password hash in the audit log")
    }

    static func sessions(_ store: any YusuanStore) async throws {
        let user = try await store.createUser(username: "zhang", passwordHash: "h", role: .admin, departmentID: nil,
                                              actor: .system)
        let noon = Date(timeIntervalSince1970: 1_900_000_000)
        let live = SessionRecord(tokenHash: "live-hash", userID: user.id, csrfToken: "csrf-1",
                                 expiresAt: noon.addingTimeInterval(3600))
        let stale = SessionRecord(tokenHash: "stale-hash", userID: user.id, csrfToken: "csrf-2",
                                  expiresAt: noon.addingTimeInterval(-1))
        let other = SessionRecord(tokenHash: "other-hash", userID: user.id, csrfToken: "csrf-3",
                                  expiresAt: noon.addingTimeInterval(60))
        try await store.createSession(live)
        try await store.createSession(stale)
        try await store.createSession(other)

        #expect(try await store.session(tokenHash: "live-hash", now: noon) == live, "found before it expires")
        #expect(try await store.session(tokenHash: "live-hash", now: noon.addingTimeInterval(3599)) == live)
        #expect(try await store.session(tokenHash: "live-hash", now: noon.addingTimeInterval(3600)) == nil,
                "not found once expired")
        #expect(try await store.session(tokenHash: "stale-hash", now: noon) == nil)
        #expect(try await store.session(tokenHash: "missing", now: noon) == nil)

        await expectStoreError(.conflict, "a second session with the same token hash") {
            try await store.createSession(live)
        }
        await expectStoreError(.notFound, "a session of a missing user") {
            try await store.createSession(SessionRecord(tokenHash: "orphan", userID: 987_654, csrfToken: "c",
                                                        expiresAt: noon))
        }

        try await store.deleteSession(tokenHash: "other-hash")
        #expect(try await store.session(tokenHash: "other-hash", now: noon) == nil, "deleted")
        try await store.deleteSession(tokenHash: "missing")

        #expect(try await store.deleteExpiredSessions(now: noon) == 1, "only the stale one")
        #expect(try await store.session(tokenHash: "live-hash", now: noon) == live, "the live one stays")
        #expect(try await store.deleteExpiredSessions(now: noon) == 0)
        #expect(try await store.deleteExpiredSessions(now: noon.addingTimeInterval(7200)) == 1)
        #expect(try await store.session(tokenHash: "live-hash", now: noon) == nil)
    }

    static func auditLog(_ store: any YusuanStore) async throws {
        let li = Actor(userID: 7, username: "li")
        try await store.log(action: "login", target: "user li", detail: "from 127.0.0.1", actor: li)
        try await store.log(action: "login.refused", target: "user wang", detail: "wrong password",
                            actor: Actor(userID: nil, username: "wang"))
        try await store.log(action: "logout", target: "user li", detail: "", actor: li)
        let all = try await store.auditLog(limit: 10)
        #expect(all.map(\.action) == ["logout", "login.refused", "login"], "newest first")
        #expect(all.map(\.username) == ["li", "wang", "li"])
        #expect(all.last?.target == "user li" && all.last?.detail == "from 127.0.0.1")
        #expect(all.allSatisfy { abs($0.at.timeIntervalSinceNow) < 60 })
        #expect(Set(all.map(\.id)).count == 3)
        #expect(try await store.auditLog(limit: 2).map(\.action) == ["logout", "login.refused"], "limited")
        #expect(try await store.auditLog(limit: 0) == [])
    }
}

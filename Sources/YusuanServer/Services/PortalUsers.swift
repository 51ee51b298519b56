import Foundation
import YusuanStore

/// `yusuan user add`: creates a user in the store (migrating it first), by the actor "system".
public enum PortalUsers {
    public enum Problem: Error, CustomStringConvertible {
        case invalid(String)
        public var description: String {
            switch self { case .invalid(let s): s }
        }
    }

    public static func add(store: any YusuanStore, username: String, password: String, role: UserRole,
                           departmentCode: String?, bcryptCost: UInt8 = 12) async throws -> UserRecord {
        try await store.migrate()
        guard UserNames.isValid(username) else {
            throw Problem.invalid("the username must be 2–64 ASCII letters, digits, “.”, “_” or “-”")
        }
        if let problem = Passwords.problem(password) { throw Problem.invalid(problem) }
        var departmentID: Int64?
        if role == .officer {
            guard let code = departmentCode else { throw Problem.invalid("an officer needs --department CODE") }
            guard let d = try await store.department(code: code) else {
                let known = try await store.departments().map(\.code).joined(separator: ", ")
                throw Problem.invalid("no department “\(code)”; known: \(known.isEmpty ? "none (start `yusuan serve` once to load the examples, or create departments as admin)" : known)")
            }
            departmentID = d.id
        } else if departmentCode != nil {
            throw Problem.invalid("--department applies to officers only")
        }
        let hash = Passwords(cost: bcryptCost).hash(password)
        do {
            return try await store.createUser(username: username, passwordHash: hash, role: role, departmentID: departmentID, actor: .system)
        } catch StoreError.conflict {
            throw Problem.invalid("the user “\(username)” exists")
        }
    }
}

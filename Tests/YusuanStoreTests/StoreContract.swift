import Testing
import YusuanStore

/// The storage contract as a list of checks over `any YusuanStore`. Each check gets a freshly
/// migrated, empty store of its own; `StoreContractTests` runs every check against every backend.
enum ContractCheck: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case migrateIsIdempotentAndStartsEmpty
    case departments
    case versionNumbering
    case draftContent
    case largeDraft
    case publishAndImmutability
    case deleteDraft
    case failedSaveLeavesNothing
    case statusesAndTallies
    case users
    case sessions
    case auditLog
    case concurrentDrafts
    case textRoundTrip

    var testDescription: String { rawValue }

    func run(_ store: any YusuanStore) async throws {
        switch self {
        case .migrateIsIdempotentAndStartsEmpty: try await StoreContract.migrateIsIdempotentAndStartsEmpty(store)
        case .departments: try await StoreContract.departments(store)
        case .versionNumbering: try await StoreContract.versionNumbering(store)
        case .draftContent: try await StoreContract.draftContent(store)
        case .largeDraft: try await StoreContract.largeDraft(store)
        case .publishAndImmutability: try await StoreContract.publishAndImmutability(store)
        case .deleteDraft: try await StoreContract.deleteDraft(store)
        case .failedSaveLeavesNothing: try await StoreContract.failedSaveLeavesNothing(store)
        case .statusesAndTallies: try await StoreContract.statusesAndTallies(store)
        case .users: try await StoreContract.users(store)
        case .sessions: try await StoreContract.sessions(store)
        case .auditLog: try await StoreContract.auditLog(store)
        case .concurrentDrafts: try await StoreContract.concurrentDrafts(store)
        case .textRoundTrip: try await StoreContract.textRoundTrip(store)
        }
    }
}

/// The checks themselves, one file per area (`StoreContract+*.swift`).
enum StoreContract {}

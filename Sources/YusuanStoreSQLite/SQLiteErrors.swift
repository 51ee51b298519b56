import GRDB
import YusuanStore

/// Turns GRDB's errors into the contract's `StoreError`, saying what was being done.
enum SQLiteErrors {
    static func storeError(_ error: any Error, while what: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        guard let dbError = error as? DatabaseError else {
            return .backend("\(what): \(error)")
        }
        let message = dbError.message ?? "\(dbError)"
        switch dbError.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
            return .conflict("\(what): \(message)")
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            return .notFound("\(what): a referenced row does not exist (\(message))")
        case .SQLITE_CONSTRAINT_TRIGGER where message.hasPrefix("immutable"):
            return .immutable("\(what): \(message)")
        case .SQLITE_CONSTRAINT_CHECK, .SQLITE_CONSTRAINT_NOTNULL, .SQLITE_CONSTRAINT_DATATYPE:
            return .invalid("\(what): \(message)")
        default:
            return .backend("\(what): \(message) (SQLite code \(dbError.extendedResultCode.rawValue))")
        }
    }
}

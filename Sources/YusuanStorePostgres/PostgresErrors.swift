import PostgresNIO
import YusuanStore

/// Turns postgres-nio's errors into the contract's `StoreError`, saying what was being done.
enum PostgresErrors {
    /// The SQLSTATE the schema's triggers raise for a write to a published version.
    static let immutableState = "YU001"

    static func storeError(_ error: any Error, while what: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        if let transactionError = error as? PostgresTransactionError {
            if let inner = transactionError.closureError ?? transactionError.beginError ?? transactionError.commitError {
                return storeError(inner, while: what)
            }
            return .backend("\(what): the transaction failed")
        }
        if let decodingError = error as? PostgresDecodingError {
            return .backend("\(what): column \(decodingError.columnName) could not be read as \(decodingError.targetType)")
        }
        guard let psqlError = error as? PSQLError else {
            return .backend("\(what): \(error)")
        }
        guard psqlError.code == .server, let info = psqlError.serverInfo else {
            let underlying = psqlError.underlying.map { ": \($0)" } ?? ""
            return .backend("\(what): PostgreSQL connection failed (\(psqlError.code))\(underlying)")
        }
        let state = info[.sqlState] ?? "?????"
        var message = info[.message] ?? "(no message)"
        if let detail = info[.detail] { message += " (\(detail))" }
        switch state {
        case "23505": return .conflict("\(what): \(message)")
        case "23503": return .notFound("\(what): a referenced row does not exist: \(message)")
        case immutableState: return .immutable("\(what): \(message)")
        case "23514", "23502", "22001", "22003", "22P02", "22021":
            return .invalid("\(what): \(message)")
        default:
            return .backend("\(what): \(message) (SQLSTATE \(state))")
        }
    }
}

import Testing
import YusuanStore

/// Every contract check against SQLite (a temporary file, and in memory) and PostgreSQL.
@Suite("Store contract")
struct StoreContractTests {
    @Test("SQLite file", arguments: ContractCheck.allCases)
    func sqliteFile(_ check: ContractCheck) async throws {
        try await StoreBackend.sqliteFile.withStore { try await check.run($0) }
    }

    @Test("SQLite in memory", arguments: ContractCheck.allCases)
    func sqliteInMemory(_ check: ContractCheck) async throws {
        try await StoreBackend.sqliteInMemory.withStore { try await check.run($0) }
    }

    @Test("PostgreSQL", .enabled(if: PostgresTestDatabase.url != nil, PostgresTestDatabase.skipReason),
          arguments: ContractCheck.allCases)
    func postgres(_ check: ContractCheck) async throws {
        try await StoreBackend.postgres.withStore { try await check.run($0) }
    }
}

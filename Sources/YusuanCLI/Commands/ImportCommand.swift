import ArgumentParser
import Foundation
import YusuanServer
import YusuanStore

/// `yusuan import CSV --year Y [--database PATH | --postgres URL]`: loads a year's line items (all departments
/// of a finance bureau) into the store in one transaction, and prints how many rows and how long it took.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a year's line items from a CSV into the store (导入项目明细).",
        discussion: """
            The CSV (UTF-8) has a header naming 部门编码, 单位编码, 功能科目, 经济科目, 性质, 项目编码, 资金来源 and \
            金额（元） (other columns are ignored). Every row is checked; a bad one stops the import with its line \
            and column and nothing is written. The store is a SQLite file (created and migrated when absent; \
            default ./yusuan.db) or PostgreSQL (--postgres URL).
            """)

    @Argument(help: "The line-item CSV.") var csv: String
    @Option(help: "The budget year of the line items.") var year: Int
    @Option(help: "SQLite file path (or a postgres:// URL).") var database = StoreOpener.defaultPath
    @Option(help: "PostgreSQL URL (postgres://user:password@host:port/database); overrides --database.") var postgres: String?

    func validate() throws {
        guard (1000...9999).contains(year) else { throw ValidationError("--year must have 4 digits (年度须为4位数字)") }
        if let postgres {
            let lower = postgres.lowercased()
            guard lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") else {
                throw ValidationError("--postgres takes a postgres:// URL")
            }
        }
    }

    func run() async throws {
        let started = ContinuousClock.now
        let reader: LineItemCSVReader
        do {
            reader = try LineItemCSVReader(path: csv)
        } catch {
            throw Self.failure(error)
        }
        let store = try await StoreOpener.open(postgres ?? database)
        let batch: LineItemBatch
        do {
            try await store.migrate()
            batch = try await store.importLineItems(reader, year: year, fileName: reader.name, actor: .system)
            try await store.close()
        } catch {
            try? await store.close()
            throw Self.failure(error)
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Int(Double(batch.rowCount) / seconds) : 0
        print("导入 \(batch.rowCount) 行（\(batch.year)年，批次 \(batch.id)），用时 \(String(format: "%.2f", seconds)) 秒 / "
              + "imported \(batch.rowCount) rows (batch \(batch.id), year \(batch.year)) in \(String(format: "%.2f", seconds)) s, "
              + "\(rate) rows/s")
    }

    /// Prints a refused import's reason and exits 65 (bad input) or 1 (the database failed).
    static func failure(_ error: any Error) -> any Error {
        let message = "yusuan import: \(error)\n未写入任何数据 / nothing was written\n"
        FileHandle.standardError.write(Data(message.utf8))
        if let storeError = error as? StoreError, case .invalid = storeError { return ExitCode(65) }
        return ExitCode(1)
    }
}

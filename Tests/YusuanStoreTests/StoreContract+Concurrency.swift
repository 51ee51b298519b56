import Foundation
import Testing
import YusuanStore
import struct YusuanCore.PrintedFigure

extension StoreContract {
    /// Twenty uploads of the same (department, year, phase) at once all succeed, numbered 1…20.
    static func concurrentDrafts(_ store: any YusuanStore) async throws {
        let department = try await Fixture.department(store, "a")
        let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<20 {
                group.addTask {
                    let figures = [PrintedFigure(table: "t", row: "r", column: "c", fen: Int64(i))]
                    return try await store.saveDraft(Fixture.version(department.id, figures: figures),
                                                     actor: Fixture.officer).number
                }
            }
            var numbers: [Int] = []
            for try await number in group { numbers.append(number) }
            return numbers
        }
        #expect(numbers.sorted() == Array(1...20))
        let versions = try await store.versions(departmentID: department.id)
        #expect(versions.map(\.number) == Array((1...20).reversed()))
        #expect(try await store.auditLog(limit: 100).filter { $0.action == "version.upload" }.count == 20)
    }
}

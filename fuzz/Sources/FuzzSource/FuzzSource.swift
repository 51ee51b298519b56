import Foundation
@testable import YusuanIngest
@testable import YusuanSource

/// Budget sources: the same bytes as a YAML source (decoded and validated) and as a CSV file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSource(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let text = try? TextDecoding.decode(data, file: "budget.yaml") else { return 0 }
    let reading = BudgetSource.decodeYAML(text)
    if let budget = reading.budget { _ = BudgetValidator.validate(budget, map: reading.map) }
    if let records = try? CSV.parse(text) { _ = records.count }
    return 0
}

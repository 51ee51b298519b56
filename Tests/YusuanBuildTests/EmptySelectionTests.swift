import Testing
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// Tables skip the figures of filters narrower than one that selects nothing (a fund or a 类 the department does
/// not have), printing `Books.zero` instead: held to asking for each figure, which must print the same and note
/// no set for rounding.
@Suite struct EmptySelectionTests {
    @Test(arguments: [UInt64(3), 11])
    func narrowerFiguresOfAnEmptySelectionAreZeroAndNoteNothing(seed: UInt64) {
        let budget = BudgetGenerator.make(seed: seed, units: 2, items: 200, projects: 4)
        let ledger = Ledger(budget.lineItems)
        let recorder = Recorder()
        let books = Books(ledger: ledger, recorder: recorder)
        let all = LeafIndexTests.filters(ledger, projects: budget.projects.map(\.code))
        let empty = all.filter { books.selectsNothing($0) }
        #expect(!empty.isEmpty)
        for filter in empty {
            for narrower in all.prefix(40) {
                #expect(books.figure(filter.and(narrower)) == books.zero, "\(filter) \(narrower)")
            }
        }
        let noted = recorder.sets.values.reduce(0) { $0 + $1.count }
        #expect(noted == 0)
        // A filter that selects something is not empty.
        #expect(!books.selectsNothing(.all))
    }
}

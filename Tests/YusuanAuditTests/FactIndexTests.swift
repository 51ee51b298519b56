import Testing
@testable import YusuanAudit
import YusuanCore
import YusuanIngest
import YusuanTestSupport

/// The fact index keys quantities by interned numbers: its answers must be the ones that comparing
/// whole quantities gives.
@Suite struct FactIndexTests {
    /// A department funded only by the general public budget (so its scopes coincide), 201 printed
    /// in the 收支总表 (部门 scope) and in the 一般公共预算 table.
    let document = """
        某局2022年部门预算情况说明
        附件 1
        某局2022年部门收支总表
        单位：万元
        收入\t\t支出\t
        项目\t预算数\t项目\t预算数
        一般公共预算拨款收入\t12.00\t一、一般公共服务支出\t10.00
        \t\t二、住房保障支出\t2.00
        本年收入合计\t12.00\t本年支出合计\t12.00
        附件 2
        某局2022年一般公共预算财政拨款支出预算表
        单位：万元
        科目编码\t科目名称\t总计\t基本支出\t项目支出
        \t合计\t12.00\t7.00\t5.00
        201\t一般公共服务支出\t10.00\t5.00\t5.00
        221\t住房保障支出\t2.00\t2.00\t
        22102\t住房改革支出\t2.00\t2.00\t
        2210201\t住房公积金\t2.00\t2.00\t

        """

    func index(_ text: String) throws -> FactIndex {
        FactIndex(disclosure: try Recogniser.recognise(TextReader.read(text, source: "test.txt")))
    }

    /// Where a fact was printed and what it says, to compare facts.
    func printing(_ f: Fact) -> String { "\(f.quantity) \(f.figure) \(f.location)" }

    /// Every fact's quantity finds exactly the facts with an equal quantity, in order; groups hold every
    /// fact once, each group's quantities equal (scopes merged where they coincide), in order of first printing.
    func checkAgainstWholeQuantities(_ facts: FactIndex) {
        let all = facts.all
        let printed = all.map(printing)
        var checked = Set<Quantity>()
        for f in all where checked.insert(f.quantity).inserted {
            let q = f.quantity
            let expected = all.indices.filter { all[$0].quantity == q }.map { printed[$0] }
            #expect(facts.facts(q).map(printing) == expected)
            let sameSubject = all.indices.filter {
                all[$0].quantity.subject == q.subject && all[$0].quantity.measure == q.measure && all[$0].quantity.year == q.year
            }
            #expect(facts.facts(q.subject, q.measure, year: q.year).map(printing) == sameSubject.map { printed[$0] })
            let inScope = sameSubject.filter { facts.sameScope(all[$0].quantity.scope, q.scope) }
            #expect(facts.facts(q.subject, q.measure, year: q.year, scope: q.scope).map(printing) == inScope.map { printed[$0] })
        }
        func merged(_ q: Quantity) -> Quantity {
            var m = q
            if facts.scopesCoincide && facts.sameScope(m.scope, .all) { m.scope = .all }
            return m
        }
        var byMerged: [Quantity: [String]] = [:]
        for (i, f) in all.enumerated() { byMerged[merged(f.quantity), default: []].append(printed[i]) }
        #expect(facts.groups.count == byMerged.count)
        for group in facts.groups {
            guard let first = group.first else { Issue.record("an empty group"); continue }
            #expect(group.map(printing) == byMerged[merged(first.quantity)])
        }
        let position = Dictionary(printed.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let firsts = facts.groups.compactMap { $0.first.flatMap { position[printing($0)] } }
        #expect(firsts.count == facts.groups.count && firsts == firsts.sorted())
    }

    @Test func lookupsMatchWholeQuantities() throws {
        let facts = try index(document)
        #expect(facts.scopesCoincide)
        let f201 = facts.facts(.functional("201"), .total, year: 2022)
        #expect(Set(f201.map(\.quantity.scope)) == [.all, .general])
        #expect(facts.facts(.functional("201"), .total, year: 2022, scope: .fiscal).count == f201.count)
        #expect(facts.groups.contains { g in g.contains { $0.quantity.subject == .functional("201") } && g.count == f201.count })
        checkAgainstWholeQuantities(facts)
    }

    @Test func quantitiesNotPrintedFindNothing() throws {
        let facts = try index(document)
        #expect(facts.facts(Quantity(.functional("205"), .total, scope: .general, year: 2022)).isEmpty)
        #expect(facts.facts(Quantity(.functional("201"), .total, scope: .govFund, year: 2022)).isEmpty)
        #expect(facts.facts(Quantity(.functional("201"), .total, scope: .general, year: 2021)).isEmpty)
        #expect(facts.facts(.functional("201"), .personnel, year: 2022).isEmpty)
        #expect(facts.facts(.project("不存在的项目"), .total, year: 2022).isEmpty)
    }

    @Test func theSeedMatchesWholeQuantities() throws {
        checkAgainstWholeQuantities(try index(Fixtures.text("Examples/tongnan-xinfang-2022-budget.txt")))
    }
}

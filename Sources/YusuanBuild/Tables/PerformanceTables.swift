import YusuanCore

/// 部门整体绩效目标表 and one 项目绩效目标表 per project: fields, then the indicator grid. Each form's amount is noted
/// when it is made (`c`'s books) and written into its fields from the rounded books.
enum PerformanceTables {
    static func overall(_ c: BuildContext, title: String, attachment: String?) -> (RoundedBooks) -> DisclosureTable {
        let pending = c.books.pending(.all)
        return { rounded in overall(c, rounded.figure(pending), title: title, attachment: attachment) }
    }

    private static func overall(_ c: BuildContext, _ total: Fixed, title: String, attachment: String?) -> DisclosureTable {
        var t = DisclosureTable(kind: .overallPerformance, title: c.title(title), attachment: attachment, unit: .wanYuan,
                                unitDeclared: true, columns: [], rows: [], location: SourceLocation())
        t.fields = [field("部门（单位）名称", c.department), field("支出预算总量", c.format.text(total)),
                    field("其中：部门预算支出", c.format.text(total)),
                    field("当年整体绩效目标", c.budget.overallGoals.enumerated().map { "\($0.offset + 1).\($0.element)" }.joined(separator: "；"))]
        let headers = ["绩效指标", "指标名称", "指标权重", "计量单位", "指标性质", "指标值"]
        t.columns = headers.enumerated().map { i, h in
            Column(index: i, headerPath: [h], role: h == "指标名称" ? .name : (h == "指标权重" ? .percent : .text))
        }
        t.rows = c.budget.overallIndicators.map { ind in
            row(["", ind.name, ind.weight.description + "%", ind.unit, ind.op, ind.value.description], name: ind.name)
        }
        return t
    }

    static func project(_ c: BuildContext, _ p: Project, title: String, attachment: String?) -> (RoundedBooks) -> DisclosureTable {
        let pending = c.books.pending(.projects([p.code]))
        return { rounded in project(c, p, rounded.figure(pending), title: title, attachment: attachment) }
    }

    private static func project(_ c: BuildContext, _ p: Project, _ amount: Fixed, title: String, attachment: String?) -> DisclosureTable {
        var t = DisclosureTable(kind: .projectPerformance, title: c.title(title), attachment: attachment, unit: .wanYuan,
                                unitDeclared: true, columns: [], rows: [], location: SourceLocation())
        let unitName = c.budget.units.first { $0.code == p.unit }?.name ?? c.department
        t.fields = [field("项目名称", "\(p.code)-\(p.name)"), field("主管部门", c.department), field("实施单位", unitName),
                    field("资金总额（\(c.scale.unit.rawValue)）", c.format.text(amount)), field("项目属性", p.attribute),
                    field("项目起始时间", p.start), field("项目终止时间", p.end), field("项目概况", p.overview),
                    field("立项依据", p.basis), field("项目当年绩效目标", p.goal)]
        let headers = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "指标性质", "度量单位", "权重"]
        t.columns = headers.enumerated().map { i, h in
            Column(index: i, headerPath: [h], role: h == "三级指标" ? .name : (h == "权重" ? .percent : .text))
        }
        t.rows = p.indicators.map { ind in
            row(["", ind.level1, ind.level2, ind.name, ind.value.description, ind.op, ind.unit, ind.weight.description], name: ind.name)
        }
        return t
    }

    static func field(_ label: String, _ value: String) -> FormField {
        FormField(label: label, value: value, location: SourceLocation())
    }

    static func row(_ texts: [String], name: String) -> Row {
        Row(code: nil, codePrinted: false, name: name, kind: .item, outline: nil,
            cells: texts.map { Cell(text: $0, location: SourceLocation()) }, location: SourceLocation())
    }
}

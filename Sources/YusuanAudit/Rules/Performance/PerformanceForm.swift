import YusuanCore

/// One indicator line of a performance form, read by what its columns mean, not where they stand.
struct PerformanceIndicator {
    /// 一级指标 (产出指标, 效益指标 …), carried down from the line above when the cell is merged.
    var level1: String
    /// 二级指标 (数量指标, 成本指标 …), carried down likewise.
    var level2: String
    /// The indicator name without a "指标1：" or "1." prefix.
    var name: String
    var valueText: String
    /// The figure of the value ("≥95%" → 95), when it has one.
    var value: Fixed?
    /// "=", "≥", "≤", ">", "<" from the 指标性质 column or the value text; nil when none.
    var op: String?
    /// The unit as printed ("万元/年", "件", "%"), from its column or the value text.
    let unit: String
    /// The money unit of the indicator, if its unit is money: `IndicatorMoney(unit)`, made once (the rules ask for it
    /// about five times an indicator, and reading a unit that holds 元 costs about 2,000 instructions).
    let money: IndicatorMoney?
    var weight: Fixed?
    var weightText: String
    var row: Row

    init(level1: String, level2: String, name: String, valueText: String, value: Fixed?, op: String?, unit: String,
         weight: Fixed?, weightText: String, row: Row) {
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.valueText = valueText
        self.value = value
        self.op = op
        self.unit = unit
        money = IndicatorMoney(unit)
        self.weight = weight
        self.weightText = weightText
        self.row = row
    }

    /// A 成本指标 (in 二级 or 一级 指标).
    var isCost: Bool { level2.contains("成本") || level1.contains("成本") }
    /// A cost that is money: not a 社会成本 / 生态环境成本 indicator.
    var isEconomicCost: Bool {
        isCost && !["社会", "生态", "环境"].contains { level2.contains($0) }
    }
    /// A 数量指标.
    var isQuantity: Bool { level2.contains("数量") }
    /// Name key for matching indicators across forms.
    var key: String { TextNormalization.key(name) }
}

/// Which column of an indicator grid holds what; any may be missing.
struct IndicatorColumns {
    var level1, level2, name, value, op, unit, weight: Column?

    init(_ table: DisclosureTable) {
        var used = Set<Int>()
        // Each header keyed once, not once for each of the seven picks that pass over it.
        let keys = table.columns.map { TextNormalization.key($0.header) }
        func pick(_ test: (String) -> Bool) -> Column? {
            let c = zip(table.columns, keys).first { !used.contains($0.0.index) && test($0.1) }?.0
            if let c { used.insert(c.index) }
            return c
        }
        weight = pick { $0.contains("权重") || $0.contains("分值") }
        level1 = pick { $0.contains("一级指标") }
        level2 = pick { $0.contains("二级指标") }
        name = pick { $0.contains("三级指标") || $0.contains("指标名称") || $0.contains("指标内容") }
            ?? table.columns.first { $0.role == .name && !used.contains($0.index) }
        if let n = name { used.insert(n.index) }
        value = pick { $0.contains("指标值") || $0.contains("目标值") || $0.contains("标准值") }
        op = pick { $0.contains("指标性质") || $0.contains("符号") || $0.contains("运算") }
        unit = pick { $0.contains("度量单位") || $0.contains("计量单位") || $0 == "单位" }
    }
}

/// A performance form (项目绩效目标表 or 部门整体绩效目标表) read into code, name, amount and indicators.
struct PerformanceForm {
    let table: DisclosureTable
    /// `TextNormalization.key` of each of the table's field labels, made once: `field` is asked a dozen times a form.
    let fieldKeys: [String]
    /// The project code printed before the name ("50015222T000000113935-…") or in a 项目编码 field.
    var code: String?
    var codeField: FormField?
    var name: String?
    var nameField: FormField?
    /// 资金总额 / 年度资金总额 / 预算金额 / 支出预算总量, in the unit its label or cell names, else the table's.
    var amount: Figure?
    var amountField: FormField?
    var columns: IndicatorColumns
    var indicators: [PerformanceIndicator]

    var isOverall: Bool { table.kind == .overallPerformance }

    /// The amount's label without its unit: "资金总额（万元）" → "资金总额".
    var amountLabel: String {
        let l = amountField?.label ?? "资金总额"
        return String(l.prefix { $0 != "（" && $0 != "(" }).trimmed
    }

    init(_ table: DisclosureTable) {
        self.table = table
        fieldKeys = table.fields.map { TextNormalization.key($0.label) }
        columns = IndicatorColumns(table)
        indicators = PerformanceForm.indicators(table, columns)
        if let f = field(["项目名称"]) {
            let split = ProjectCode.split(f.value)
            name = split.name.isEmpty ? nil : split.name
            nameField = f
            if let c = split.code { code = c; codeField = f }
        }
        if code == nil, let f = field(["项目编码", "项目代码", "项目编号"]), let c = ProjectCode.split(f.value).code {
            code = c
            codeField = f
        }
        for label in ["年度资金总额", "资金总额", "项目资金", "预算金额", "支出预算总量", "项目金额", "申报金额"] {
            guard let f = field([label]), let n = NumberParser.parse(f.value), !n.isPercent else { continue }
            amount = Figure(n.value, unit: n.unit ?? MoneyUnit.find(in: f.label) ?? table.unit)
            amountField = f
            break
        }
    }

    /// The first field whose label contains one of `labels` (not a "其中" line).
    func field(_ labels: [String]) -> FormField? {
        let keys = labels.map(TextNormalization.key)
        // The labels first: most fields hold none, and are passed over without the "其中" test. By position, and
        // `fieldKeys` (one key a field) read in place: `zip` handed over a copy of each field and key.
        for i in table.fields.indices where keys.contains(where: { fieldKeys[i].contains($0) }) && !fieldKeys[i].hasTextPrefix("其中") {
            return table.fields[i]
        }
        return nil
    }

    /// Every project form of the document, in order.
    static func projects(_ ctx: AuditContext) -> [PerformanceForm] { ctx.projectForms }

    static func overall(_ ctx: AuditContext) -> [PerformanceForm] { ctx.overallForms }

    /// The forms of `disclosure`'s 整体绩效目标表 tables, in document order: read once an audit, for the rules and
    /// the fact index (`AuditContext.overallForms`).
    static func overall(in disclosure: Disclosure) -> [PerformanceForm] {
        disclosure.tables(.overallPerformance).map(PerformanceForm.init)
    }

    /// "附件12-2" or the table's title: how messages name the form.
    var shortName: String { table.attachment.map { "附件\($0)" } ?? table.title }
    var shortNameEnglish: String { table.attachment.map { "attachment \($0)" } ?? table.title }

    /// Location of a field of the form.
    func location(_ field: FormField?) -> FindingLocation {
        FindingLocation(table: table.displayName, attachment: table.attachment, row: field?.label,
                        column: nil, source: field?.location ?? table.location)
    }

    static func indicators(_ table: DisclosureTable, _ cols: IndicatorColumns) -> [PerformanceIndicator] {
        func text(_ row: Row, _ c: Column?) -> String {
            c.flatMap { row.cell($0.index)?.text.trimmed } ?? ""
        }
        var out: [PerformanceIndicator] = []
        var last1 = "", last2 = ""
        for row in table.rows {
            let rawName = cols.name.map { text(row, $0) } ?? row.name
            let name = IndicatorText.bareName(rawName.isEmpty ? row.name : rawName)
            let valueText = text(row, cols.value)
            let weightText = text(row, cols.weight)
            if name.isEmpty && valueText.isEmpty { continue }
            if RowLabels.totalKind(name) != nil { continue }
            var l1 = text(row, cols.level1), l2 = text(row, cols.level2)
            if l1.isEmpty { l1 = last1 }
            if l2.isEmpty && l1 == last1 { l2 = last2 }
            last1 = l1
            last2 = l2
            let parsed = IndicatorText.parseValue(valueText)
            let opText = IndicatorText.operatorSymbol(text(row, cols.op))
            let unitText = text(row, cols.unit)
            out.append(PerformanceIndicator(
                level1: l1, level2: l2, name: name, valueText: valueText, value: parsed.value,
                op: opText ?? parsed.op, unit: unitText.isEmpty ? parsed.unit : unitText,
                weight: NumberParser.parse(weightText)?.value, weightText: weightText, row: row))
        }
        return out
    }
}

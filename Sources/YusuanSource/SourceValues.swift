import YusuanCore

/// Why a cell or scalar could not be read as the value its field needs.
struct ValueProblem: Error {
    var kind: SourceProblem.Kind
    var message: String
    init(_ kind: SourceProblem.Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    init(_ message: String) { self.init(.badValue, message) }
}

/// Reads and writes the values of a budget source as text, the same way in every encoding.
/// Amounts are decimal 元 read exactly (never through a binary float).
enum SourceValues {
    /// "1234.56", "1,234.56", "1234.5", "-" (zero). More than 2 decimals that are not zeros are
    /// over-precise; a percent or a unit other than 元 is refused.
    static func amount(_ raw: String) -> Result<Amount, ValueProblem> {
        let text = raw.trimmed
        guard !text.isEmpty else { return .failure(ValueProblem(.missingField, "amount is empty")) }
        guard let n = NumberParser.parse(text) else { return .failure(ValueProblem("“\(text)” is not an amount in 元")) }
        if n.isPercent { return .failure(ValueProblem("“\(text)” is a percentage, not an amount in 元")) }
        if let u = n.unit, u != .yuan {
            return .failure(ValueProblem("“\(text)” is in \(u.rawValue); write amounts in 元"))
        }
        if n.value.scale > 2 && n.value.rescaled(to: 2) == nil && n.value.rounded(to: 2) != n.value {
            return .failure(ValueProblem(.overPrecise, "amount “\(text)” has more than 2 decimals of 元 (finer than 分)"))
        }
        guard let a = Amount(n.value, unit: .yuan) else {
            return .failure(ValueProblem("amount “\(text)” is too large"))
        }
        return .success(a)
    }

    /// "1234.50": two decimals of 元.
    static func format(_ a: Amount) -> String { a.value(in: .yuan).formatted(digits: 2) }

    /// A whole number (year, headcount, vehicles).
    static func integer(_ raw: String) -> Result<Int, ValueProblem> {
        let text = TextNormalization.halfWidth(raw).trimmed
        guard !text.isEmpty else { return .failure(ValueProblem(.missingField, "number is empty")) }
        if let n = Int(text) { return .success(n) }
        if let p = NumberParser.parse(text), !p.isPercent, p.unit == nil, let whole = p.value.rescaled(to: 0) {
            return .success(Int(whole.mantissa))
        }
        return .failure(ValueProblem("“\(text)” is not a whole number"))
    }

    /// An exact decimal (indicator values and weights); "95%" reads as 95 and says it was a percentage.
    static func decimal(_ raw: String) -> Result<(Fixed, percent: Bool), ValueProblem> {
        let text = raw.trimmed
        guard !text.isEmpty else { return .failure(ValueProblem(.missingField, "number is empty")) }
        guard let n = NumberParser.parse(text), n.unit == nil, !n.isDash else {
            return .failure(ValueProblem("“\(text)” is not a number (the Budget model holds numeric indicator values only)"))
        }
        return .success((n.value, n.isPercent))
    }

    /// A classification, unit or project code: half-width, trimmed; "2010101 行政运行" keeps the code.
    static func code(_ raw: String) -> String {
        let text = TextNormalization.halfWidth(raw).trimmed
        if let space = text.firstIndex(where: \.isWhitespace) {
            let head = text[..<space]
            if !head.isEmpty && head.allSatisfy({ $0.isASCII && $0.isNumber }) { return String(head) }
        }
        return text
    }

    /// Matches a Chinese enumeration value: its exact raw value, the same label key, or the only
    /// value that starts with what was written (at least two characters: "行政" → 行政, "一般公共预算" → 一般公共预算拨款).
    static func choice<T: RawRepresentable & CaseIterable>(_ raw: String, _ type: T.Type, what: String,
                                                           aliases: [String: T] = [:]) -> Result<T, ValueProblem>
        where T.RawValue == String {
        let text = raw.trimmed
        let options = T.allCases.map(\.rawValue).joined(separator: "、")
        guard !text.isEmpty else { return .failure(ValueProblem(.missingField, "\(what) is empty; one of \(options)")) }
        if let v = T(rawValue: text) { return .success(v) }
        let key = TextNormalization.key(text)
        if let v = aliases[key] { return .success(v) }
        if let v = T.allCases.first(where: { TextNormalization.key($0.rawValue) == key }) { return .success(v) }
        let hits = T.allCases.filter { key.count >= 2 && TextNormalization.key($0.rawValue).hasPrefix(key) }
        if hits.count == 1, let v = hits.first { return .success(v) }
        return .failure(ValueProblem("unknown \(what) “\(text)”; one of \(options)"))
    }
}

/// The Chinese words of `SpendingNature`, ChangeReason subjects and PriorYear rows.
enum SourceWords {
    static let personnel = "人员经费", publicCost = "日常公用经费", project = "项目"

    static func nature(_ raw: String, project code: String) -> Result<SpendingNature, ValueProblem> {
        let key = TextNormalization.key(raw)
        let basic: SpendingNature?
        switch key {
        case "人员经费", "人员", "personnel": basic = .personnel
        case "日常公用经费", "公用经费", "日常公用", "public-cost": basic = .publicCost
        default: basic = nil
        }
        if let basic {
            guard code.isEmpty else {
                return .failure(ValueProblem("a \(raw.trimmed) line item has project code “\(code)”; project spending is 性质 项目"))
            }
            return .success(basic)
        }
        switch key {
        case "项目", "项目支出", "project":
            guard !code.isEmpty else { return .failure(ValueProblem(.missingField, "a project line item needs its project code")) }
            return .success(.project(code))
        case "":
            if !code.isEmpty { return .success(.project(code)) }
            return .failure(ValueProblem(.missingField, "nature is empty; one of 人员经费、日常公用经费、项目"))
        default:
            return .failure(ValueProblem("unknown nature “\(raw.trimmed)”; one of 人员经费、日常公用经费、项目"))
        }
    }

    static func word(_ nature: SpendingNature) -> (nature: String, project: String) {
        switch nature {
        case .personnel: (personnel, "")
        case .publicCost: (publicCost, "")
        case .project(let code): (project, code)
        }
    }

    /// ChangeReason subjects with their Chinese labels (the tabular encodings write the label).
    static let subjects: [(key: String, label: String)] = [
        ("total", "收支总额"), ("general", "一般公共预算拨款"), ("basic", "基本支出"), ("project", "项目支出"),
        ("three-public", "“三公”经费"), ("operating-cost", "机关运行经费"),
    ]

    static func subjectLabel(_ key: String) -> String { subjects.first { $0.key == key }?.label ?? key }

    static func subjectKey(_ label: String) -> String {
        let k = TextNormalization.key(label)
        return subjects.first { TextNormalization.key($0.label) == k || $0.key == k }?.key ?? SourceValues.code(label)
    }
}

extension SourceValues {
    /// An indicator's operator: "=", "≥", "≤", ">", "<" (">=", "<=" and full-width forms accepted); empty is "=".
    static func op(_ raw: String) -> String {
        let t = TextNormalization.halfWidth(raw).trimmed
        switch t {
        case "": return "="
        case ">=", "≧": return "≥"
        case "<=", "≦": return "≤"
        default: return t
        }
    }

    static let operators = ["=", "≥", "≤", ">", "<"]
}

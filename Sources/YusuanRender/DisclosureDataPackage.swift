import Foundation
import YusuanCore

/// A disclosure as an Open Fiscal Data Package: `budget-lines.csv` (one line per printed figure,
/// see `DisclosureBudgetLines`), `disclosure.json` (the whole disclosure, see `DisclosureJSON`) and
/// `datapackage.json` describing them — the CSV's schema, and the fiscal model (Fiscal Data Package
/// 0.3): the amount measure in CNY and the dimensions functional, economic and administrative
/// classification, fiscal year, phase, direction, measure, fund and table.
public enum DisclosureDataPackage {
    /// File name → contents.
    public static func render(_ d: Disclosure) -> [String: String] {
        ["datapackage.json": descriptor(d), "budget-lines.csv": DisclosureBudgetLines.csv(d), "disclosure.json": DisclosureJSON.render(d)]
    }

    public static func descriptor(_ d: Disclosure) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try? encoder.encode(package(d))
        return (data.flatMap { String(data: $0, encoding: .utf8) } ?? "{}") + "\n"
    }

    static func package(_ d: Disclosure) -> Package {
        let phase = d.phase == .budget ? "budget" : "final-accounts"
        let name = "cn-dept-\(stableID(d.department ?? d.title))-\(d.year.map(String.init) ?? "undated")-\(phase)"
        let lines = Resource(name: "budget-lines", path: "budget-lines.csv", title: "预算明细 budget lines",
                             profile: "tabular-data-resource", format: "csv", mediatype: "text/csv", encoding: "utf-8",
                             dialect: Dialect(), schema: Schema(fields: DataPackageFields.all))
        let json = Resource(name: "disclosure", path: "disclosure.json", title: "公开文本 the disclosure as read",
                            profile: "data-resource", format: "json", mediatype: "application/json", encoding: "utf-8",
                            dialect: nil, schema: nil)
        let period = d.year.map { FiscalPeriod(start: "\($0)-01-01", end: "\($0)-12-31") }
        return Package(name: name, title: d.title, description: "\(d.department ?? "") \(d.year.map { "\($0)年" } ?? "")\(d.phase.rawValue)公开数据",
                       countryCode: "CN", fiscalPeriod: period, resources: [lines, json], model: model)
    }

    static let model = Model(
        measures: ["amount": MeasureSpec(source: "amount", currency: "CNY", factor: 1, title: "金额（元）")],
        dimensions: [
            "functional-classification": Dimension(
                dimensionType: "classification", classificationType: "functional",
                attributes: ["code": Attribute(source: "functional_code"), "label": Attribute(source: "functional_name", labelfor: "code")],
                primaryKey: ["code"]),
            "economic-classification": Dimension(
                dimensionType: "classification", classificationType: "economic",
                attributes: ["code": Attribute(source: "economic_code"), "label": Attribute(source: "economic_name", labelfor: "code")],
                primaryKey: ["code"]),
            "administrative-classification": Dimension(
                dimensionType: "classification", classificationType: "administrative",
                attributes: ["department": Attribute(source: "department"), "unit": Attribute(source: "unit", parent: "department")],
                primaryKey: ["department", "unit"]),
            "item": fact("item", source: "item"),
            "fiscal-year": Dimension(dimensionType: "datetime", attributes: ["year": Attribute(source: "fiscal_year")], primaryKey: ["year"]),
            "phase": fact("phase", source: "phase"),
            "direction": fact("direction", source: "direction"),
            "measure": fact("measure", source: "measure"),
            "fund": fact("fund", source: "fund"),
            "table": Dimension(dimensionType: "other",
                               attributes: ["attachment": Attribute(source: "attachment"), "kind": Attribute(source: "table_kind"),
                                            "title": Attribute(source: "table_title"), "column": Attribute(source: "column")],
                               primaryKey: ["attachment", "kind", "column"]),
        ])

    static func fact(_ name: String, source: String) -> Dimension {
        Dimension(dimensionType: "fact", attributes: [name: Attribute(source: source)], primaryKey: [name])
    }

    /// Eight hex digits of FNV-1a over the UTF-8 of `s`: a stable ASCII id for a Chinese name.
    static func stableID(_ s: String) -> String {
        var h: UInt32 = 2_166_136_261
        for b in s.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    struct Package: Encodable {
        var profile = "fiscal-data-package"
        var name: String
        var title: String
        var description: String
        var countryCode: String
        var fiscalPeriod: FiscalPeriod?
        var resources: [Resource]
        var model: Model

        init(name: String, title: String, description: String, countryCode: String, fiscalPeriod: FiscalPeriod?,
             resources: [Resource], model: Model) {
            self.name = name
            self.title = title
            self.description = description
            self.countryCode = countryCode
            self.fiscalPeriod = fiscalPeriod
            self.resources = resources
            self.model = model
        }
    }

    struct FiscalPeriod: Encodable { var start: String; var end: String }

    struct Resource: Encodable {
        var name, path, title, profile, format, mediatype, encoding: String
        var dialect: Dialect?
        var schema: Schema?
    }

    struct Dialect: Encodable {
        var delimiter = ","
        var lineTerminator = "\n"
        var quoteChar = "\""
        var doubleQuote = true
        var header = true
    }

    struct Schema: Encodable { var fields: [DataPackageFields.Field] }

    struct Model: Encodable {
        var measures: [String: MeasureSpec]
        var dimensions: [String: Dimension]
    }

    struct MeasureSpec: Encodable {
        var source, currency: String
        var factor: Int
        var title: String
    }

    struct Dimension: Encodable {
        var dimensionType: String
        var classificationType: String?
        var attributes: [String: Attribute]
        var primaryKey: [String]

        init(dimensionType: String, classificationType: String? = nil, attributes: [String: Attribute], primaryKey: [String]) {
            self.dimensionType = dimensionType
            self.classificationType = classificationType
            self.attributes = attributes
            self.primaryKey = primaryKey
        }
    }

    struct Attribute: Encodable {
        var source: String
        var labelfor: String?
        var parent: String?

        init(source: String, labelfor: String? = nil, parent: String? = nil) {
            self.source = source
            self.labelfor = labelfor
            self.parent = parent
        }
    }
}

import Foundation

/// A disclosure template: which tables, in which order, and which narrative sections a region requires.
///
/// Profiles are data (Resources/profiles/*.json); see Resources/profiles/README.md for the format.
public struct Profile: Sendable, Codable, Hashable {
    public struct TableSpec: Sendable, Codable, Hashable {
        /// Attachment number as printed ("1", "12"); nil when the template does not number tables.
        public var attachment: String?
        public var kind: TableKind
        /// The title as the template prints it (without department and year).
        public var title: String
        public var required: Bool
        /// One table per project (项目绩效目标表): printed as 12-1, 12-2 ...
        public var repeated: Bool?
        /// The money unit the table prints its figures in ("单位：元"); nil: the profile's `unit`.
        public var unit: MoneyUnit?
        /// Decimals the table prints its figures with; nil: the profile's `digits`.
        public var digits: Int?
        /// Whether the table groups thousands ("2,932,700"); nil: the profile's `grouping`.
        public var grouping: Bool?
    }

    public struct Section: Sendable, Codable, Hashable {
        public var key: String
        public var title: String
        /// Any of these in the narrative shows the section is there.
        public var keywords: [String]
        /// The key of the section this one is printed under (numbered （一）（二） or 1. 2. within it).
        public var parent: String?
        /// For a subsection: its heading starts its first paragraph ("1.机关运行经费。…") instead of
        /// standing as a paragraph of its own ("（一）职能职责。").
        public var inline: Bool?

        public init(key: String, title: String, keywords: [String], parent: String? = nil, inline: Bool? = nil) {
            self.key = key
            self.title = title
            self.keywords = keywords
            self.parent = parent
            self.inline = inline
        }
    }

    public struct Detection: Sendable, Codable, Hashable {
        /// Words in the document's title or first lines that point to this profile (a region name).
        public var titleKeywords: [String]
        /// Words in table titles that point to it.
        public var tableTitleKeywords: [String]
        /// Fiscal years the profile fits; empty for any.
        public var years: [Int]
    }

    public var id: String
    public var name: String
    public var nameEnglish: String
    public var phase: Phase
    public var region: String
    public var basis: String
    public var detect: Detection
    public var tables: [TableSpec]
    public var narrativeSections: [Section]
    /// What the indicator weights of one performance table add up to (100, or 90 where 10 points go to budget execution).
    public var performanceWeightTotal: Int?
    /// What the weights of the department's overall performance table (整体绩效目标表) add up to, when it
    /// differs from `performanceWeightTotal` (Chongqing: projects 90, the overall table 100); nil: the same.
    public var overallWeightTotal: Int?
    /// 功能分类 类 the summary tables leave out (预备费, 债务还本支出 are not departments' spending).
    public var excludedSummaryClasses: [String]?
    /// The profile assumed for a document of this phase that no other profile claims (the national template).
    public var fallback: Bool?
    /// The money unit of the tables that do not name their own (`TableSpec.unit`); nil: 万元.
    public var unit: MoneyUnit?
    /// The money unit the 情况说明 states figures in; nil: the profile's `unit`.
    public var narrativeUnit: MoneyUnit?
    /// Decimals of the tables that do not name their own (`TableSpec.digits`); nil: 2.
    public var digits: Int?
    /// Whether the tables that do not say otherwise group thousands (`TableSpec.grouping`); nil: no.
    public var grouping: Bool?

    /// The unit a table of the profile prints its figures in: its own, else the profile's, else 万元.
    public func unit(of spec: TableSpec) -> MoneyUnit {
        spec.unit ?? unit ?? .wanYuan
    }

    /// The unit of the profile's first table of `kind`; the profile's unit when it has no such table.
    public func unit(of kind: TableKind) -> MoneyUnit {
        tables.first { $0.kind == kind }.map(unit(of:)) ?? unit ?? .wanYuan
    }

    /// How a table of the profile prints its figures: its own digits and grouping, else the profile's,
    /// else two decimals without grouping.
    public func format(of spec: TableSpec) -> FigureFormat {
        FigureFormat(digits: spec.digits ?? digits ?? 2, grouping: spec.grouping ?? grouping ?? false)
    }

    /// How the profile's first table of `kind` prints its figures; the profile's default when it has no such table.
    public func format(of kind: TableKind) -> FigureFormat {
        tables.first { $0.kind == kind }.map(format(of:)) ?? FigureFormat(digits: digits ?? 2, grouping: grouping ?? false)
    }

    /// The unit the 情况说明 states figures in.
    public var narrativeMoneyUnit: MoneyUnit { narrativeUnit ?? unit ?? .wanYuan }
}

/// The profiles shipped with Yusuan.
public enum ProfileLibrary {
    /// Every profile file, decoded once per process.
    public static func all() -> [Profile] {
        cache.value(for: "all") {
            guard let dir = Bundle.module.url(forResource: "profiles", withExtension: nil),
                  let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
            return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
                guard let data = try? Data(contentsOf: dir.appendingPathComponent(name)) else { return nil }
                return try? JSONDecoder().decode(Profile.self, from: data)
            }
        }
    }

    static let cache = OnceCache<[Profile]>()

    public static func profile(id: String) -> Profile? { all().first { $0.id == id } }

    /// Picks the profile that fits a disclosure best: region words in the title, table titles, year.
    /// A document that matches no profile's words gets none when it holds only a few tables (an
    /// excerpt, such as one 三公 table cut from a web page); a fuller one falls back to the national template.
    public static func detect(_ d: Disclosure, among profiles: [Profile] = all()) -> Profile? {
        let head = d.title + " " + (d.department ?? "")
        let titles = d.tables.map(\.title).joined(separator: " ")
        var best: (Profile, Int)?
        for p in profiles where p.phase == d.phase {
            var score = 0
            for k in p.detect.titleKeywords where head.contains(k) { score += 3 }
            for k in p.detect.tableTitleKeywords where titles.contains(k) { score += 2 }
            if score > 0, let y = d.year, p.detect.years.contains(y) { score += 1 }
            if score > (best?.1 ?? 0) { best = (p, score) }
        }
        if let best { return best.0 }
        let kinds = Set(d.tables.map(\.kind))
        guard kinds.count >= 3 else { return nil }
        return profiles.first { $0.fallback == true && $0.phase == d.phase }
    }
}

import YusuanCore

/// Every rule Yusuan runs, in report order. Each family lives in its own file under Rules/.
public enum RuleCatalog {
    public static let all: [Rule] =
        ArithmeticRules.all
        + FinalRules.all
        + CrossTableRules.all
        + NarrativeRules.all
        + CompletenessRules.all
        + ClassificationRules.all
        + PerformanceRules.all
        + UnitRules.all

    public static func rule(_ id: String) -> Rule? { all.first { $0.id == id } }
}

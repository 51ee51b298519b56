import Foundation

/// The words that name a measure, shared by column headers and row labels:
/// 基本支出 → basic, 公务接待费 → the 三公 reception item, 一般公共预算 → the general budget fund …
public enum MeasureVocabulary {
    public static func measure(of raw: String, parent: String? = nil, basicTable: Bool = false) -> Measure? {
        let h = TextNormalization.key(raw).replacingAll("、", with: "")
        // The label is searched for up to about 35 words: its bytes are read once, and most words are ruled out
        // by their first character without a search (`SearchedText`).
        return TextNormalization.withBytes(h) { b in
            measure(key: h, SearchedText(b), parent: parent, basicTable: basicTable)
        }
    }

    /// The words of a total or of the amount column itself.
    private static let totalWords: [StaticString] = ["合计", "总计", "小计", "预算数", "决算数", "本年预算", "金额", "预算金额"]

    /// `measure(of:)` of the label whose key is `h` (its bytes `t`).
    private static func measure(key h: String, _ t: SearchedText, parent: String?, basicTable: Bool) -> Measure? {
        if t.contains("增减") && (t.contains("幅度") || t.contains("率")) { return .rate }
        if t.contains("增减") || t.contains("增加额") || t.contains("变动") { return .change }
        if t.contains("机关运行") { return .other }
        if t.contains("因公出国") { return .threePublicOutbound }
        if let p = parent, TextNormalization.key(p).contains("公务用车"), !t.contains("公务用车") {
            if t.contains("购置") && !t.contains("运行") { return .threePublicVehiclePurchase }
            if (t.contains("运行") || t.contains("维护")) && !t.contains("购置") { return .threePublicVehicleOperation }
        }
        if t.contains("公务接待") { return .threePublicReception }
        if t.contains("公务用车") {
            if t.contains("购置及运行") || t.contains("购置和运行") { return .threePublicVehicle }
            if t.contains("购置") { return .threePublicVehiclePurchase }
            if t.contains("运行") || t.contains("维护") { return .threePublicVehicleOperation }
            return .threePublicVehicle
        }
        if h == "小计", let p = parent, let m = measure(of: p), m != .total { return m }
        if t.contains("基本支出") { return .basic }
        if t.contains("人员经费") || t.contains("工资福利") && basicTable { return .personnel }
        if t.contains("公用经费") { return .publicCost }
        if t.contains("项目支出") { return .project }
        if t.contains("一般公共预算") { return .generalBudget }
        if t.contains("政府性基金") { return .govFund }
        if t.contains("国有资本经营") { return .stateCapital }
        if t.contains("财政专户") { return .specialAccount }
        if t.contains("事业收入") { return .businessIncome }
        if t.contains("上级补助") { return .superiorSubsidy }
        if t.contains("附属单位") { return .affiliatedIncome }
        if t.contains("经营收入") { return .operatingIncome }
        if t.contains("其他收入") { return .otherIncome }
        if t.contains("上年结转") || t.contains("结转") { return .carryover }
        if totalWords.contains(where: { t.contains($0) }) { return .total }
        return nil
    }
}

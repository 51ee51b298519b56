import Foundation

/// The words that name a measure, shared by column headers and row labels:
/// 基本支出 → basic, 公务接待费 → the 三公 reception item, 一般公共预算 → the general budget fund …
public enum MeasureVocabulary {
    public static func measure(of raw: String, parent: String? = nil, basicTable: Bool = false) -> Measure? {
        let h = TextNormalization.key(raw).replacingAll("、", with: "")
        let totals = ["合计", "总计", "小计", "预算数", "决算数", "本年预算", "金额", "预算金额"]
        if h.contains("增减") && (h.contains("幅度") || h.contains("率")) { return .rate }
        if h.contains("增减") || h.contains("增加额") || h.contains("变动") { return .change }
        if h.contains("机关运行") { return .other }
        if h.contains("因公出国") { return .threePublicOutbound }
        if let p = parent, TextNormalization.key(p).contains("公务用车"), !h.contains("公务用车") {
            if h.contains("购置") && !h.contains("运行") { return .threePublicVehiclePurchase }
            if (h.contains("运行") || h.contains("维护")) && !h.contains("购置") { return .threePublicVehicleOperation }
        }
        if h.contains("公务接待") { return .threePublicReception }
        if h.contains("公务用车") {
            if h.contains("购置及运行") || h.contains("购置和运行") { return .threePublicVehicle }
            if h.contains("购置") { return .threePublicVehiclePurchase }
            if h.contains("运行") || h.contains("维护") { return .threePublicVehicleOperation }
            return .threePublicVehicle
        }
        if h == "小计", let p = parent, let m = measure(of: p), m != .total { return m }
        if h.contains("基本支出") { return .basic }
        if h.contains("人员经费") || h.contains("工资福利") && basicTable { return .personnel }
        if h.contains("公用经费") { return .publicCost }
        if h.contains("项目支出") { return .project }
        if h.contains("一般公共预算") { return .generalBudget }
        if h.contains("政府性基金") { return .govFund }
        if h.contains("国有资本经营") { return .stateCapital }
        if h.contains("财政专户") { return .specialAccount }
        if h.contains("事业收入") { return .businessIncome }
        if h.contains("上级补助") { return .superiorSubsidy }
        if h.contains("附属单位") { return .affiliatedIncome }
        if h.contains("经营收入") { return .operatingIncome }
        if h.contains("其他收入") { return .otherIncome }
        if h.contains("上年结转") || h.contains("结转") { return .carryover }
        if totals.contains(where: { h.contains($0) }) { return .total }
        return nil
    }
}

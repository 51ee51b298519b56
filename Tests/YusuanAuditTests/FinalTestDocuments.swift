import Foundation
import YusuanAudit
import YusuanCore
import YusuanIngest

/// Small 决算 disclosures written as document text (tab-separated tables), as a reader sees them.
enum FinalDoc {
    /// A 收入支出决算总表 with carried balances (sources 49.14 + 2946.25 + 0 = uses 2940.05 + 0 + 55.34).
    static func summary(opening: String = "49.14", closing: String = "55.34", use: String = "",
                        useLabel: String = "使用非财政拨款结余（含专用结余）", openingLabel: String = "年初结转和结余") -> String {
        """
        某局2024年度部门决算
        收入支出决算总表
        单位：万元
        收入\t\t支出\t
        项目\t决算数\t项目\t决算数
        一、一般公共预算财政拨款收入\t2,940.05\t一、一般公共服务支出\t2,106.66
        二、其他收入\t6.20\t二、社会保障和就业支出\t833.39
        本年收入合计\t2,946.25\t本年支出合计\t2,940.05
        \(useLabel)\t\(use)\t结余分配\t
        \(openingLabel)\t\(opening)\t年末结转和结余\t\(closing)
        总计\t2,995.39\t总计\t2,995.39

        """
    }

    /// A 财政拨款收入支出决算总表 whose 年初 balance is split by fund under it.
    static func fiscalSummary(closing: String = "21.63") -> String {
        """
        某局2024年度部门决算
        财政拨款收入支出决算总表
        单位：万元
        收入\t\t支出\t\t\t
        项目\t决算数\t项目\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款
        一、一般公共预算财政拨款\t2,940.05\t一、一般公共服务支出\t2,940.05\t2,940.05\t
        二、政府性基金预算财政拨款\t\t\t\t\t
        本年收入合计\t2,940.05\t本年支出合计\t2,940.05\t2,940.05\t
        年初财政拨款结转和结余\t21.63\t年末财政拨款结转和结余\t\(closing)\t\(closing)\t
        一、一般公共预算财政拨款\t21.63\t\t\t\t
        总计\t2,961.68\t总计\t2,961.68\t2,961.68\t

        """
    }

    /// A fund's 收入支出决算表: the balance terms are columns.
    static func fundTable(closing: String = "5.00") -> String {
        """
        某局2024年度部门决算
        政府性基金预算财政拨款收入支出决算表
        单位：万元
        科目编码\t科目名称\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余
        \t\t\t\t小计\t基本支出\t项目支出\t
        \t合计\t10.00\t20.00\t25.00\t\t25.00\t\(closing)
        212\t城乡社区支出\t10.00\t20.00\t25.00\t\t25.00\t\(closing)

        """
    }

    /// A 支出决算表 headed 本年支出合计 with the five spending columns of the central template.
    static func spending(total: String = "2,940.05", row: String = "2,106.66") -> String {
        """
        某局2024年度部门决算
        支出决算表
        单位：万元
        科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出
        \t合计\t\(total)\t2,336.91\t603.14\t\t\t
        201\t一般公共服务支出\t\(row)\t1,503.52\t603.14\t\t\t
        208\t社会保障和就业支出\t833.39\t833.39\t\t\t\t

        """
    }

    /// An expenditure table with 年初预算 | 调整预算 | 决算 groups, each 合计 | 基本支出 | 项目支出 (or headed 决算数).
    static func phases(finalTotal: String = "30.00", finalHead: String = "合计", adjustedBasic: String = "10.00") -> String {
        """
        某局2024年度部门决算
        一般公共预算财政拨款支出决算表
        单位：万元
        科目编码\t科目名称\t年初预算\t\t\t调整预算\t\t\t决算\t\t
        \t\t合计\t基本支出\t项目支出\t合计\t基本支出\t项目支出\t\(finalHead)\t基本支出\t项目支出
        201\t一般公共服务支出\t30.00\t10.00\t20.00\t32.00\t\(adjustedBasic)\t22.00\t\(finalTotal)\t10.00\t20.00
        20106\t财政事务\t30.00\t10.00\t20.00\t32.00\t\(adjustedBasic)\t22.00\t\(finalTotal)\t10.00\t20.00

        """
    }

    static func audit(_ text: String, rules: [Rule] = FinalRules.all + ArithmeticRules.all) throws -> AuditReport {
        let d = try Recogniser.recognise(TextReader.read(text, source: "final.txt"))
        return Auditor.audit(d, profile: nil, profileDetected: false, rules: rules)
    }
}

import Foundation
import YusuanAudit
import YusuanCore
import YusuanIngest

/// Small disclosures written as document text (tab-separated tables, narrative lines), as a reader sees them.
enum NarrativeDoc {
    /// A 2022 budget: narrative, then a general-budget expenditure table (2021 and 2022 columns),
    /// a 三公 table (2021 and 2022) and a government-fund table.
    static func budget(_ narrative: String, threePublic: String = "20.00\t\t4.00\t\t4.00\t16.00\t20.00\t\t4.00\t\t4.00\t16.00",
                       govFund: String = "\t合计\t\t\t", procurement: Bool = false) -> Disclosure? {
        var text = "测试单位2022年部门预算情况说明\n\n" + narrative + "\n\n"
        text += """
        附件1

        测试单位2022年一般公共预算财政拨款支出预算表

        单位：万元

        科目编码\t科目名称\t2021年预算数\t2022年预算数\t\t
        \t\t\t总计\t基本支出\t项目支出
        \t合计\t938.15\t951.81\t632.81\t319.00
        201\t一般公共服务支出\t814.31\t827.23\t508.23\t319.00
        208\t社会保障和就业支出\t65.58\t64.63\t64.63\t
        210\t卫生健康支出\t31.79\t32.63\t32.63\t
        221\t住房保障支出\t26.47\t27.31\t27.31\t

        附件2

        测试单位2022年一般公共预算“三公”经费支出表

        单位：万元

        2021年预算数\t\t\t\t\t\t2022年预算数\t\t\t\t\t
        总计\t因公出国(境)费用\t公务用车购置及运行费\t\t\t公务接待费\t总计\t因公出国(境)费用\t公务用车购置及运行费\t\t\t公务接待费
        \t\t小计\t公务用车购置\t公务用车运行维护费\t\t\t\t小计\t公务用车购置\t公务用车运行维护费\t
        \(threePublic)

        附件3

        测试单位2022年政府性基金预算支出表

        单位：万元

        科目编码\t科目名称\t总计\t基本支出\t项目支出
        \(govFund)

        """
        if procurement {
            text += "\n附件4\n\n测试单位2022年政府采购预算明细表\n\n单位：万元\n\n单位名称\t合计\t货物类\t工程类\t服务类\n合计\t7.08\t5.08\t\t2.00\n"
        }
        return read(text)
    }

    /// A 2023 决算 of the 三公 expenses: narrative, then a table of 预算数 and 决算数.
    static func final(_ narrative: String, total: String = "3\t1.71", reception: String = "1\t0.53",
                      vehicle: String = "2\t1.18") -> Disclosure? {
        let text = """
        测试中心2023年度一般公共预算财政拨款“三公”经费支出决算

        二、“三公”经费支出情况说明

        \(narrative)

        一、2023年度一般公共预算财政拨款“三公”经费支出决算表

        单位：万元

        项目\t预算数\t决算数
        合计\t\(total)
        因公出国(境)费\t\t
        公务接待费\t\(reception)
        公务用车购置及运行维护费\t\(vehicle)
        其中：公务用车运行维护费\t\(vehicle)
        公务用车购置费\t\t

        """
        return read(text)
    }

    static func read(_ text: String) -> Disclosure? {
        try? Recogniser.recognise(TextReader.read(text, source: "t.txt"))
    }

    static func findings(_ d: Disclosure?, _ rule: String) -> [Finding] {
        guard let d else { return [Finding(rule: "unreadable", severity: .error, category: .narrative, location: FindingLocation(),
                                           expected: "", found: "", message: "", messageEnglish: "")] }
        return Auditor.audit(d, profile: nil, profileDetected: false, rules: NarrativeRules.all).findings.filter { $0.rule == rule }
    }
}

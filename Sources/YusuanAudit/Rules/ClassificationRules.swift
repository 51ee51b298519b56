import YusuanCore

/// Rules on classification codes: well-formed codes, names that agree with the catalog of the
/// year, and one name per code across the document.
public enum ClassificationRules {
    public static let all: [Rule] = [format, catalogNames, consistentNames]

    static var format: Rule { Rule(
        id: "CLS-001", severity: .error, category: .classification,
        title: "科目编码格式正确：功能分类 3/5/7 位、经济分类 3/5 位；款、项有其上级科目行",
        titleEnglish: "Classification codes are well formed: functional 3/5/7 digits, economic 3/5; a 款 or 项 has its parent line",
        why: "编码是科目汇总和核对的依据，位数错误的编码无法归入任何科目。",
        whyEnglish: "Codes are what lines roll up and reconcile by; a code of the wrong length belongs to no subject.",
        check: { ctx in CodeFormatCheck.check(ctx, rule: Self.format) }) }

    static var catalogNames: Rule { Rule(
        id: "CLS-002", severity: .warning, category: .classification,
        title: "科目编码与名称符合当年政府收支分类科目",
        titleEnglish: "Codes and names agree with the classification catalog of the fiscal year",
        why: "科目名称与编码不符，读者无法确定资金的实际用途；Yusuan 的科目表部分凭记忆编制，提示需对照官方科目表核实。",
        whyEnglish: "A name that does not fit its code leaves the use of the money unclear; Yusuan's catalogs are partly compiled from memory, so check against the official catalog.",
        check: { ctx in CatalogNameCheck.check(ctx, rule: Self.catalogNames) }) }

    static var consistentNames: Rule { Rule(
        id: "CLS-003", severity: .error, category: .classification,
        title: "同一科目编码在全文中名称一致",
        titleEnglish: "One code carries one name throughout the document",
        why: "同一编码在不同表中名称不同，说明至少一处编码或名称有误。",
        whyEnglish: "When one code has two names in the document, at least one code or name is wrong.",
        check: { ctx in CodeNameConsistency.check(ctx, rule: Self.consistentNames) }) }
}

import YusuanCore

/// Completeness rules (CMP-xxx): every table and section the template requires is there, numbered
/// without gaps and as the contents promise, empty tables say why, nothing of the template is left over.
///
/// Each rule lives in its own `Completeness*.swift` file; shared text helpers are in CompletenessSupport.swift.
public enum CompletenessRules {
    public static let all: [Rule] = [
        requiredTables,
        attachmentSequence,
        contentsAgreement,
        templateLeftovers,
        emptyTableNotes,
        vehicleSplit,
        narrativeSections,
        truncatedTables,
    ]
}

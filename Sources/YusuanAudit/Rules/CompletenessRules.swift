import YusuanCore

/// Rules of this family.
public enum CompletenessRules {
    public static let all: [Rule] = []
}

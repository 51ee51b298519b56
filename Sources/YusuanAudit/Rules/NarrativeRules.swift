import YusuanCore

/// Rules of this family.
public enum NarrativeRules {
    public static let all: [Rule] = []
}

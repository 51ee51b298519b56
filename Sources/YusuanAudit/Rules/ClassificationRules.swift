import YusuanCore

/// Rules of this family.
public enum ClassificationRules {
    public static let all: [Rule] = []
}

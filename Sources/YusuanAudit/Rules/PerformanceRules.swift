import YusuanCore

/// Rules of this family.
public enum PerformanceRules {
    public static let all: [Rule] = []
}

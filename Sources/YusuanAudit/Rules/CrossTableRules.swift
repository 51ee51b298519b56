import YusuanCore

/// Rules of this family.
public enum CrossTableRules {
    public static let all: [Rule] = []
}

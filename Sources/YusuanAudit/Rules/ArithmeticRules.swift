import YusuanCore

/// Rules of this family.
public enum ArithmeticRules {
    public static let all: [Rule] = []
}

/// The portal's interface languages: Chinese first, English on `?lang=en` (remembered in a cookie).
public enum UILanguage: String, Sendable, CaseIterable {
    case zh, en

    /// The BCP 47 tag for `<html lang>`.
    public var tag: String { self == .zh ? "zh-CN" : "en" }

    /// Every string of the interface in this language.
    public var strings: [String: String] { self == .zh ? UIStrings.zh : UIStrings.en }

    /// The string for `key`; the key itself when missing (a test keeps the tables complete).
    public func text(_ key: String) -> String { strings[key] ?? key }
}

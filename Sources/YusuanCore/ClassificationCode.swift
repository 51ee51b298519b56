/// Which classification a code belongs to.
public enum ClassificationScheme: String, Sendable, Codable, CaseIterable {
    /// 支出功能分类科目: 类/款/项 of 3/5/7 digits.
    case functional
    /// 部门预算支出经济分类科目: 类/款 of 3/5 digits (301, 30101).
    case economicDepartment = "economic-department"
    /// 政府预算支出经济分类科目: 类/款 of 3/5 digits (501, 50101).
    case economicGovernment = "economic-government"

    public var chineseName: String {
        switch self {
        case .functional: "支出功能分类科目"
        case .economicDepartment: "部门预算支出经济分类科目"
        case .economicGovernment: "政府预算支出经济分类科目"
        }
    }

    public var maxLevel: Int { self == .functional ? 3 : 2 }
}

/// A classification code such as `2010308` (functional 项) or `30217` (economic 款).
///
/// Validated once; knows its level (1 = 类, 2 = 款, 3 = 项), its parent and its ancestors.
public struct ClassificationCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let digits: String
    public let scheme: ClassificationScheme

    public enum Problem: Error, Equatable, Sendable {
        case notDigits, wrongLength(Int)
    }

    /// Accepts 3, 5 or 7 digits; 3- and 5-digit codes that start with 3 or 5 are economic.
    public init(_ text: String) throws(Problem) {
        // Most texts read here are figures ("1,234.56") or names ("一般公共服务支出"): one pass over the bytes rejects
        // them without making the half-width and trimmed strings below (`cannotBeDigits`).
        // A code spelled in ASCII digits alone (every code a build prints) is its own half-width, trimmed form.
        let plain = TextNormalization.withBytes(text) { !$0.isEmpty && $0.allSatisfy { $0 &- 0x30 < 10 } }
        if !plain, Self.cannotBeDigits(text) { throw .notDigits }
        let t = plain ? text : TextNormalization.halfWidth(text).trimmed
        // ASCII digits only, checked on bytes (a character is an ASCII digit exactly when its one byte is).
        guard plain || (!t.isEmpty && t.utf8.allSatisfy({ (0x30...0x39).contains($0) })) else { throw .notDigits }
        let count = t.utf8.count
        guard [3, 5, 7].contains(count) else { throw .wrongLength(count) }
        let first = t.utf8.first ?? 0x30
        if count == 7 || first == 0x32 {  // "2"
            scheme = .functional
        } else if first == 0x35 {  // "5"
            scheme = .economicGovernment
        } else if first == 0x33 {  // "3"
            scheme = .economicDepartment
        } else {
            scheme = .functional
        }
        if scheme != .functional && count == 7 { throw .wrongLength(7) }
        digits = t
    }

    /// Whether `text`, half-width mapped and trimmed, holds something other than ASCII digits, seen from its bytes.
    /// An ASCII byte other than a digit or white space (`isSpace`: tab to carriage return, space) is kept by the
    /// mapping (it maps no ASCII) and by trimming (it drops white space alone); so is any scalar that is neither a
    /// full-width form (mapped to ASCII; lead byte EF) nor white space (U+0085 and U+00A0: C2; U+1680: E1;
    /// U+2000–U+205F: E2; U+3000: E3), such as every ideograph (lead bytes E4–E9). Neither is an ASCII digit.
    static func cannotBeDigits(_ text: String) -> Bool {
        TextNormalization.withBytes(text) { bytes in
            bytes.contains { b in
                switch b {
                case 0x30...0x39, 0x09...0x0D, 0x20: false
                case 0x00..<0x80: true
                case 0xC0...0xFF: b != 0xC2 && b != 0xE1 && b != 0xE2 && b != 0xE3 && b != 0xEF
                default: false  // a continuation byte
                }
            }
        }
    }

    /// Parses without throwing.
    public static func parse(_ text: String) -> ClassificationCode? { try? ClassificationCode(text) }

    public var level: Int { Self.level(length: length) }

    /// The level of a code of `length` characters.
    static func level(length: Int) -> Int {
        switch length {
        case 3: 1
        case 5: 2
        default: 3
        }
    }

    public var levelName: String { ["类", "款", "项"][level - 1] }

    public var parent: ClassificationCode? {
        // A decoded code may be of any length: one of two characters or fewer has no parent (and "" would be its
        // own, without end).
        // The bytes are tested once for the level, the length and the cut (`length`, `level`).
        let bytes = bytesAreCharacters
        let length = bytes ? digits.utf8.count : digits.count
        guard Self.level(length: length) > 1, length > 2 else { return nil }
        let kept = bytes ? String(decoding: digits.utf8.dropLast(2), as: UTF8.self)
                         : String(digits.prefix(length - 2))
        return ClassificationCode(unchecked: kept, scheme: scheme)
    }

    /// `digits.count`, read as the byte count when each byte is a character (`bytesAreCharacters`).
    var length: Int { bytesAreCharacters ? digits.utf8.count : digits.count }

    /// Whether every byte of `digits` is ASCII but CR, so a character of its own: always so for digits the
    /// initializer checked; a code decoded from elsewhere may hold anything, and is counted in characters.
    var bytesAreCharacters: Bool { TextNormalization.bytesAreCharacters(digits) }

    public var ancestors: [ClassificationCode] {
        var out: [ClassificationCode] = []
        var p = parent
        while let c = p { out.append(c); p = c.parent }
        return out
    }

    public func isAncestor(of other: ClassificationCode) -> Bool {
        other.scheme == scheme && other.length > length && other.digits.hasPrefix(digits)
    }

    init(unchecked digits: String, scheme: ClassificationScheme) {
        self.digits = digits
        self.scheme = scheme
    }

    public static func < (a: ClassificationCode, b: ClassificationCode) -> Bool { a.digits < b.digits }
    public var description: String { digits }
}

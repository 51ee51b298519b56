import HummingbirdBcrypt

/// Password hashing with bcrypt; the cost is configurable so that tests stay fast.
public struct Passwords: Sendable {
    public var cost: UInt8

    public init(cost: UInt8) { self.cost = max(4, min(cost, 31)) }

    public func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    public func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// Why a new password is refused, or nil when it is acceptable.
    public static func problem(_ password: String) -> String? {
        if password.count < 8 { return "密码至少 8 个字符 / the password needs at least 8 characters" }
        if password.utf8.count > 72 { return "密码最多 72 字节 / the password may have at most 72 bytes" }
        return nil
    }
}

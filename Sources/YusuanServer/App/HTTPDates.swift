import Foundation
import Synchronization
import YusuanCore

/// The Date header's value (RFC 9110 §5.6.7, `Sun, 06 Nov 1994 08:49:37 GMT`), formatted once a second, for the
/// responses the kept pages' fast path writes itself (Hummingbird dates the others).
final class HTTPDates: Sendable {
    private let kept = Mutex<(second: Int, text: String)>((-1, ""))

    /// The current second's value.
    func now() -> String {
        let second = Int(Date().timeIntervalSince1970.rounded(.down))
        return kept.withLock { kept in
            if kept.second != second { kept = (second, Self.format(epochSecond: second)) }
            return kept.text
        }
    }

    /// The value for `epochSecond` seconds after 1970-01-01T00:00:00Z.
    static func format(epochSecond: Int) -> String {
        let (days, secondOfDay) = max(0, epochSecond).quotientAndRemainder(dividingBy: 86_400)
        let (year, month, day) = CivilDate.fromDays(days)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        // 1970-01-01 was a Thursday.
        return "\(weekdays[(days + 4) % 7]), \(two(day)) \(months[(month - 1) % 12]) \(year) "
            + "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) GMT"
    }
}

import Foundation

/// Counts failed logins per username and per client address within a sliding window and refuses
/// further attempts once either reaches the limit, until the oldest failure leaves the window.
actor LoginRateLimiter {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = max(1, limit)
        self.window = window
    }

    /// Seconds to wait before trying again, or nil when the attempt may go ahead.
    func retryAfter(username: String, address: String?, now: Date = Date()) -> Int? {
        var wait: TimeInterval = 0
        for key in keys(username: username, address: address) {
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[key] = recent.isEmpty ? nil : recent
            if recent.count >= limit, let oldest = recent.first {
                wait = max(wait, window - now.timeIntervalSince(oldest))
            }
        }
        return wait > 0 ? max(1, Int(wait.rounded(.up))) : nil
    }

    func recordFailure(username: String, address: String?, now: Date = Date()) {
        for key in keys(username: username, address: address) { failures[key, default: []].append(now) }
    }

    /// A successful login clears the username's failures (not the address's).
    func recordSuccess(username: String) {
        failures["user:" + username.lowercased()] = nil
    }

    private func keys(username: String, address: String?) -> [String] {
        ["user:" + username.lowercased()] + (address.map { ["addr:" + $0] } ?? [])
    }
}

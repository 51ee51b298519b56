import Foundation

/// A one-line progress bar on standard error, redrawn at most every 1%.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let lock = NSLock()
    private var shown = -1

    init(total: Int) { self.total = max(total, 1) }

    func show(_ done: Int) {
        lock.lock(); defer { lock.unlock() }
        let percent = done * 100 / total
        guard percent != shown else { return }
        shown = percent
        let width = 30
        let filled = done * width / total
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

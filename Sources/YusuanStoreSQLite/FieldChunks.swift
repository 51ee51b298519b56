import Foundation
import YusuanStore

/// A line-item source's rows as `LineItemFields` chunks, each read and checked on a thread of its own while
/// SQLite inserts the one before it: on two cores the CSV's reading and checking runs beside SQLite's
/// inserting instead of in turn with it (like the PostgreSQL import's `CopyChunks`). At most two chunks are
/// in memory, one being inserted and one read ahead.
final class FieldChunks: @unchecked Sendable {
    private let source: any LineItemSource
    /// Rows asked of the source per chunk.
    private let limit: Int
    private let condition = NSCondition()
    /// The chunk read ahead (empty at the end of the source), or the error reading it: waiting to be taken.
    private var ready: Result<LineItemFields, any Error>?
    /// A chunk the inserts are done with, for the reader to fill again.
    private var spare: LineItemFields?
    private var stopped = false
    private var reading = true

    /// Starts reading the first chunk.
    init(_ source: any LineItemSource, rowsPerChunk: Int) {
        self.source = source
        self.limit = rowsPerChunk
        let thread = Thread { [self] in self.readAhead() }
        thread.name = "yusuan import reader"
        thread.start()
    }

    /// The next chunk, empty at the end of the source; throws what reading it threw. `done`, the chunk the
    /// caller has finished with, is given back to be filled again.
    func next(returning done: LineItemFields? = nil) throws -> LineItemFields {
        condition.lock()
        defer { condition.unlock() }
        if let done { spare = done }
        while true {
            if let result = ready {
                ready = nil
                condition.broadcast()
                return try result.get()
            }
            guard reading else { return LineItemFields() }
            condition.wait()
        }
    }

    /// Stops reading ahead and waits for the reader thread to end: nothing reads the source after this
    /// returns. Called whenever the inserting ends, done or failed.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while reading { condition.wait() }
        condition.unlock()
    }

    /// The reader thread: a chunk at a time into `ready`, until the end of the source, an error or `stop()`.
    private func readAhead() {
        defer {
            condition.lock()
            reading = false
            condition.broadcast()
            condition.unlock()
        }
        while true {
            condition.lock()
            while ready != nil && !stopped { condition.wait() }
            if stopped {
                condition.unlock()
                return
            }
            var fields = spare ?? LineItemFields()
            spare = nil
            condition.unlock()

            fields.removeAll()
            let result: Result<LineItemFields, any Error>
            do {
                _ = try source.nextFields(into: &fields, limit: limit)
                result = .success(fields)
            } catch {
                result = .failure(error)
            }
            condition.lock()
            ready = result
            condition.broadcast()
            condition.unlock()
            guard case .success(let chunk) = result, chunk.count > 0 else { return }
        }
    }
}

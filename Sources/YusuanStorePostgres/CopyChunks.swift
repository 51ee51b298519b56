import PostgresNIO
import YusuanStore

/// A line-item source's rows as chunks of COPY text, each prepared by a child task while the one before it
/// is being sent: reading and checking the CSV (client CPU) runs beside the server's COPY (server CPU)
/// instead of in turn with it. At most two chunks are in memory, one sending and one being prepared.
struct CopyChunks: Sendable {
    let source: any LineItemSource
    /// The batch id and a tab, the start of every line.
    let prefix: [UInt8]
    /// Bytes per chunk (a chunk ends at the first row that reaches it).
    let bytes: Int

    /// Calls `send` with every chunk and its row count, in order. An error from the source (a bad row, a read
    /// error) is thrown once the chunks before it were sent; an error from `send` cancels the chunk being
    /// prepared and is thrown once that child task has stopped (the task group waits for it), so nothing
    /// reads the source after this returns.
    func send(_ send: (ByteBuffer, Int) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: (ByteBuffer, Int).self) { group in
            group.addTask { try prepare() }
            // One child at a time: the group's next result is the chunk prepared while the last was sent.
            while let (chunk, rows) = try await group.next() {
                if rows == 0 { return }
                group.addTask { try prepare() }
                try await send(chunk, rows)
            }
        }
    }

    /// The next chunk and its row count (0 at the end of the source).
    private func prepare() throws -> (ByteBuffer, Int) {
        try Task.checkCancellation()
        var text: [UInt8] = []
        text.reserveCapacity(bytes + 1024)
        let rows = try source.nextCopyText(prefix: prefix, into: &text, bytes: bytes)
        return (ByteBuffer(bytes: text), rows)
    }
}

import YusuanCore

/// A table held by reference. Values read out of a table (facts, printed codes) keep where they were read
/// through one shared `SharedTable`, so copying such a value retains one object instead of every field of the
/// table (title, columns, rows, notes …), and the table is copied once, not once per value.
final class SharedTable: Sendable {
    let table: DisclosureTable

    init(_ table: DisclosureTable) {
        self.table = table
    }
}

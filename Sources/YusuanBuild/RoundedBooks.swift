import YusuanCore

/// A printed figure asked for before rounding (its set noted then) and read after it: selection number `selection`
/// of the shared `LeafIndex`, printed at `scale`. So text that depends on its figures (the 三公 table's note, the
/// performance forms' amounts, the 情况说明) is written once, from the rounded books.
struct PendingFigure {
    let selection: Int
    let scale: PrintScale
}

/// The rounded ledger's books at every scale a build prints at, each made once (`Ledger.units` per scale).
final class RoundedBooks {
    /// Few scales (one or two per disclosure): a list searched in order.
    private var known: [Books]

    init(_ books: Books) {
        known = [books]
    }

    /// The books printing at `scale`.
    func at(_ scale: PrintScale) -> Books {
        for books in known where books.scale == scale { return books }
        let books = known[0].at(scale)
        known.append(books)
        return books
    }

    /// The printed figure of `pending`, from the rounded leaves.
    func figure(_ pending: PendingFigure) -> Fixed {
        at(pending.scale).figure(selection: pending.selection)
    }

    /// The printed figure of `pending` as the exact amount it stands for (`Books.amount`).
    func amount(_ pending: PendingFigure) -> Amount {
        pending.scale.amount(figure(pending))
    }
}

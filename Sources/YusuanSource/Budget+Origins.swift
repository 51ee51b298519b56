import YusuanCore

extension Budget {
    /// The same budget with every `LineItem.origin` cleared: readers set it to where each item was
    /// read, so two readings of the same content in different encodings compare equal only without it.
    public var withoutOrigins: Budget {
        var b = self
        for i in b.lineItems.indices { b.lineItems[i].origin = nil }
        return b
    }
}

import YusuanCore

/// Reads the facts out of the tables. (Filled in by the recogniser work.)
struct FactIndexBuilder {
    var facts: [Fact] = []
    var scopesCoincide = false
    init(disclosure: Disclosure) {}
}

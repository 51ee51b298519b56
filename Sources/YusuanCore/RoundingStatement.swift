/// A disclosure may state that its totals equal their printed parts exactly (controlled rounding,
/// as `yusuan build` does). Where a document says so, a total off by a cent from its parts is not
/// "rounding can explain it" but a contradiction of the document's own statement: an error.
public enum RoundingStatement {
    /// The sentence `yusuan build` prints at the end of the 情况说明.
    public static let sentence = "注：本公开各表金额经受控舍入编制，每个合计数均等于其分项之和，同一数字在各表和本说明中一致。"

    /// Phrases by which a document states that its printed totals equal their printed parts.
    static let phrases = ["受控舍入", "合计数均等于其分项之和", "合计数等于分项之和", "合计数均等于分项之和"]

    /// Whether any paragraph or table note of `d` makes the statement.
    public static func isDeclared(in d: Disclosure) -> Bool {
        let texts = d.narrative.map(\.text) + d.tables.flatMap(\.notes)
        return texts.contains { text in
            let key = TextNormalization.compactChinese(text)
            return phrases.contains { key.contains($0) }
        }
    }
}

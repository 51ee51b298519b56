import YusuanCore

extension CityCSV {
    /// Texts of fields with a few hundred distinct values per department (功能, 经济 and 项目 codes), found by their bytes
    /// packed into two integers with their length when they are ASCII and 15 bytes at most, so that equal fields share
    /// one string: building and checking a string cost about 200 instructions a field (a lookup here about 150), a
    /// `Dictionary` lookup by string more (its `Hasher`). Other fields go by their strings, so two fields are the same
    /// text exactly when their strings are equal, as with a `Dictionary` keyed by the decoded string (two different
    /// invalid UTF-8 sequences decode to the same replacement characters).
    struct TextMemo {
        private var numbering = FirstSeenNumbering(expectedKeys: 512)
        /// Each number's packed bytes (0 to 7, then 8 to 14 with the length in the top byte) and text.
        private var keys: [(UInt64, UInt64)] = []
        private var texts: [String] = []
        /// Texts longer than 15 bytes or not ASCII (none in a city's codes), by their strings.
        private var others: Set<String> = []

        /// The field's text, and whether it is its first sight.
        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: (Int, Int)) -> (text: String, isNew: Bool) {
            let field = UnsafeBufferPointer(rebasing: bytes[range.0..<range.1])
            // Copied in one move (a loop over the bytes cost about 20 instructions a byte); byte i at bits 8i.
            var words: (UInt64, UInt64) = (0, 0)
            if field.count <= 15 { withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(field)) } }
            guard field.count <= 15, (words.0 | words.1) & 0x8080_8080_8080_8080 == 0 else {
                let text = String(decoding: field, as: UTF8.self)
                return (text, others.insert(text).inserted)
            }
            let key = (UInt64(littleEndian: words.0), UInt64(littleEndian: words.1) | UInt64(field.count) << 56)
            let hash = key.0 ^ (key.1 &* 0x9E37_79B9_7F4A_7C15)
            // Looked up first without changing the table: its closure reads `keys`.
            if let known = numbering.find(hash: hash, isKey: { keys[$0] == key }) { return (texts[known], false) }
            _ = numbering.number(hash: hash) { _ in false }
            let text = String(decoding: field, as: UTF8.self)
            keys.append(key)
            texts.append(text)
            return (text, true)
        }
    }
}

import Testing
@testable import YusuanCore

/// `FirstSeenNumbering` against a dictionary that numbers keys in order of first sight: on hashes with many
/// collisions (a key's hash is one of a few values) and past the table's expected size, so that it grows.
struct FirstSeenNumberingTests {
    @Test(arguments: [1, 7, 64])
    func numbersKeysAsADictionaryDoes(distinctHashes: Int) {
        var random = SplitMix64(seed: UInt64(distinctHashes))
        var numbering = FirstSeenNumbering(expectedKeys: 4)
        var keyOfNumber: [Int] = []
        var reference: [Int: Int] = [:]
        for _ in 0..<5_000 {
            let key = random.below(1_500)
            let hash = UInt64(key % distinctHashes)
            let (number, isNew) = numbering.number(hash: hash) { keyOfNumber[$0] == key }
            if isNew { keyOfNumber.append(key) }
            if let known = reference[key] {
                #expect(number == known && !isNew)
            } else {
                #expect(isNew && number == reference.count)
                reference[key] = number
            }
        }
        #expect(numbering.count == reference.count)
        for key in 0..<1_500 {
            let found = numbering.find(hash: UInt64(key % distinctHashes)) { keyOfNumber[$0] == key }
            #expect(found == reference[key])
        }
    }

    @Test func anEmptyTableFindsNothing() {
        let numbering = FirstSeenNumbering(expectedKeys: 0)
        #expect(numbering.count == 0)
        #expect(numbering.find(hash: 42) { _ in true } == nil)
    }
}

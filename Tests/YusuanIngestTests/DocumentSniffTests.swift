import Testing
@testable import YusuanIngest

/// How a text input is told to be a web page or disclosure text.
@Suite struct DocumentSniffTests {
    @Test func webPagesAreKnownInAnyCase() {
        #expect(DocumentReader.looksLikeHTML("<!DOCTYPE html><p>x</p>"))
        #expect(DocumentReader.looksLikeHTML("  <HTML><BODY>"))
        #expect(DocumentReader.looksLikeHTML("前言\n<Table border=1><tr><td>1</td></tr></Table>"))
        #expect(DocumentReader.looksLikeHTML("<body>"))
    }

    @Test func disclosureTextIsNot() {
        #expect(!DocumentReader.looksLikeHTML("一、部门职责\n收入总计\t951.81\n"))
        #expect(!DocumentReader.looksLikeHTML("a < b and <tab"))
        #expect(!DocumentReader.looksLikeHTML("<"))
        #expect(!DocumentReader.looksLikeHTML(""))
    }
}

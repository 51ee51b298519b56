import Foundation
import Testing
import YusuanTestSupport

/// No force unwrap, `try!`, `as!`, `fatalError(` or `precondition(` in Sources/ outside the
/// allow-list below, where each entry says why it cannot be reached from input or data.
@Suite struct SourceSafetyTests {
    /// One allowed occurrence: the file (relative to the repository), the code on its line, and why it is safe.
    struct Allowed {
        var file: String
        var code: String
        var reason: String
    }

    static let allowed: [Allowed] = [
        Allowed(file: "Sources/YusuanServer/App/Middleware.swift", code: #"static let xRequestID = Self("X-Request-Id")!"#,
                reason: "an HTTP field name built from a constant, valid token: the initializer cannot fail; no input reaches it"),
        Allowed(file: "Sources/YusuanServer/App/Middleware.swift", code: #"static let xCSRFToken = Self("X-CSRF-Token")!"#,
                reason: "an HTTP field name built from a constant, valid token: the initializer cannot fail; no input reaches it"),
        Allowed(file: "Sources/YusuanServer/App/Middleware.swift", code: #"static let xFrameOptions = Self("X-Frame-Options")!"#,
                reason: "an HTTP field name built from a constant, valid token: the initializer cannot fail; no input reaches it"),
        Allowed(file: "Sources/YusuanServer/App/Middleware.swift", code: #"static let referrerPolicy = Self("Referrer-Policy")!"#,
                reason: "an HTTP field name built from a constant, valid token: the initializer cannot fail; no input reaches it"),
        Allowed(file: "Sources/YusuanServer/App/Middleware.swift", code: #"static let xForwardedFor = Self("X-Forwarded-For")!"#,
                reason: "an HTTP field name built from a constant, valid token: the initializer cannot fail; no input reaches it"),
    ]

    @Test func sourcesHaveNoUnsafeConstructsOutsideTheAllowList() throws {
        let sources = Fixtures.root.appendingPathComponent("Sources")
        let files = try FileManager.default.subpathsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files.count > 50)
        var unexpected: [String] = []
        var used = Set<Int>()
        for file in files {
            let relative = "Sources/" + file
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for hit in UnsafeConstructScanner.scan(text) {
                if let k = Self.allowed.firstIndex(where: { $0.file == relative && $0.code == hit.code }) {
                    used.insert(k)
                } else {
                    unexpected.append("\(relative):\(hit.line): \(hit.kind): \(hit.code)")
                }
            }
        }
        #expect(unexpected.isEmpty, "not in the allow-list of SourceSafetyTests (remove it, or allow it with a reason):\n\(unexpected.joined(separator: "\n"))")
        // An entry whose file is there but whose line is gone is stale (a trimmed copy may lack the file).
        let stale = Self.allowed.indices.filter { !used.contains($0) && FileManager.default.fileExists(atPath: Fixtures.path(Self.allowed[$0].file)) }
        #expect(stale.isEmpty, "stale allow-list entries: \(stale.map { Self.allowed[$0].code })")
        #expect(Self.allowed.allSatisfy { !$0.reason.isEmpty })
    }

    @Test func scannerIgnoresCommentsStringsInequalityAndPrefixNot() {
        let sample = #"""
        let a = b != c && !d // e! try! as! fatalError(
        /* f!.g /* nested h! */ i! */ let s = "j! \(k!) try! \("l")" + #"m!"# + """
        n! as! Int
        """
        let x = y!.z; let w = (v as! Int); try! run(); fatalError("no"); precondition(ok)
        let q = arr[0]!
        """#
        let hits = UnsafeConstructScanner.scan(sample).map { "\($0.line) \($0.kind)" }
        #expect(hits == ["2 force unwrap", "5 force unwrap", "5 as!", "5 try!", "5 fatalError(", "5 precondition(", "6 force unwrap"])
    }
}

/// Finds force unwraps, `try!`, `as!`, `fatalError(` and `precondition(` in Swift source, ignoring
/// comments and string literals (but not the code interpolated into strings), `!=` and prefix `!`.
enum UnsafeConstructScanner {
    struct Hit: Equatable {
        var line: Int
        var kind: String
        /// The trimmed source line.
        var code: String
    }

    static func scan(_ text: String) -> [Hit] {
        let original = text.components(separatedBy: "\n")
        let code = String(decoding: codeOnly(Array(text.utf8)), as: UTF8.self).components(separatedBy: "\n")
        var hits: [Hit] = []
        for (index, line) in code.enumerated() {
            let source = index < original.count ? original[index].trimmingCharacters(in: .whitespaces) : ""
            for kind in kinds(line) { hits.append(Hit(line: index + 1, kind: kind, code: source)) }
        }
        return hits
    }

    /// The unsafe constructs on one line of code (comments and literals blanked).
    static func kinds(_ line: String) -> [String] {
        let b = Array(line.utf8)
        func isWord(_ c: UInt8) -> Bool { c == UInt8(ascii: "_") || (c >= 48 && c <= 57) || (c | 0x20 >= 97 && c | 0x20 <= 122) || c >= 0x80 }
        func word(endingAt end: Int) -> String {
            var s = end
            while s > 0 && isWord(b[s - 1]) { s -= 1 }
            return String(decoding: b[s..<end], as: UTF8.self)
        }
        func call(_ name: String) -> Bool {
            line.ranges(of: name).contains { r in
                let before = r.lowerBound == line.startIndex ? " " : line[line.index(before: r.lowerBound)]
                let rest = line[r.upperBound...].drop { $0 == " " }
                return !(before.isLetter || before.isNumber || before == "_" || before == ".") && rest.first == "("
            }
        }
        var found: [String] = []
        for i in b.indices where b[i] == UInt8(ascii: "!") && i > 0 {
            let next = i + 1 < b.count ? b[i + 1] : UInt8(ascii: " ")
            let prev = b[i - 1]
            guard isWord(prev) || prev == UInt8(ascii: ")") || prev == UInt8(ascii: "]") else { continue }
            let w = isWord(prev) ? word(endingAt: i) : ""
            if w == "try" { found.append("try!") } else if w == "as" { found.append("as!") } else if next != UInt8(ascii: "=") { found.append("force unwrap") }
        }
        if call("fatalError") { found.append("fatalError(") }
        if call("precondition") || call("preconditionFailure") { found.append("precondition(") }
        return found
    }

    /// `source` with comments and the text of string literals replaced by spaces (line breaks kept),
    /// code inside `\( … )` interpolations kept.
    static func codeOnly(_ source: [UInt8]) -> [UInt8] {
        var out = source
        var i = 0
        let n = source.count
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#")
        let backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
        func blank(_ k: Int) { if out[k] != newline { out[k] = UInt8(ascii: " ") } }
        func at(_ k: Int, _ s: [UInt8]) -> Bool { k + s.count <= n && Array(source[k..<(k + s.count)]) == s }

        /// Code up to the `)` that closes an interpolation (when `interpolation`) or the end.
        func code(interpolation: Bool) {
            var depth = 0
            while i < n {
                let c = source[i]
                if c == slash && at(i, [slash, slash]) {
                    while i < n && source[i] != newline { blank(i); i += 1 }
                } else if c == slash && at(i, [slash, star]) {
                    var nesting = 0
                    repeat {
                        if at(i, [slash, star]) { nesting += 1; blank(i); blank(i + 1); i += 2 }
                        else if at(i, [star, slash]) { nesting -= 1; blank(i); blank(i + 1); i += 2 }
                        else { blank(i); i += 1 }
                    } while i < n && nesting > 0
                } else if c == quote || (c == hash && stringStart(i) != nil) {
                    string()
                } else {
                    if c == UInt8(ascii: "(") { depth += 1 }
                    if c == UInt8(ascii: ")") {
                        if interpolation && depth == 0 { return }
                        depth -= 1
                    }
                    i += 1
                }
            }
        }
        /// The number of `#` before a `"` at `k`, when a string starts there.
        func stringStart(_ k: Int) -> Int? {
            var e = k
            while e < n && source[e] == hash { e += 1 }
            return e < n && source[e] == quote ? e - k : nil
        }
        func string() {
            let hashes = stringStart(i) ?? 0
            i += hashes
            let multiline = at(i, [quote, quote, quote])
            i += multiline ? 3 : 1
            let close = (multiline ? [quote, quote, quote] : [quote]) + Array(repeating: hash, count: hashes)
            let escape = [backslash] + Array(repeating: hash, count: hashes)
            while i < n {
                if at(i, close) { i += close.count; return }
                if !multiline && source[i] == newline { return }
                if at(i, escape) {
                    let after = i + escape.count
                    if after < n && source[after] == UInt8(ascii: "(") {
                        i = after + 1
                        code(interpolation: true)
                        if i < n { i += 1 }  // the closing ")"
                        continue
                    }
                    for k in i..<min(after + 1, n) { blank(k) }
                    i = after + 1
                    continue
                }
                blank(i)
                i += 1
            }
        }
        code(interpolation: false)
        return out
    }
}

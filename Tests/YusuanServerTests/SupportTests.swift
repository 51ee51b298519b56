import Foundation
import Testing
@testable import YusuanServer

@Suite("Portal support")
struct SupportTests {
    @Test("SHA-256 matches the standard vectors")
    func sha256() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)).count == 64)
    }

    @Test("tokens are random, cookie-safe and compared exactly")
    func tokens() {
        let a = Tokens.random(), b = Tokens.random()
        #expect(a != b && a.count == 43)
        #expect(a.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(Tokens.equal(a, a) && !Tokens.equal(a, b) && !Tokens.equal("", ""))
    }

    @Test("money prints in 万元 with two decimals, rounded half away from zero")
    func money() {
        #expect(Money.wan(951_810_000) == "951.81")
        #expect(Money.wan(1_000_000) == "1.00")
        #expect(Money.wan(5_000) == "0.01")
        #expect(Money.wan(4_999) == "0.00")
        #expect(Money.wan(-10_000) == "-0.01")
        #expect(Money.wan(123_456_789_000_000) == "123,456,789.00")
    }

    @Test("the disclosure stylesheet is scoped: no bare html, body or table selector survives")
    func cssScope() {
        let css = CSSScope.scoped("@page { size: A4; }\nhtml { color: #000; }\nbody { margin: 0; }\nth, td { border: 1px; }\n@media screen {\n body { padding: 1mm; }\n section.sheet { margin: 0; }\n}\n", under: ".disclosure")
        #expect(css.contains("@page { size: A4; }"))
        #expect(css.contains(".disclosure { color: #000; }"))
        #expect(css.contains(".disclosure th, .disclosure td {"))
        #expect(css.contains(".disclosure section.sheet"))
        #expect(!css.contains("\nbody") && !css.contains("\nhtml"))
    }

    @Test("charts scale bars in integers and escape their labels")
    func charts() {
        let svg = SVGChart.bars([ChartBar(label: "<b>x</b>", fen: 100), ChartBar(label: "y", fen: 50)], title: "T&", unit: "万元")
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains("&lt;b&gt;x&lt;/b&gt;") && svg.contains("T&amp;"))
        #expect(!svg.contains("<b>"))
        #expect(SVGChart.scaled(50, of: 100, to: 330) == 165)
        #expect(SVGChart.scaled(Int64.max, of: Int64.max, to: 330) == 330)
    }

    @Test("both languages have the same keys, and every key a template uses exists")
    func strings() throws {
        #expect(Set(UIStrings.zh.keys) == Set(UIStrings.en.keys))
        let folder = try Templates.directory()
        var used = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for m in text.matches(of: /\{\{t\.([A-Za-z_]+)\}\}/) { used.insert(String(m.1)) }
        }
        #expect(!used.isEmpty)
        #expect(used.subtracting(UIStrings.zh.keys).isEmpty, "missing: \(used.subtracting(UIStrings.zh.keys))")
    }

    @Test("templates insert data escaped: triple mustaches only for server-rendered HTML, no script, no CDN")
    func templatesEscape() throws {
        let folder = try Templates.directory()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for m in text.matches(of: /\{\{\{\s*([A-Za-z_.]+)\s*\}\}\}/) {
                #expect(m.1.hasSuffix("HTML"), "\(name) inserts \(m.1) unescaped")
            }
            #expect(!text.contains("{{&"), "\(name) uses {{& }}")
            #expect(!text.lowercased().contains("<script"), "\(name) has a script")
            #expect(!text.contains("http://") && !text.contains("https://"), "\(name) loads something from elsewhere")
        }
    }

    @Test("login attempts: limited per username and per address within the window")
    func limiter() async {
        let limiter = LoginRateLimiter(limit: 2, window: 60)
        let t0 = Date(timeIntervalSince1970: 1000)
        await limiter.recordFailure(username: "u", address: "1.1.1.1", now: t0)
        #expect(await limiter.retryAfter(username: "u", address: "2.2.2.2", now: t0) == nil)
        await limiter.recordFailure(username: "u", address: "1.1.1.1", now: t0)
        #expect(await limiter.retryAfter(username: "u", address: "2.2.2.2", now: t0) == 60)
        #expect(await limiter.retryAfter(username: "v", address: "1.1.1.1", now: t0) == 60)
        #expect(await limiter.retryAfter(username: "v", address: "3.3.3.3", now: t0) == nil)
        #expect(await limiter.retryAfter(username: "u", address: "2.2.2.2", now: t0.addingTimeInterval(61)) == nil)
    }
}

import YusuanRender
import YusuanCore

/// The disclosure renderer's stylesheet, made to apply only inside the portal's `.disclosure` element.
enum DisclosureStyle {
    static var css: String { DisclosureHTMLStyle.css }
}

/// Prefixes every selector of a stylesheet with a scope, so that a document's stylesheet can be used
/// inside another page: `table` → `.disclosure table`, `html`/`body` → `.disclosure`. Rules inside
/// @media and @supports are scoped too; @page and other at-rules are kept as they are.
enum CSSScope {
    static func scoped(_ css: String, under scope: String) -> String {
        var out = ""
        var rest = Substring(css)
        while let open = rest.firstIndex(of: "{") {
            let prelude = rest[..<open].trimmed
            guard let close = matchingBrace(rest, open: open) else { break }
            let block = rest[rest.index(after: open)..<close]
            if prelude.hasPrefix("@media") || prelude.hasPrefix("@supports") {
                out += prelude + " {\n" + scoped(String(block), under: scope) + "}\n"
            } else if prelude.hasPrefix("@") {
                out += prelude + " {" + block + "}\n"
            } else {
                let selectors = prelude.split(separator: ",").map { scopeSelector($0.trimmed, scope) }
                out += selectors.joined(separator: ", ") + " {" + block + "}\n"
            }
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    static func scopeSelector(_ s: String, _ scope: String) -> String {
        for root in ["html", "body"] {
            if s == root { return scope }
            if s.hasPrefix(root + " ") { return scope + s.dropFirst(root.count) }
        }
        return scope + " " + s
    }

    static func matchingBrace(_ s: Substring, open: Substring.Index) -> Substring.Index? {
        var depth = 0
        var i = open
        while i < s.endIndex {
            if s[i] == "{" { depth += 1 }
            if s[i] == "}" {
                depth -= 1
                if depth == 0 { return i }
            }
            i = s.index(after: i)
        }
        return nil
    }
}

/// An element or a run of text in the tree the HTML reader walks.
final class HTMLNode {
    /// The lower-cased tag name; "#text" for text and "#root" for the document.
    let name: String
    let attributes: [String: String]
    let text: String
    let line: Int
    var children: [HTMLNode] = []

    init(name: String, attributes: [String: String] = [:], text: String = "", line: Int) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.line = line
    }

    var isText: Bool { name == "#text" }

    /// Whether a descendant (not the node itself) is a `name` element.
    func contains(_ name: String) -> Bool {
        children.contains { $0.name == name || $0.contains(name) }
    }
}

/// Builds a tree from tokens with the error recovery that matters for real pages: unclosed
/// `<p>`, `<li>`, `<td>`, `<tr>` are closed by the next sibling; a `<td>` outside a `<tr>` gets
/// one; an end tag that matches nothing open is ignored and never closes a cell from inside it;
/// a `<table>` opened directly inside a table (a forgotten `</table>`) closes the first one.
/// Nesting deeper than `maxDepth` is flattened so no input can exhaust the stack; the depth the
/// source asked for is reported so that a reader with `InputLimits` can refuse it.
enum HTMLTreeBuilder {
    static let maxDepth = 200
    static let void: Set<String> = ["br", "hr", "img", "input", "meta", "link", "col", "area", "base",
                                    "wbr", "param", "source", "embed", "track", "keygen"]
    /// Elements that end an open `<p>`.
    static let closesParagraph: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "pre", "blockquote",
        "section", "article", "header", "footer", "nav", "aside", "address", "form", "hr", "center",
        "fieldset", "figure", "main", "li", "dt", "dd",
    ]
    /// Elements an ordinary end tag may not reach across.
    static let cellScope: Set<String> = ["td", "th", "caption", "table"]
    static let ignored: Set<String> = ["html", "head", "body"]

    static func build(_ tokens: [HTMLToken]) -> HTMLNode {
        build(tokens, depthLimit: .max).root
    }

    /// The tree, and the line of the first element nested more than `depthLimit` deep (nil when none is).
    static func build(_ tokens: [HTMLToken], depthLimit: Int) -> (root: HTMLNode, tooDeepAt: Int?) {
        let root = HTMLNode(name: "#root", line: 1)
        var stack: [HTMLNode] = [root]
        var flattened: [String] = []  // elements opened past maxDepth and not closed yet
        var tooDeepAt: Int?

        func current() -> HTMLNode { stack.last ?? root }
        /// Index of the innermost open `names` element, searching no further than `boundary`.
        func open(_ names: Set<String>, within boundary: Set<String>) -> Int? {
            for k in stride(from: stack.count - 1, to: 0, by: -1) {
                if names.contains(stack[k].name) { return k }
                if boundary.contains(stack[k].name) { return nil }
            }
            return nil
        }
        func close(_ names: Set<String>, within boundary: Set<String>) {
            if let k = open(names, within: boundary) {
                stack.removeSubrange(k...)
                flattened.removeAll()
            }
        }
        func push(_ node: HTMLNode) {
            current().children.append(node)
            if stack.count < maxDepth {
                stack.append(node)
            } else {
                flattened.append(node.name)
            }
            if stack.count - 1 + flattened.count > depthLimit, tooDeepAt == nil { tooDeepAt = node.line }
        }

        for token in tokens {
            if tooDeepAt != nil { break }
            switch token {
            case let .text(text, line):
                current().children.append(HTMLNode(name: "#text", text: text, line: line))
            case let .start(name, attributes, _, line):
                if ignored.contains(name) { continue }
                if closesParagraph.contains(name) { close(["p"], within: cellScope.union(["button"])) }
                switch name {
                case "li": close(["li"], within: cellScope.union(["ul", "ol"]))
                case "dt", "dd": close(["dt", "dd"], within: cellScope.union(["dl"]))
                case "td", "th":
                    close(["td", "th"], within: ["tr", "table"])
                    if open(["tr"], within: ["table"]) == nil, open(["table"], within: ["td", "th", "caption"]) != nil {
                        push(HTMLNode(name: "tr", line: line))
                    }
                case "tr": close(["tr"], within: ["table", "thead", "tbody", "tfoot"])
                case "thead", "tbody", "tfoot": close(["thead", "tbody", "tfoot"], within: ["table"])
                case "table":
                    // A table opened inside a table but outside any cell: the author forgot </table>.
                    if let k = open(["table"], within: ["td", "th", "caption"]) {
                        stack.removeSubrange(k...)
                        flattened.removeAll()
                    }
                default: break
                }
                let node = HTMLNode(name: name, attributes: attributes, line: line)
                if void.contains(name) { current().children.append(node) } else { push(node) }
            case let .end(name, line):
                if ignored.contains(name) { continue }
                if let k = flattened.lastIndex(of: name) {
                    flattened.removeSubrange(k...)
                    continue
                }
                switch name {
                case "br": current().children.append(HTMLNode(name: "br", line: line))
                case "table": close(["table"], within: [])
                case "td", "th", "tr", "thead", "tbody", "tfoot", "caption": close([name], within: ["table"])
                default: close([name], within: cellScope)
                }
            }
        }
        return (root, tooDeepAt)
    }
}

import YusuanCore

extension CompletenessRules {
    /// CMP-004: no template leftovers: "XX" placeholders, 待填写 / 请填写 / 此处填写, doubled Chinese punctuation.
    static let templateLeftovers = Rule(
        id: "CMP-004", severity: .warning, category: .completeness,
        title: "无模板残留", titleEnglish: "No template leftovers",
        why: "占位符和填写提示说明文稿未填写完整或未经校对就发布。",
        whyEnglish: "Placeholders and fill-in prompts show the text was published unfinished or unproofread.",
        check: checkLeftovers)

    /// Prompts a template leaves where text should be written.
    static let fillInPrompts = ["待填写", "请填写", "此处填写"]
    /// Chinese punctuation that is never doubled in finished text.
    static let doubledPunctuation = ["。。", "，，", "、、", "；；", "：："]

    /// One leftover found in a text: what kind, the token, and where.
    struct Leftover {
        enum Kind { case placeholder, prompt, punctuation }
        var kind: Kind
        var token: String
        var range: Range<String.Index>
    }

    /// A piece of text that can carry leftovers, with how findings name its place.
    struct TextSpot {
        var text: String
        var zh: String
        var en: String
        var location: FindingLocation
    }

    static func checkLeftovers(_ c: AuditContext) -> RuleOutcome {
        var out: [Finding] = []
        for spot in textSpots(c, where: mayHaveLeftovers) {
            let found = leftovers(in: spot.text)
            guard let first = found.first else { continue }
            let zhItems = found.map { l in
                switch l.kind {
                case .placeholder: "占位符“\(l.token)”"
                case .prompt: "填写提示“\(l.token)”"
                case .punctuation: "重复标点“\(l.token)”"
                }
            }
            let enItems = found.map { l in
                switch l.kind {
                case .placeholder: "placeholder “\(l.token)”"
                case .prompt: "fill-in prompt “\(l.token)”"
                case .punctuation: "doubled punctuation “\(l.token)”"
                }
            }
            let quote = excerpt(spot.text, around: first.range)
            out.append(templateLeftovers.finding(
                spot.location, expected: "无模板残留", found: found.map(\.token).joined(separator: " "),
                message: "\(spot.zh)有模板残留：\(unique(zhItems).joined(separator: "、"))（\(quoted(quote))）。",
                english: "\(spot.en) contains template leftovers: \(unique(enItems).joined(separator: ", ")) (\(quoted(quote)))."))
        }
        return .ran(out)
    }

    /// Every narrative paragraph, table title, note, form field and text cell whose text passes `keep`
    /// (the place's description is only written for the texts kept).
    static func textSpots(_ c: AuditContext, where keep: (String) -> Bool) -> [TextSpot] {
        let d = c.disclosure
        var spots: [TextSpot] = []
        if keep(d.title) {
            spots.append(TextSpot(text: d.title, zh: "文档标题", en: "The document title",
                                  location: FindingLocation(table: nil, source: d.narrative.first?.location)))
        }
        for p in d.narrative where keep(p.text) {
            let line = p.location.line.map { "第\($0)行" } ?? ""
            let lineEn = p.location.line.map { " (line \($0))" } ?? ""
            spots.append(TextSpot(text: p.text, zh: "情况说明\(line)", en: "The narrative\(lineEn)", location: c.location(p)))
        }
        for t in d.tables {
            let name = t.displayName
            if keep(t.title) {
                spots.append(TextSpot(text: t.title, zh: "\(name)的标题", en: "The title of \(name)", location: c.location(t)))
            }
            for note in t.notes where keep(note) {
                spots.append(TextSpot(text: note, zh: "\(name)的表注", en: "The note of \(name)",
                                      location: FindingLocation(table: name, attachment: t.attachment, row: "注", source: t.location)))
            }
            for f in t.fields where keep(f.value) {
                spots.append(TextSpot(text: f.value, zh: "\(name)\(quoted(f.label))栏", en: "The field \(quoted(f.label)) of \(name)",
                                      location: FindingLocation(table: name, attachment: t.attachment, row: f.label, source: f.location)))
            }
            // Rows read in place (not a copy of each, `for row in`).
            t.rows.forEachInPlace { row in
                if keep(row.name) {
                    spots.append(TextSpot(text: row.name, zh: "\(name)\(quoted(row.label))行", en: "The row \(quoted(row.label)) of \(name)",
                                          location: c.location(t, row: row)))
                }
                for col in t.columns {
                    // The cell read in place (`row.cell` copies it out): nearly every cell is a figure or blank.
                    guard col.index < row.cells.count, row.cells[col.index].number == nil, !row.cells[col.index].isBlank,
                          keep(row.cells[col.index].text) else { continue }
                    let cell = row.cells[col.index]
                    guard TextNormalization.key(cell.text) != TextNormalization.key(row.name) else { continue }
                    let header = col.header.isEmpty ? "第\(col.index + 1)列" : "\(quoted(col.header))列"
                    let headerEn = col.header.isEmpty ? "column \(col.index + 1)" : "column \(quoted(col.header))"
                    spots.append(TextSpot(text: cell.text, zh: "\(name)\(quoted(row.label))行\(header)",
                                          en: "The row \(quoted(row.label)), \(headerEn) of \(name)",
                                          location: c.location(t, row: row, column: col)))
                }
            }
        }
        return spots
    }

    /// One pass over the UTF-8 bytes: false when the text cannot hold a leftover (no X-like mark, no 填, no
    /// punctuation mark doubled), which is nearly every text (about 850 texts an audit). The marks' encodings are
    /// X 58, x 78, × C3 97, Ｘ EF BC B8, ｘ EF BD 98, 填 E5 A1 AB; the punctuation 。 E3 80 82, 、 E3 80 81,
    /// ， EF BC 8C, ； EF BC 9B, ： EF BC 9A, doubled when the same three bytes follow. It steps scalar by scalar, as
    /// the pass over `unicodeScalars` it replaced (held to it by LeftoverPrecheckTests), comparing bytes, not scalars.
    static func mayHaveLeftovers(_ text: String) -> Bool {
        TextNormalization.withBytes(text) { b in
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if c == 0x58 || c == 0x78 { return true }
                    i += 1
                    continue
                }
                // A string's UTF-8 is valid: step over whole scalars, never into one.
                if c < 0xE0 {
                    if c == 0xC3 && i + 1 < n && b[i + 1] == 0x97 { return true }
                    i += 2
                    continue
                }
                if c >= 0xF0 || i + 2 >= n {
                    i += 4
                    continue
                }
                let c1 = b[i + 1], c2 = b[i + 2]
                let punctuation: Bool
                switch c {
                case 0xE3: punctuation = c1 == 0x80 && (c2 == 0x81 || c2 == 0x82)
                case 0xE5: if c1 == 0xA1 && c2 == 0xAB { return true }; punctuation = false
                case 0xEF:
                    if c1 == 0xBC {
                        if c2 == 0xB8 { return true }
                        punctuation = c2 == 0x8C || c2 == 0x9A || c2 == 0x9B
                    } else {
                        if c1 == 0xBD && c2 == 0x98 { return true }
                        punctuation = false
                    }
                default: punctuation = false
                }
                if punctuation && i + 5 < n && b[i + 3] == c && b[i + 4] == c1 && b[i + 5] == c2 { return true }
                i += 3
            }
            return false
        }
    }

    /// The leftovers in a text, in reading order.
    static func leftovers(in text: String) -> [Leftover] {
        var out: [Leftover] = []
        // Placeholders: runs of two or more X / x / × that are not part of a Latin word or a code.
        let marks: Set<Character> = ["X", "x", "×", "Ｘ", "ｘ"]
        var i = text.startIndex
        while i < text.endIndex {
            guard marks.contains(text[i]) else {
                i = text.index(after: i)
                continue
            }
            var j = i
            while j < text.endIndex && marks.contains(text[j]) { j = text.index(after: j) }
            let run = text[i..<j]
            let before = i > text.startIndex ? text[text.index(before: i)] : nil
            let after = j < text.endIndex ? text[j] : nil
            if run.count >= 2 && !isCodeCharacter(before) && !isCodeCharacter(after) {
                out.append(Leftover(kind: .placeholder, token: String(run), range: i..<j))
            }
            i = j
        }
        for prompt in fillInPrompts {
            for r in text.ranges(of: prompt) { out.append(Leftover(kind: .prompt, token: prompt, range: r)) }
        }
        for mark in doubledPunctuation {
            var from = text.startIndex
            while let r = text[from...].firstRange(of: mark) {
                var end = r.upperBound
                while end < text.endIndex, let last = mark.last, text[end] == last { end = text.index(after: end) }
                out.append(Leftover(kind: .punctuation, token: String(text[r.lowerBound..<end]), range: r.lowerBound..<end))
                from = end
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Letters, digits and "_" continue a word or a code ("XXL", "A0XX1", "x_xx").
    private static func isCodeCharacter(_ c: Character?) -> Bool {
        guard let c, let h = TextNormalization.halfWidth(String(c)).first else { return false }
        return h.isASCII && (h.isLetter || h.isNumber || h == "_")
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}

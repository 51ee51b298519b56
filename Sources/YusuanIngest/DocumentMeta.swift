import YusuanCore

/// The document's title, department, fiscal year and phase, read from its first lines.
struct DocumentMeta {
    var title: String
    var department: String?
    var year: Int?
    var phase: Phase

    static func read(_ lines: [RawLine], commentTitle: String?) -> DocumentMeta {
        let firstLines = lines.prefix(12).map(\.text).filter { !$0.isEmpty }
        let candidate = commentTitle ?? firstLines.first {
            ($0.contains("预算") || $0.contains("决算")) && year(in: $0) != nil
        } ?? firstLines.first ?? ""
        let title = TextNormalization.compactChinese(candidate)
        var y = year(in: title)
        if y == nil {
            var counts: [Int: Int] = [:]
            for l in lines.prefix(400) where TableTitles.kind(of: l.text) != nil {
                if let yy = year(in: l.text) { counts[yy, default: 0] += 1 }
            }
            y = counts.max { $0.value < $1.value }?.key
        }
        let phase: Phase = title.contains("决算") ? .final : .budget
        var dept = department(in: title)
        if dept == nil, commentTitle == nil, let k = firstLines.firstIndex(of: candidate), k > 0 {
            dept = coverDepartment(firstLines[k - 1])
        }
        return DocumentMeta(title: title, department: dept, year: y, phase: phase)
    }

    /// A cover that prints the department on its own line above "2024年度部门决算": that line, when it
    /// reads as a name (no figures, no punctuation, not a table or section title).
    static func coverDepartment(_ line: String) -> String? {
        let name = TextNormalization.compactChinese(line)
        guard name.count >= 3, name.count <= 40, year(in: name) == nil, !name.contains(where: { $0.isNumber }),
              TableTitles.kind(of: name) == nil, !name.contains("目录"), !name.contains("预算"), !name.contains("决算") else { return nil }
        let punctuation: Set<Character> = ["。", "，", ",", "：", ":", "；", ";", "、", "！", "？", "|"]
        guard !name.contains(where: { punctuation.contains($0) }) else { return nil }
        return name
    }

    /// "2022年" or "2022 年" or "2022年度": the first plausible fiscal year.
    static func year(in s: String) -> Int? {
        let compact = TextNormalization.key(s)
        let chars = Array(compact)
        var i = 0
        while i + 4 < chars.count {
            // Tested on the characters; a string made only of four digits.
            let four = chars[i..<(i + 4)]
            if four.allSatisfy({ $0.isASCII && $0.isNumber }), chars[i + 4] == "年",
               (i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber)), let y = Int(String(four)), y >= 2000, y < 2100 {
                return y
            }
            i += 1
        }
        return nil
    }

    /// The department is what precedes the year in the title ("重庆市潼南区信访办公室2022年部门预算…").
    static func department(in title: String) -> String? {
        let chars = Array(title)
        var i = 0
        while i + 4 < chars.count {
            if chars[i..<(i + 4)].allSatisfy({ $0.isASCII && $0.isNumber }) {
                let d = String(chars[..<i]).trimmed
                return d.isEmpty ? nil : d
            }
            i += 1
        }
        return nil
    }
}

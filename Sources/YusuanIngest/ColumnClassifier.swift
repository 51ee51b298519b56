import YusuanCore

/// Gives each column a role (code, name, money …) from its header and its cells, and a measure,
/// year and phase from its header path.
enum ColumnClassifier {
    /// Whether `s` is at most `limit` characters, each an ASCII digit: by bytes (an ASCII character that is a
    /// number is one of the bytes 0–9, and a string of such bytes has as many characters as bytes).
    static func isDigits(_ s: String, atMost limit: Int) -> Bool {
        TextNormalization.withBytes(s) { b in b.count <= limit && b.allSatisfy { (0x30...0x39).contains($0) } }
    }

    static func classify(paths: [[String]], dataRows: GridCells, kind: TableKind, defaultYear: Int?) -> [Column] {
        var columns: [Column] = []
        for (i, path) in paths.enumerated() {
            let leaf = path.last ?? ""
            let joined = path.joined()
            let values = dataRows.values(i)
            let numbers = dataRows.figures(i)
            var role: ColumnRole
            let codeHeader = ["类", "款", "项"].contains(leaf) || leaf.containsText("编码") || leaf.containsText("代码")
            if codeHeader && !values.isEmpty && values.allSatisfy({ isDigits($0, atMost: 7) }) {
                role = .code
            } else if let codes = mostlyCodes(values),
                      (numbers.count - codes.count) * 2 <= values.count, !joined.containsText("数"),
                      joined.containsText("编码") || joined.containsText("代码") || joined.containsText("科目")
                        || (codes.filter { $0.count > 3 }.count * 2 > codes.count) {
                role = .code
            } else if joined.containsText("序号") {
                role = .serial
            } else if joined.containsText("幅度") || joined.containsText("比例") || joined.hasSuffix("率") || (!numbers.isEmpty && numbers.allSatisfy(\.isPercent)) {
                role = .percent
            } else if !values.isEmpty && numbers.count * 2 > values.count {
                role = .money
            } else if values.isEmpty && (leaf.containsText("编码") || leaf.containsText("代码") || ["类", "款", "项"].contains(leaf)) {
                role = .code
            } else if values.isEmpty && isMoneyHeader(joined) {
                role = .money
            } else if leaf.containsText("单位") && !leaf.containsText("单位/科目") {
                role = .unit
            } else {
                role = .text
            }
            var col = Column(index: i, headerPath: path, role: role)
            if role == .money || role == .percent {
                col.measure = measure(path: path, kind: kind)
                col.year = year(in: joined)
                col.phase = HeaderBuilder.phase(of: joined)
            }
            columns.append(col)
        }
        // Blank columns to the right of the labels, in a table of figures, are figures not printed.
        if let lastLabel = columns.lastIndex(where: { $0.role == .text || $0.role == .code || $0.role == .serial || $0.role == .unit }),
           columns.contains(where: { $0.role == .money }) {
            for i in columns.indices where columns[i].role == .text && i > 0 {
                let values = dataRows.values(i)
                let leftIsFigure = columns[..<i].contains { $0.role == .money }
                if values.isEmpty && (leftIsFigure || i > lastLabel) {
                    columns[i].role = .money
                    columns[i].measure = measure(path: columns[i].headerPath, kind: kind)
                    columns[i].year = year(in: columns[i].headerPath.joined())
                }
            }
        }
        // Short numbers left of the first label are parts of a code split over 类 | 款 | 项 columns.
        if let firstText = columns.firstIndex(where: { $0.role == .text }) {
            for i in 0..<firstText where columns[i].role == .money {
                let values = dataRows.values(i)
                if !values.isEmpty && values.allSatisfy({ isDigits($0, atMost: 3) }) {
                    columns[i].role = .code
                    columns[i].measure = nil
                }
            }
        }
        // The name column: the first text column (科目名称, 项目, 项目名称).
        if let nameIndex = columns.firstIndex(where: { $0.role == .text && isNameHeader($0.header) })
            ?? columns.firstIndex(where: { $0.role == .text }) {
            columns[nameIndex].role = .name
        }
        _ = defaultYear
        return columns
    }

    /// The values that read as classification codes, when more than half do; nil when half or more do not (read
    /// until then only: most columns are figures).
    static func mostlyCodes(_ values: [String]) -> [String]? {
        var codes: [String] = []
        var misses = 0
        for v in values {
            if ClassificationCode.parse(v) != nil {
                codes.append(v)
            } else {
                misses += 1
                if misses * 2 >= values.count { return nil }
            }
        }
        return misses * 2 < values.count ? codes : nil  // no values: nil
    }

    static func isNameHeader(_ h: String) -> Bool {
        ["名称", "项目", "科目", "指标"].contains { h.contains($0) }
    }

    static func isMoneyHeader(_ h: String) -> Bool {
        ["合计", "总计", "小计", "预算数", "决算数", "支出", "收入", "经费", "拨款", "费"].contains { h.contains($0) }
    }

    static func year(in s: String) -> Int? {
        guard s.contains("年") else { return nil }  // a byte search: most headers name no year
        // Plain text has a character per scalar: the four digits and 年 are found on the bytes (what the loop
        // below finds, without an array of characters and two strings at each place).
        if TextNormalization.isPlainCJK(s) { return TextNormalization.withBytes(s, plainYear) }
        return yearInCharacters(s)
    }

    /// `year(in:)` over characters, the definition: the first four numeric characters followed by 年 that read as
    /// a year 1991–2099 (`plainYear` is its byte path for plain text).
    static func yearInCharacters(_ s: String) -> Int? {
        let chars = Array(s)
        var i = 0
        while i + 4 < chars.count {
            if String(chars[i..<i + 4]).allSatisfy(\.isNumber), chars[i + 4] == "年",
               let y = Int(String(chars[i..<i + 4])), y > 1990, y < 2100 {
                return y
            }
            i += 1
        }
        return nil
    }

    /// `year(in:)` of plain text's bytes: the first four ASCII digits followed by 年 (UTF-8 E5 B9 B4) that read
    /// as a year 1991–2099 (`Int` reads only ASCII digits, so no other digits make a year).
    static func plainYear(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i + 7 <= b.count {
            if b[i + 4] == 0xE5 && b[i + 5] == 0xB9 && b[i + 6] == 0xB4 {
                var y = 0
                var k = i
                while k < i + 4 && (0x30...0x39).contains(b[k]) {
                    y = y * 10 + Int(b[k] - 0x30)
                    k += 1
                }
                if k == i + 4 && y > 1990 && y < 2100 { return y }
            }
            i += 1
        }
        return nil
    }

    /// What a money column holds, from the innermost header level that says.
    static func measure(path: [String], kind: TableKind) -> Measure {
        let path = HeaderBuilder.measurePath(path, kind: kind)
        if path.joined().contains("机关运行") { return .other }
        for level in path.reversed() {
            if let m = MeasureVocabulary.measure(of: level, parent: path.count > 1 ? path[path.count - 2] : nil, basicTable: kind == .basicExpenditure) { return m }
        }
        return .other
    }

}

import YusuanCore

extension ValidationRun {
    /// A classification code of `scheme`: digits of a valid length and scheme, at the level a line
    /// item takes (functional 项, economic 款) unless `leaf` is false, known in the year's catalog.
    func code(_ code: String, _ scheme: ClassificationScheme, _ path: String, leaf: Bool = true, origin: String? = nil) {
        let what = scheme.chineseName
        guard !code.isEmpty else {
            add(.missingField, path, "the \(what) code is empty", origin: origin)
            return
        }
        let parsed: ClassificationCode
        do {
            parsed = try ClassificationCode(code)
        } catch {
            switch error {
            case .notDigits: add(.malformedCode, path, "“\(code)” is not a \(what) code (digits only)", origin: origin)
            case .wrongLength(let n): add(.malformedCode, path, "“\(code)” has \(n) digits; a \(what) code has \(lengths(scheme))", origin: origin)
            }
            return
        }
        guard parsed.scheme == scheme else {
            let expected = scheme == .functional ? "2" : scheme == .economicDepartment ? "3" : "5"
            add(.malformedCode, path, "“\(code)” is a \(parsed.scheme.chineseName) code; \(what) codes start with \(expected)", origin: origin)
            return
        }
        if leaf && parsed.level < scheme.maxLevel {
            let want = scheme == .functional ? "项 (7 digits)" : "款 (5 digits)"
            add(.notLeafCode, path, "\(code) is a \(parsed.levelName); line items go on a \(want)", origin: origin)
            return
        }
        let catalog: Catalog?
        switch scheme {
        case .functional: catalog = functional
        case .economicDepartment: catalog = economic
        case .economicGovernment: catalog = government
        }
        guard let catalog, catalog.entry(code) == nil else { return }
        let cls = String(code.prefix(3))
        if catalog.entry(cls) == nil {
            add(.unknownCode, path, "\(code): 类 \(cls) does not exist in the \(catalog.year) \(what)", origin: origin)
        } else {
            add(.uncheckedCode, .warning, path, "\(code) is not in Yusuan's \(catalog.year) \(what) catalog; check it against the official catalog",
                origin: origin)
        }
    }

    func lengths(_ scheme: ClassificationScheme) -> String {
        scheme == .functional ? "3, 5 or 7 (类/款/项)" : "3 or 5 (类/款)"
    }
}

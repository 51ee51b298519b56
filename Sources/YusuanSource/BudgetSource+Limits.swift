import Foundation
import YusuanCore
import YusuanIngest

extension BudgetSource {
    /// Whether the source at `path` is within `limits.maxFileBytes`: the file itself, or each CSV
    /// file of a folder. A file over the cap is logged as unreadable (with its size and the cap)
    /// and the source is not read further.
    static func withinSizeLimit(path: String, format: SourceFormat, log: DecodeLog, limits: InputLimits = .standard) -> Bool {
        var files = [path]
        if format == .csv {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted().map { (path as NSString).appendingPathComponent($0) }
        }
        var ok = true
        for file in files {
            guard let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int,
                  size > limits.maxFileBytes else { continue }
            log.add(.unreadable, at: "", SourcePosition(file: file),
                    "file too large: \(InputLimits.size(size)) (at most \(InputLimits.size(limits.maxFileBytes)))")
            ok = false
        }
        return ok
    }
}

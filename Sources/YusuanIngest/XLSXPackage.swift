import Foundation
import YusuanCore
import ZIPFoundation

/// The zip container of a workbook, read with limits that stop zip bombs: a cap on the bytes
/// inflated in total and on the compression ratio of each large entry, both checked while
/// inflating (so lying headers do not help).
struct XLSXPackage {
    let file: String
    let limits: XLSXLimits
    private let archive: Archive
    private var inflated = 0

    init(_ data: Data, file: String, limits: XLSXLimits) throws(IngestError) {
        self.file = file
        self.limits = limits
        guard data.count >= 4, data.starts(with: [0x50, 0x4B]) else {
            throw IngestError(file: file, message: "not an XLSX workbook: not a zip archive")
        }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw IngestError(file: file, message: "not an XLSX workbook: unreadable zip archive (\(error))")
        }
    }

    /// The entry at `path` (as a zip path, no leading "/"), matched case-insensitively as Excel does.
    func entry(_ path: String) -> Entry? {
        if let e = archive[path] { return e }
        let lower = path.lowercased()
        return archive.first { $0.path.lowercased() == lower || $0.path.replacingOccurrences(of: "\\", with: "/").lowercased() == lower }
    }

    /// The inflated bytes of `path`, or nil when the archive has no such entry.
    mutating func read(_ path: String) throws(IngestError) -> Data? {
        guard let entry = entry(path), entry.type == .file else { return nil }
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        let declared = Int(clamping: entry.uncompressedSize)
        if declared > limits.maxTotalBytes - inflated { throw tooBig(path) }
        if declared > limits.ratioFloor && declared / compressed > limits.maxRatio { throw bomb(path) }
        var out = Data()
        out.reserveCapacity(min(declared, 64 * 1024 * 1024))
        let before = inflated
        var limitHit: IngestError?
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                out.append(chunk)
                let total = before + out.count
                if total > limits.maxTotalBytes {
                    limitHit = tooBig(path)
                } else if out.count > limits.ratioFloor && out.count / compressed > limits.maxRatio {
                    limitHit = bomb(path)
                }
                if limitHit != nil { throw CancellationError() }
            }
        } catch {
            if let limitHit { throw limitHit }
            throw IngestError(file: file, message: "not an XLSX workbook: damaged zip entry \(path) (\(error))")
        }
        inflated = before + out.count
        return out
    }

    private func tooBig(_ path: String) -> IngestError {
        IngestError(file: file, message: "workbook too large: more than \(limits.maxTotalBytes / 1024 / 1024) MB uncompressed (at \(path))")
    }

    private func bomb(_ path: String) -> IngestError {
        IngestError(file: file, message: "refused: \(path) inflates more than \(limits.maxRatio):1 (zip bomb?)")
    }

    /// `target` of a relationship resolved against the folder of the part that declares it.
    static func resolve(_ target: String, relativeTo part: String) -> String {
        let t = target.replacingOccurrences(of: "\\", with: "/")
        var segments: [Substring] = t.hasPrefix("/") ? [] : part.split(separator: "/").dropLast()
        for s in t.split(separator: "/") {
            switch s {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(s)
            }
        }
        return segments.joined(separator: "/")
    }

    /// The relationships part of `part`: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
    static func relsPath(of part: String) -> String {
        var segments = part.split(separator: "/").map(String.init)
        let name = segments.popLast() ?? ""
        return (segments + ["_rels", name + ".rels"]).joined(separator: "/")
    }
}

/// The caps that keep a hostile or broken workbook from exhausting memory or time.
struct XLSXLimits {
    /// Most bytes inflated from one workbook.
    var maxTotalBytes = 200 * 1024 * 1024
    /// Highest uncompressed : compressed ratio allowed for an entry past `ratioFloor` bytes.
    var maxRatio = 200
    /// Entries smaller than this are never ratio-checked (tiny parts compress arbitrarily well).
    var ratioFloor = 1024 * 1024
    /// Most non-empty cells read from one workbook.
    var maxCells = 1_000_000
    /// Most cells (empty padding included) laid out for one workbook.
    var maxEmittedCells = 4_000_000

    static let standard = XLSXLimits()
}

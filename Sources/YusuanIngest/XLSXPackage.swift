import Foundation
import YusuanCore
import ZIPFoundation

/// The zip container of a workbook, read with limits that stop zip bombs: caps on the number of
/// entries, on the bytes inflated from one entry and in total, and on the compression ratio of each
/// large entry. Declared sizes over a cap are refused before inflating; the actual bytes are checked
/// while inflating (so lying headers do not help). Entries are found by `XLSXZipDirectory` and
/// inflated by ZIPFoundation from exactly the bytes they own.
struct XLSXPackage {
    let file: String
    let limits: XLSXLimits
    private let data: Data
    private let directory: XLSXZipDirectory
    private var inflated = 0

    init(_ data: Data, file: String, limits: XLSXLimits) throws(IngestError) {
        self.file = file
        self.limits = limits
        self.data = data
        guard data.count >= 4, data.starts(with: [0x50, 0x4B]) else {
            throw IngestError(file: file, message: "not an XLSX workbook: not a zip archive")
        }
        do {
            directory = try XLSXZipDirectory(data, maxEntries: limits.maxZipEntries)
        } catch {
            switch error {
            case .damaged(let why) where why.hasPrefix("more than"):
                throw IngestError(file: file, message: "refused: the zip archive has \(why)")
            case .damaged(let why):
                throw IngestError(file: file, message: "not an XLSX workbook: unreadable zip archive (\(why))")
            }
        }
    }

    /// The entry at `path` (as a zip path, no leading "/"), matched case-insensitively as Excel does.
    func entry(_ path: String) -> XLSXZipDirectory.Entry? {
        if let e = directory.entries.first(where: { $0.path == path }) { return e }
        let lower = path.lowercased()
        return directory.entries.first { $0.path.lowercased() == lower || $0.path.replacingOccurrences(of: "\\", with: "/").lowercased() == lower }
    }

    /// The inflated bytes of `path`, or nil when the archive has no such entry.
    mutating func read(_ path: String) throws(IngestError) -> Data? {
        guard let entry = entry(path), !entry.isDirectory else { return nil }
        let compressed = max(entry.compressedSize, 1)
        let declared = entry.uncompressedSize
        if declared > limits.maxEntryBytes { throw entryTooBig(path) }
        if declared > limits.maxTotalBytes - inflated { throw tooBig(path) }
        if declared > limits.ratioFloor && declared / compressed > limits.maxRatio { throw bomb(path) }
        let start = data.startIndex + entry.dataOffset
        let owned = data[start..<(start + entry.compressedSize)]
        var out = Data()
        switch entry.method {
        case 0:
            out = Data(owned)
        case 8:
            out.reserveCapacity(min(declared, 64 * 1024 * 1024))
            let before = inflated
            var limitHit: IngestError?
            var checksum: CRC32 = 0
            do {
                // Only the entry's own bytes: asking past them means the stream does not end where it should.
                // Every chunk is `size` bytes long (zero-padded past the entry's end): ZIPFoundation's inflate
                // loop tells zlib a chunk holds `size` bytes whatever it holds, so a short chunk is over-read.
                checksum = try Data.decompress(size: Int64(entry.compressedSize), bufferSize: 64 * 1024, skipCRC32: false, provider: { position, size in
                    let from = Int(position)
                    guard from < owned.count else { throw XLSXZipDirectory.Damage.damaged("the compressed data ends early") }
                    var chunk = Data(owned[(owned.startIndex + from)..<(owned.startIndex + min(from + size, owned.count))])
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                }, consumer: { chunk in
                    out.append(chunk)
                    if out.count > limits.maxEntryBytes {
                        limitHit = entryTooBig(path)
                    } else if before + out.count > limits.maxTotalBytes {
                        limitHit = tooBig(path)
                    } else if out.count > limits.ratioFloor && out.count / compressed > limits.maxRatio {
                        limitHit = bomb(path)
                    }
                    if limitHit != nil { throw CancellationError() }
                })
            } catch {
                if let limitHit { throw limitHit }
                throw IngestError(file: file, message: "not an XLSX workbook: damaged zip entry \(path) (\(error))")
            }
            guard checksum == entry.crc32 else {
                throw IngestError(file: file, message: "not an XLSX workbook: damaged zip entry \(path) (checksum mismatch)")
            }
        default:
            throw IngestError(file: file, message: "not an XLSX workbook: zip entry \(path) uses compression method \(entry.method)")
        }
        if out.count > limits.maxEntryBytes { throw entryTooBig(path) }
        if out.count > limits.maxTotalBytes - inflated { throw tooBig(path) }
        inflated += out.count
        return out
    }

    private func tooBig(_ path: String) -> IngestError {
        IngestError(file: file, message: "workbook too large: more than \(limits.maxTotalBytes / 1024 / 1024) MB uncompressed (at \(path))")
    }

    private func entryTooBig(_ path: String) -> IngestError {
        IngestError(file: file, message: "workbook too large: \(path) inflates to more than \(InputLimits.size(limits.maxEntryBytes))")
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

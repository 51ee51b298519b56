import Foundation
import Testing
@testable import YusuanServer

@Suite("Upload folders left by a killed server")
struct UploadFoldersTests {
    @Test("old upload folders are removed at start; recent ones and other files stay")
    func staleRemoved() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-tmp-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let now = Date()
        func make(_ name: String, age: TimeInterval) throws {
            let folder = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("department: x\n".utf8).write(to: folder.appendingPathComponent("source.yaml"))
            try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-age)], ofItemAtPath: folder.path)
        }
        try make(VersionBuilder.uploadFolderPrefix + "old", age: 7200)
        try make(VersionBuilder.uploadFolderPrefix + "recent", age: 60)
        try make("something-else", age: 7200)
        #expect(VersionBuilder.removeStaleUploads(in: dir, olderThan: 3600, now: now) == 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(Set(left) == [VersionBuilder.uploadFolderPrefix + "recent", "something-else"])
    }
}

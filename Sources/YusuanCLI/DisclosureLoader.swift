import Foundation
import YusuanCore
import YusuanIngest

/// Reads a file of any supported format into a Disclosure.
public enum DisclosureLoader {
    public static func load(path: String) throws(IngestError) -> Disclosure {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IngestError(file: path, message: "cannot read the file (does it exist?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw IngestError(file: path, message: "not UTF-8 text")
        }
        return try Recogniser.recognise(TextReader.read(text, source: path))
    }
}

func printError(_ s: String) {
    FileHandle.standardError.write(Data(("yusuan: " + s + "\n").utf8))
}

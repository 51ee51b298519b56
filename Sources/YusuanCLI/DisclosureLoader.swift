import Foundation
import YusuanCore
import YusuanIngest

/// Reads a file of any supported format into a Disclosure.
public enum DisclosureLoader {
    public static func load(path: String) throws(IngestError) -> Disclosure {
        try Recogniser.recognise(DocumentReader.read(path: path))
    }
}

func printError(_ s: String) {
    FileHandle.standardError.write(Data(("yusuan: " + s + "\n").utf8))
}

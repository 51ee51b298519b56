import Foundation
import Testing
@testable import YusuanServer

@Suite("Multipart parser")
struct MultipartTests {
    let boundary = "XyZ-boundary"

    func body(_ s: String) -> Data { Data(s.replacingOccurrences(of: "\n", with: "\r\n").utf8) }

    @Test("fields and files, with the boundary taken from the Content-Type")
    func parses() throws {
        let b = try Multipart.boundary(contentType: "multipart/form-data; boundary=\"XyZ-boundary\"")
        #expect(b == boundary)
        let parts = try Multipart.parse(body("""
            --XyZ-boundary
            Content-Disposition: form-data; name="_csrf"

            token123
            --XyZ-boundary
            Content-Disposition: form-data; name="source"; filename="a;b \\"c\\".yaml"
            Content-Type: application/x-yaml

            line 1
            --XyZ-boundarY-- not a delimiter
            --XyZ-boundary--

            """), boundary: b)
        #expect(parts.count == 2)
        #expect(parts[0].name == "_csrf" && parts[0].filename == nil)
        #expect(String(decoding: parts[0].body, as: UTF8.self) == "token123")
        #expect(parts[1].filename == "a;b \"c\".yaml")
        #expect(parts[1].contentType == "application/x-yaml")
        #expect(String(decoding: parts[1].body, as: UTF8.self) == "line 1\r\n--XyZ-boundarY-- not a delimiter")
        let form = FormFields.multipart(parts)
        #expect(form["_csrf"] == "token123")
        #expect(form.files.count == 1)
    }

    @Test("binary bodies are kept byte for byte")
    func binary() throws {
        var data = Data("--XyZ-boundary\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n\r\n".utf8)
        let bytes: [UInt8] = [0, 255, 13, 10, 45, 45, 13, 0x50, 0x4B]
        data += Data(bytes)
        data += Data("\r\n--XyZ-boundary--\r\n".utf8)
        let parts = try Multipart.parse(data, boundary: boundary)
        #expect([UInt8](parts[0].body) == bytes)
    }

    @Test("malformed input is refused with a message saying what")
    func refuses() {
        #expect(throws: MultipartError.self) { try Multipart.boundary(contentType: "application/json") }
        #expect(throws: MultipartError.self) { try Multipart.boundary(contentType: "multipart/form-data") }
        #expect(throws: MultipartError.self) { try Multipart.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "a", count: 71)) }
        func message(_ s: String) -> String? {
            do throws(MultipartError) { _ = try Multipart.parse(body(s), boundary: boundary); return nil } catch { return error.message }
        }
        #expect(message("no boundary here")?.contains("does not contain the boundary") == true)
        #expect(message("--XyZ-boundary\nContent-Disposition: form-data; name=\"a\"\n\nunclosed")?.contains("not closed") == true)
        #expect(message("--XyZ-boundary\nContent-Type: text/plain\n\nx\n--XyZ-boundary--")?.contains("no Content-Disposition") == true)
        #expect(message("--XyZ-boundary\nContent-Disposition: form-data\n\nx\n--XyZ-boundary--")?.contains("has no name") == true)
        #expect(message("--XyZ-boundary\nContent-Disposition: attachment; name=\"a\"\n\nx\n--XyZ-boundary--")?.contains("form-data") == true)
        let manyHeaders = "--XyZ-boundary\nContent-Disposition: form-data; name=\"a\"\nX: " + String(repeating: "y", count: 9000) + "\n\nx\n--XyZ-boundary--"
        #expect(message(manyHeaders)?.contains("headers do not end") == true)
        let tooMany = (0...Multipart.maxParts).map { _ in "--XyZ-boundary\nContent-Disposition: form-data; name=\"a\"\n\nx\n" }.joined() + "--XyZ-boundary--"
        #expect(message(tooMany)?.contains("more than") == true)
    }

    @Test("an empty file input is no file")
    func emptyFile() throws {
        let parts = try Multipart.parse(body("--XyZ-boundary\nContent-Disposition: form-data; name=\"source\"; filename=\"\"\n\n\n--XyZ-boundary--"),
                                        boundary: boundary)
        #expect(FormFields.multipart(parts).files.isEmpty)
    }

    @Test("urlencoded forms decode + and percent escapes")
    func urlEncoded() {
        let f = FormFields.urlEncoded("a=1&b=x+y%21&c=%E9%83%A8&d")
        #expect(f["a"] == "1" && f["b"] == "x y!" && f["c"] == "部" && f["d"] == "")
    }
}

import Foundation
import Hummingbird

extension Request {
    /// The whole body, refused with 413 and a clear message when it exceeds `limit` bytes (checked on
    /// Content-Length first, then while reading), and with 408 when it has not all arrived within
    /// `BodyDeadline.timeout` (a client trickling its body is cut off).
    func bodyData(limit: Int) async throws -> Data {
        if let length = headers[.contentLength].flatMap({ Int($0) }), length > limit { throw PortalError.tooLarge(limit: limit) }
        do {
            let buffer = try await BodyDeadline.collect(body, upTo: limit)
            return Data(buffer.readableBytesView)
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            throw PortalError.tooLarge(limit: limit)
        }
    }

    /// The submitted form (urlencoded or multipart), its body capped at `limit` bytes.
    func form(limit: Int) async throws -> FormFields {
        let type = headers[.contentType] ?? ""
        let data = try await bodyData(limit: limit)
        if type.lowercased().hasPrefix("multipart/form-data") {
            do throws(MultipartError) {
                let boundary = try Multipart.boundary(contentType: type)
                return FormFields.multipart(try Multipart.parse(data, boundary: boundary))
            } catch {
                throw PortalError.badRequest(zh: "无法读取上传的表单：\(error.message)", en: "Cannot read the submitted form: \(error.message)")
            }
        }
        return FormFields.urlEncoded(String(decoding: data, as: UTF8.self))
    }
}

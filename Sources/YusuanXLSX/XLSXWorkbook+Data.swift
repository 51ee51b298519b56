import Foundation
import YusuanCore
import YusuanRender

extension XLSXWorkbook {
    /// The workbook as the bytes of an .xlsx file.
    public func data() throws -> Data { try XLSXWorkbookWriter(self).data() }
}

extension DisclosureXLSX {
    /// The disclosure as an .xlsx file: a sheet per table (see `DisclosureXLSX.workbook`).
    public static func write(_ d: Disclosure) throws -> Data { try workbook(d).data() }
}

import Foundation
import ZIPFoundation

/// Zips a workbook's parts with ZIPFoundation, in memory, so that the same parts always give
/// the same bytes: entries in the order given, deflated, each stamped 1980-01-01 00:00:00
/// (the earliest MS-DOS date a zip can hold; ZIPFoundation converts it in UTC, so the time
/// zone does not matter) with permissions 0644.
enum WorkbookArchive {
    /// 1980-01-01T00:00:00Z.
    static let timestamp = Date(timeIntervalSince1970: 315_532_800)

    static func zip(_ parts: [(path: String, data: [UInt8])]) throws(WorkbookError) -> [UInt8] {
        do {
            let archive = try Archive(accessMode: .create)
            for part in parts {
                let data = Data(part.data)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: timestamp, permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw WorkbookError.zip("no archive data") }
            return [UInt8](data)
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError.zip("\(error)")
        }
    }
}

import Foundation
import ZIPFoundation

/// Reads parts out of an `.xlsx` zip archive.
struct XLSXPackage {
    let archive: Archive

    /// A part that must exist.
    func part(_ path: String) throws(ImportError) -> Data {
        guard let data = try optionalPart(path) else {
            throw .corruptWorkbook("缺少 \(path)")
        }
        return data
    }

    /// The most a part read into memory may unpack to. Shared strings for a 50,000-row ledger
    /// are some tens of megabytes; a zip that claims more is refused rather than allowed to
    /// exhaust memory (a zip bomb).
    static let inMemoryPartLimit = 256 * 1_048_576

    /// A part, or nil when the package has none at that path (compared without case as a last
    /// resort: some generators write `xl/SharedStrings.xml`).
    func optionalPart(_ path: String, limit: Int = XLSXPackage.inMemoryPartLimit) throws(ImportError) -> Data? {
        guard let entry = entry(path) else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if data.count + chunk.count > limit { throw TooLarge() }
                data.append(chunk)
            }
        } catch is TooLarge {
            throw .corruptWorkbook("\(path) 解压后超过 \(limit / 1_048_576) MB，不予导入")
        } catch {
            throw .corruptWorkbook("无法解压 \(path)：\(error)")
        }
        return data
    }

    /// Unpacks a part into a file, refusing to write more than `limit` bytes.
    func unpack(_ path: String, to file: URL, limit: Int) throws(ImportError) {
        guard let entry = entry(path) else { throw .corruptWorkbook("缺少 \(path)") }
        guard FileManager.default.createFile(atPath: file.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: file)
        else {
            throw .cannotRead("无法创建临时文件 \(file.path)")
        }
        defer { try? handle.close() }
        var written = 0
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                written += chunk.count
                if written > limit { throw TooLarge() }
                try handle.write(contentsOf: chunk)
            }
        } catch is TooLarge {
            try? FileManager.default.removeItem(at: file)
            throw .corruptWorkbook("工作表超过 \(limit / 1_048_576) MB，不予导入")
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw .corruptWorkbook("无法解压 \(path)：\(error)")
        }
    }

    private struct TooLarge: Error {}

    private func entry(_ path: String) -> Entry? {
        if let entry = archive[path] { return entry }
        let lower = path.lowercased()
        return archive.first { $0.path.lowercased() == lower }
    }
}

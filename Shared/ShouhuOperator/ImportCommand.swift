import ArgumentParser
import Foundation
import ShouhuEvents

/// `shouhu-admin import FILE`: sends a ledger file (CSV in UTF-8 or GB18030, or .xlsx) to
/// intake's `POST /imports` and prints the per-row result.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a ledger file (.csv or .xlsx) into intake and print the per-row result.")

    @Argument(help: "The file: .csv (UTF-8 with or without BOM, or GB18030) or .xlsx (first sheet).")
    var file: String

    func run() async throws {
        let url = URL(filePath: file)
        let data = try Data(contentsOf: url)
        let contentType = url.pathExtension.lowercased() == "xlsx"
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv"
        let (status, body) = await ServiceEndpoints().call(.intake, "POST", "/imports", role: .admin, body: data, contentType: contentType)
        print(String(decoding: body, as: UTF8.self))
        guard (200..<300).contains(status) else {
            print("import failed: HTTP \(status)")
            throw ExitCode(1)
        }
    }
}

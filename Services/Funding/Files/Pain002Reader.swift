import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import FundingDomain

/// Reads the per-payment statuses of an ISO 20022 payment status report (`pain.002`,
/// CustomerPaymentStatusReport): each `TxInfAndSts` with its `OrgnlEndToEndId`, `TxSts`
/// (`ACSC`/`ACCC` paid, `RJCT` failed; other codes are not final and are reported), the
/// reason (`StsRsnInf/Rsn/Cd` and `AddtlInf`) and the amount (`OrgnlTxRef/Amt/InstdAmt`), if
/// given. Any namespace version is accepted: banks differ.
enum Pain002Reader {
    struct FileError: Error {
        var message: String
    }

    static func read(_ data: Data) throws(FileError) -> (lines: [Reconciliation.ResultLine], problems: [ResultsCSV.Problem]) {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else {
            throw FileError(message: "The XML cannot be read (line \(parser.lineNumber)): \(parser.parserError.map { "\($0.localizedDescription)" } ?? "malformed").")
        }
        guard delegate.sawReport else { throw FileError(message: "This is not a payment status report: no CstmrPmtStsRpt element.") }
        guard !delegate.transactions.isEmpty else {
            throw FileError(message: "The report has no per-payment status (TxInfAndSts); nothing can be settled from it.")
        }
        var lines: [Reconciliation.ResultLine] = []
        var problems: [ResultsCSV.Problem] = []
        for (index, tx) in delegate.transactions.enumerated() {
            let number = index + 1
            guard let reference = tx["OrgnlEndToEndId"], !reference.isEmpty else {
                problems.append(.init(line: number, reference: nil, message: "transaction \(number) has no OrgnlEndToEndId"))
                continue
            }
            let code = tx["TxSts"] ?? ""
            guard let outcome = ResultsCSV.outcome(code) else {
                problems.append(.init(line: number, reference: reference, message: "status \"\(code)\" is not final (ACSC, ACCC or RJCT)"))
                continue
            }
            var amount: Int64?
            if let text = tx["InstdAmt"] {
                guard let fen = Yuan.fen(from: Substring(text)) else {
                    problems.append(.init(line: number, reference: reference, message: "amount \"\(text)\" is not yuan with two decimals"))
                    continue
                }
                amount = fen
            }
            let reason = [tx["Cd"], tx["AddtlInf"]].compactMap { $0 }.joined(separator: " ")
            lines.append(.init(line: number, reference: reference, outcome: outcome, reason: reason.isEmpty ? nil : reason, amountFen: amount))
        }
        return (lines, problems)
    }

    /// Collects the text of the few elements it needs inside each `TxInfAndSts`.
    private final class Delegate: NSObject, XMLParserDelegate {
        var transactions: [[String: String]] = []
        var sawReport = false
        private var current: [String: String]?
        private var text = ""
        private var path: [String] = []
        private static let wanted: Set<String> = ["OrgnlEndToEndId", "TxSts", "Cd", "AddtlInf", "InstdAmt"]

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let local = name.split(separator: ":").last.map(String.init) ?? name
            path.append(local)
            text = ""
            if local == "CstmrPmtStsRpt" { sawReport = true }
            if local == "TxInfAndSts" { current = [:] }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let local = path.popLast() ?? name
            if local == "TxInfAndSts", let tx = current {
                transactions.append(tx)
                current = nil
            } else if current != nil, Self.wanted.contains(local) {
                // Only the reason code under StsRsnInf/Rsn, not other codes.
                if local == "Cd" && !(path.suffix(2) == ["StsRsnInf", "Rsn"]) { return }
                if current?[local] == nil { current?[local] = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            }
        }
    }
}

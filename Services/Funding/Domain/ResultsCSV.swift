public import ShouhuEvents

/// Reads a bank's results as CSV: a header row, then one payment per row. The columns are found
/// by name, so the payment file itself, returned with a status column added, reads too.
///
/// | meaning | accepted headers |
/// | --- | --- |
/// | reference (required) | `reference`, `付款参考号`, `参考号`, `EndToEndId` |
/// | status (required) | `status`, `状态`, `结果`: `paid`/`success`/`成功`/`ACSC`/`ACCC` or `failed`/`failure`/`失败`/`RJCT` |
/// | reason | `reason`, `原因`, `失败原因` |
/// | amount in yuan | `amount`, `金额`, `金额(元)`, `金额（元）` |
public enum ResultsCSV {
    /// A line that could not be read as a result; reported, never applied.
    public struct Problem: Sendable, Hashable {
        public var line: Int
        public var reference: String?
        public var message: String

        /// Makes a problem report.
        public init(line: Int, reference: String?, message: String) {
            self.line = line
            self.reference = reference
            self.message = message
        }
    }

    /// Why the whole file cannot be read.
    public struct FileError: Error, Sendable, Hashable {
        public var message: String
    }

    /// The lines read and the lines that could not be.
    public static func read(_ text: String) throws(FileError) -> (lines: [Reconciliation.ResultLine], problems: [Problem]) {
        let records: [(line: Int, fields: [String])]
        do {
            records = try CSVText.records(text)
        } catch {
            throw FileError(message: "A quoted field that starts on line \(error.line) is never closed.")
        }
        guard let header = records.first else { throw FileError(message: "The file is empty.") }
        let names = header.fields.map { $0.trimmingSpaces().lowercased() }
        func column(_ aliases: [String]) -> Int? { names.firstIndex { aliases.contains($0) } }
        guard let referenceColumn = column(["reference", "付款参考号", "参考号", "endtoendid"]) else {
            throw FileError(message: "The header has no reference column (reference or 付款参考号).")
        }
        guard let statusColumn = column(["status", "状态", "结果"]) else {
            throw FileError(message: "The header has no status column (status or 状态).")
        }
        let reasonColumn = column(["reason", "原因", "失败原因"])
        let amountColumn = column(["amount", "金额", "金额(元)", "金额（元）"])

        var lines: [Reconciliation.ResultLine] = []
        var problems: [Problem] = []
        for record in records.dropFirst() {
            func value(_ index: Int?) -> String? {
                guard let index, index < record.fields.count else { return nil }
                let text = record.fields[index].trimmingSpaces()
                return text.isEmpty ? nil : text
            }
            guard let reference = value(referenceColumn) else {
                problems.append(Problem(line: record.line, reference: nil, message: "no reference"))
                continue
            }
            guard let statusText = value(statusColumn), let outcome = outcome(statusText) else {
                problems.append(Problem(line: record.line, reference: reference,
                                        message: "status must be paid or failed (成功/失败), got \"\(value(statusColumn) ?? "")\""))
                continue
            }
            var amount: Int64?
            if let amountText = value(amountColumn) {
                guard let fen = Yuan.fen(from: Substring(amountText)) else {
                    problems.append(Problem(line: record.line, reference: reference,
                                            message: "amount must be yuan with at most two decimals, got \"\(amountText)\""))
                    continue
                }
                amount = fen
            }
            lines.append(.init(line: record.line, reference: reference, outcome: outcome, reason: value(reasonColumn), amountFen: amount))
        }
        return (lines, problems)
    }

    /// Reads a status word, or an ISO 20022 transaction status code.
    public static func outcome(_ text: String) -> DisbursementSettled.Outcome? {
        switch text.lowercased() {
        case "paid", "success", "succeeded", "ok", "成功", "已支付", "acsc", "accc": .paid
        case "failed", "failure", "fail", "失败", "退回", "rjct": .failed
        default: nil
        }
    }
}

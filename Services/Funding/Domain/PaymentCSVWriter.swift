/// Writes a `PaymentOrder` as the CSV a bank's batch-upload portal (批量代发) takes: UTF-8 with a
/// byte-order mark (so Excel opens the Chinese headers correctly), CRLF line ends, one header
/// row, one row per transfer, amounts in yuan with two decimals. A bank that returns this file
/// with a `状态` (and `原因`) column added can be read back by `ResultsCSV`.
public enum PaymentCSVWriter {
    /// The header row.
    public static let header = ["序号", "付款参考号", "收款人", "收款账号", "开户行", "联行号", "金额(元)", "用途"]

    /// The file's bytes, starting with the UTF-8 byte-order mark.
    public static func document(_ order: PaymentOrder) -> [UInt8] {
        var text = header.joined(separator: ",") + "\r\n"
        text.reserveCapacity(order.transfers.count * 160)
        for (index, transfer) in order.transfers.enumerated() {
            let row = [
                String(index + 1), transfer.reference, transfer.holderName, transfer.account, transfer.bankName,
                transfer.bankCode ?? "", Yuan.text(fen: transfer.amountFen), transfer.purpose,
            ]
            text += row.map(CSVText.field).joined(separator: ",") + "\r\n"
        }
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }
}

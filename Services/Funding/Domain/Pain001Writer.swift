/// Writes a `PaymentOrder` as ISO 20022 `pain.001.001.03` (CustomerCreditTransferInitiationV03):
/// one payment information block paying every transfer in CNY from the fund's account, amounts in
/// yuan with two decimals, `NbOfTxs` and `CtrlSum` in both the group header and the block.
/// Accounts are not IBANs, so each is written as `Othr/Id`; a payee bank is named by its CNAPS
/// code (`ClrSysMmbId`, clearing system `CNAPS`) when entered, and by name.
public enum Pain001Writer {
    /// The namespace of the message.
    public static let namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"

    /// The document, UTF-8 text with an XML declaration, ending in a newline.
    public static func document(_ order: PaymentOrder) -> String {
        var xml = ""
        xml.reserveCapacity(600 + order.transfers.count * 720)
        let count = String(order.count)
        let total = Yuan.text(fen: order.totalFen)
        xml += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<Document xmlns=\"\(namespace)\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
        xml += "  <CstmrCdtTrfInitn>\n    <GrpHdr>\n"
        xml += "      <MsgId>\(escaped(order.messageId))</MsgId>\n"
        xml += "      <CreDtTm>\(order.createdAt)</CreDtTm>\n"
        xml += "      <NbOfTxs>\(count)</NbOfTxs>\n      <CtrlSum>\(total)</CtrlSum>\n"
        xml += "      <InitgPty><Nm>\(escaped(clipped(order.debtor.name, 140)))</Nm></InitgPty>\n"
        xml += "    </GrpHdr>\n    <PmtInf>\n"
        xml += "      <PmtInfId>\(escaped(order.paymentInfoId))</PmtInfId>\n      <PmtMtd>TRF</PmtMtd>\n"
        xml += "      <NbOfTxs>\(count)</NbOfTxs>\n      <CtrlSum>\(total)</CtrlSum>\n"
        xml += "      <ReqdExctnDt>\(order.executionDate)</ReqdExctnDt>\n"
        xml += "      <Dbtr><Nm>\(escaped(clipped(order.debtor.name, 140)))</Nm></Dbtr>\n"
        xml += "      <DbtrAcct><Id><Othr><Id>\(escaped(order.debtor.account))</Id></Othr></Id><Ccy>CNY</Ccy></DbtrAcct>\n"
        xml += "      <DbtrAgt>" + agent(bic: order.debtor.bankBIC, code: order.debtor.bankCode, name: order.debtor.bankName) + "</DbtrAgt>\n"
        for transfer in order.transfers {
            xml += "      <CdtTrfTxInf>\n"
            xml += "        <PmtId><EndToEndId>\(escaped(transfer.reference))</EndToEndId></PmtId>\n"
            xml += "        <Amt><InstdAmt Ccy=\"CNY\">\(Yuan.text(fen: transfer.amountFen))</InstdAmt></Amt>\n"
            xml += "        <CdtrAgt>" + agent(bic: nil, code: transfer.bankCode, name: transfer.bankName) + "</CdtrAgt>\n"
            xml += "        <Cdtr><Nm>\(escaped(clipped(transfer.holderName, 140)))</Nm></Cdtr>\n"
            xml += "        <CdtrAcct><Id><Othr><Id>\(escaped(transfer.account))</Id></Othr></Id></CdtrAcct>\n"
            xml += "        <RmtInf><Ustrd>\(escaped(clipped(transfer.purpose, 140)))</Ustrd></RmtInf>\n"
            xml += "      </CdtTrfTxInf>\n"
        }
        xml += "    </PmtInf>\n  </CstmrCdtTrfInitn>\n</Document>\n"
        return xml
    }

    /// A financial institution: BIC, then CNAPS member id, then name, in the schema's order.
    private static func agent(bic: String?, code: String?, name: String?) -> String {
        var parts = "<FinInstnId>"
        if let bic, !bic.isEmpty { parts += "<BIC>\(escaped(bic))</BIC>" }
        if let code, !code.isEmpty {
            parts += "<ClrSysMmbId><ClrSysId><Cd>CNAPS</Cd></ClrSysId><MmbId>\(escaped(code))</MmbId></ClrSysMmbId>"
        }
        if let name, !name.isEmpty { parts += "<Nm>\(escaped(clipped(name, 140)))</Nm>" }
        return parts + "</FinInstnId>"
    }

    /// At most `limit` characters (the schema's MaxNText counts characters).
    static func clipped(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit))
    }

    /// Text with the five XML special characters escaped and control characters dropped.
    static func escaped(_ text: String) -> String {
        guard text.contains(where: { "<>&\"'".contains($0) || $0.asciiValue.map { $0 < 0x20 } == true }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                if let ascii = character.asciiValue, ascii < 0x20 { continue }
                result.append(character)
            }
        }
        return result
    }
}

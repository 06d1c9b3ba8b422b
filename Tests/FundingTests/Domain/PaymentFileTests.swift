import Foundation
import FundingDomain
import ShouhuEvents
import ShouhuTestSupport
import Testing

@Suite("Payment files: pain.001 against the official schema, CSV with a BOM")
struct PaymentFileTests {
    static func order(transfers: Int = 3) -> PaymentOrder {
        PaymentOrder(
            messageId: "SH520330-000007", paymentInfoId: "SH520330-000007-P", createdAt: "2026-09-10T02:00:00Z",
            executionDate: CalendarDate("2026-09-10")!,
            debtor: .init(name: "习水县民政局 救助基金", account: "52050162360800000123", bankName: "中国建设银行习水支行", bankCode: "105703600012"),
            transfers: (1...transfers).map { index in
                PaymentOrder.Transfer(
                    reference: "SH520330-000007-\(String(format: "%06d", index))", amountFen: index == 2 ? 130_000 : 50_005,
                    holderName: index == 3 ? "王<&>\"'三" : "李四", account: "6222021234567890\(index)", bankName: "农村信用社",
                    bankCode: index == 1 ? "402703600017" : nil, purpose: "救助基金 2026-S2 留守儿童补助")
            })
    }

    /// The schema copied into the fixtures from ../shared/data/schemas.
    static var schemaPath: String {
        Bundle.module.url(forResource: "pain.001.001.03", withExtension: "xsd", subdirectory: "Fixtures")!.path
    }

    /// Runs `xmllint --noout --schema` on a document; returns its exit status and messages.
    static func xmllint(_ xml: String) throws -> (status: Int32, output: String) {
        try XMLSchemaCheck.run(Data(xml.utf8), schema: schemaPath)
    }

    @Test("the pain.001 document is valid against pain.001.001.03.xsd (xmllint)")
    func validAgainstSchema() throws {
        let result = try Self.xmllint(Pain001Writer.document(Self.order()))
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("a document the schema refuses is refused, so the check above can fail")
    func validatorCatchesBreakage() throws {
        let broken = Pain001Writer.document(Self.order()).replacingOccurrences(of: "<PmtMtd>TRF</PmtMtd>", with: "<PmtMtd>XXX</PmtMtd>")
        #expect(try Self.xmllint(broken).status != 0)
    }

    @Test("counts and control sums add up in yuan with two decimals, and names are escaped")
    func totals() {
        let xml = Pain001Writer.document(Self.order())
        #expect(xml.components(separatedBy: "<NbOfTxs>3</NbOfTxs>").count == 3)
        #expect(xml.components(separatedBy: "<CtrlSum>2300.10</CtrlSum>").count == 3)
        #expect(xml.contains("<InstdAmt Ccy=\"CNY\">500.05</InstdAmt>"))
        #expect(xml.contains("<InstdAmt Ccy=\"CNY\">1300.00</InstdAmt>"))
        #expect(xml.contains("王&lt;&amp;&gt;&quot;&apos;三"))
        #expect(xml.contains("<MmbId>402703600017</MmbId>"))
    }

    @Test("the same order writes the same bytes")
    func stable() {
        #expect(Pain001Writer.document(Self.order()) == Pain001Writer.document(Self.order()))
        #expect(PaymentCSVWriter.document(Self.order()) == PaymentCSVWriter.document(Self.order()))
    }

    @Test("the CSV starts with a UTF-8 BOM, has a Chinese header and reads back as results")
    func csv() throws {
        let bytes = PaymentCSVWriter.document(Self.order())
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("序号,付款参考号,收款人,收款账号,开户行,联行号,金额(元),用途\r\n"))
        #expect(text.contains("\"王<&>\"\"'三\""))
        let returned = text.replacingOccurrences(of: "用途\r\n", with: "用途,状态\r\n").replacingOccurrences(of: "留守儿童补助\r\n", with: "留守儿童补助,成功\r\n")
        let read = try ResultsCSV.read(returned)
        #expect(read.lines.count == 3)
        #expect(read.lines.allSatisfy { $0.outcome == .paid })
        #expect(read.lines.map(\.amountFen) == [50_005, 130_000, 50_005])
    }

    @Test("account numbers are masked to the first and last four digits")
    func masking() {
        #expect(AccountNumber.masked("6222021234567890123") == "6222***********0123")
        #expect(AccountNumber.normalized("6222 0212-3456 7890") == "6222021234567890")
        #expect(AccountNumber.normalized("6222x") == nil)
    }
}

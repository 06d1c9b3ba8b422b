import Foundation
@testable import Funding
import FundingDomain
import Testing

@Suite("Reading a pain.002 payment status report")
struct Pain002ReaderTests {
    static let report = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
          <CstmrPmtStsRpt>
            <GrpHdr><MsgId>BANK-1</MsgId><CreDtTm>2026-09-12T08:00:00</CreDtTm></GrpHdr>
            <OrgnlGrpInfAndSts><OrgnlMsgId>SH520330-000001</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId></OrgnlGrpInfAndSts>
            <OrgnlPmtInfAndSts>
              <OrgnlPmtInfId>SH520330-000001-P</OrgnlPmtInfId>
              <TxInfAndSts><OrgnlEndToEndId>SH520330-000001-000001</OrgnlEndToEndId><TxSts>ACSC</TxSts>
                <OrgnlTxRef><Amt><InstdAmt Ccy="CNY">500.00</InstdAmt></Amt></OrgnlTxRef></TxInfAndSts>
              <TxInfAndSts><OrgnlEndToEndId>SH520330-000001-000002</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                <StsRsnInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>账户已销户</AddtlInf></StsRsnInf></TxInfAndSts>
              <TxInfAndSts><OrgnlEndToEndId>SH520330-000001-000003</OrgnlEndToEndId><TxSts>PDNG</TxSts></TxInfAndSts>
              <TxInfAndSts><TxSts>ACSC</TxSts></TxInfAndSts>
            </OrgnlPmtInfAndSts>
          </CstmrPmtStsRpt>
        </Document>
        """

    @Test("ACSC is paid, RJCT failed with its reason; a status that is not final or a missing reference is reported")
    func statuses() throws {
        let read = try Pain002Reader.read(Data(Self.report.utf8))
        #expect(read.lines == [
            .init(line: 1, reference: "SH520330-000001-000001", outcome: .paid, reason: nil, amountFen: 50_000),
            .init(line: 2, reference: "SH520330-000001-000002", outcome: .failed, reason: "AC04 账户已销户", amountFen: nil),
        ])
        #expect(read.problems.map(\.line) == [3, 4])
    }

    @Test("a file that is not a status report, or not XML, is refused as a whole")
    func refused() {
        #expect(throws: Pain002Reader.FileError.self) { try Pain002Reader.read(Data("<Document><Other/></Document>".utf8)) }
        #expect(throws: Pain002Reader.FileError.self) { try Pain002Reader.read(Data("reference,status".utf8)) }
    }
}

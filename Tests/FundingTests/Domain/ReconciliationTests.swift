import FundingDomain
import ShouhuEvents
import Testing

@Suite("Reconciling the bank's results")
struct ReconciliationTests {
    static let payments: [String: Reconciliation.Payment] = [
        "R1": .init(amountFen: 50_000, state: .pending),
        "R2": .init(amountFen: 80_000, state: .pending),
        "R3": .init(amountFen: 50_000, state: .settled(.paid)),
        "R4": .init(amountFen: 50_000, state: .settled(.failed)),
        "R5": .init(amountFen: 50_000, state: .dropped),
        "R6": .init(amountFen: 50_000, state: .pending),
        "R7": .init(amountFen: 50_000, state: .pending),
    ]

    @Test("paid and failed lines settle; every other line is reported with why")
    func verdicts() {
        let lines: [Reconciliation.ResultLine] = [
            .init(line: 2, reference: "R1", outcome: .paid),
            .init(line: 3, reference: "R2", outcome: .failed, reason: "账户已销户 account closed"),
            .init(line: 4, reference: "R9", outcome: .paid),
            .init(line: 5, reference: "R1", outcome: .paid),
            .init(line: 6, reference: "R3", outcome: .paid),
            .init(line: 7, reference: "R4", outcome: .paid),
            .init(line: 8, reference: "R5", outcome: .paid),
            .init(line: 9, reference: "R6", outcome: .paid),
            .init(line: 10, reference: "R6", outcome: .failed, reason: "x"),
            .init(line: 11, reference: "R7", outcome: .paid, amountFen: 5_000),
        ]
        let verdicts = Reconciliation.judge(lines, payments: Self.payments).map(\.1)
        #expect(verdicts == [
            .apply(.paid, reason: nil), .apply(.failed, reason: "账户已销户 account closed"), .unknown, .duplicate,
            .alreadySettled, .conflictsWithSettlement(.failed), .notSent, .contradictory, .contradictory,
            .amountMismatch(expectedFen: 50_000),
        ])
    }

    @Test("a failure without a reason gets the stated default, which the event accepts")
    func failureWithoutReason() throws {
        let verdict = Reconciliation.judge([.init(line: 2, reference: "R1", outcome: .failed)], payments: Self.payments)[0].1
        #expect(verdict == .apply(.failed, reason: Reconciliation.unstatedReason))
        let event = DisbursementSettled(batchId: FundingFixtures.childId(1), childId: FundingFixtures.childId(2), amountFen: 1,
                                        outcome: .failed, reason: Reconciliation.unstatedReason)
        #expect(throws: Never.self) { try event.validate() }
    }

    @Test("the CSV reader finds columns by name, in English or Chinese, and reports unreadable lines")
    func csv() throws {
        let text = "\u{FEFF}序号,付款参考号,金额(元),状态,失败原因\r\n1,R1,500.00,成功,\r\n2,R2,800.00,失败,户名不符\r\n3,,1.00,成功,\r\n4,R3,1.00,处理中,\r\n5,R4,1.001,成功,\r\n"
        let read = try ResultsCSV.read(text)
        #expect(read.lines == [
            .init(line: 2, reference: "R1", outcome: .paid, reason: nil, amountFen: 50_000),
            .init(line: 3, reference: "R2", outcome: .failed, reason: "户名不符", amountFen: 80_000),
        ])
        #expect(read.problems.map(\.line) == [4, 5, 6])
        #expect(throws: ResultsCSV.FileError.self) { try ResultsCSV.read("a,b\n1,2\n") }
    }
}

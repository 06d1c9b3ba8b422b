import FundingDomain
import ShouhuEvents
import Testing

@Suite("Four eyes and the re-check at approval")
struct ApprovalReviewTests {
    @Test("the creator may not approve; anyone else may")
    func fourEyes() {
        #expect(throws: ApprovalReview.SameOfficer(officer: "officer-a")) {
            try ApprovalReview.checkFourEyes(creator: "officer-a", approver: "officer-a")
        }
        #expect(throws: Never.self) { try ApprovalReview.checkFourEyes(creator: "officer-a", approver: "officer-b") }
    }

    @Test("a child who exited, aged out, lost the account, no longer qualifies or changed stage drops out with the reason")
    func dropReasons() {
        let policy = FundingPolicy()
        let period = FundingFixtures.autumn
        let day = FundingFixtures.today
        func reason(_ child: FundingChild, amount: Int64 = 50_000, account: Bool = true) -> ExclusionReason? {
            ApprovalReview.dropReason(.init(child: child, draftedAmountFen: amount, hasAccount: account), period: period, on: day, policy: policy)
        }
        #expect(reason(FundingFixtures.child(1)) == nil)
        var exited = FundingFixtures.child(1)
        exited.exitedOn = day.adding(days: -1)
        #expect(reason(exited) == .exited)
        #expect(reason(FundingFixtures.child(2, birthDate: CalendarDate("2008-01-01")!)) == .agedOut)
        #expect(reason(FundingFixtures.child(3), account: false) == .noAccount)
        #expect(reason(FundingFixtures.child(4, flags: [])) == .noLongerEligible)
        #expect(reason(FundingFixtures.child(5, stage: .juniorHigh)) == .standardChanged)
        #expect(reason(FundingFixtures.child(6, stage: .university)) == .standardChanged)
    }
}

import FundingDomain
import ShouhuEvents
import Testing

@Suite("Eligibility rules, each switch on and off")
struct EligibilityTests {
    /// A child who meets exactly one rule, for each rule.
    static func child(meeting rule: EligibilityRule) -> FundingChild {
        switch rule {
        case .singleParent: FundingFixtures.child(1, flags: [.singleParent])
        case .parentDisabledOrIll: FundingFixtures.child(2, flags: [.parentDisabledOrIll])
        case .minimumAllowance: FundingFixtures.child(3, flags: [.minimumAllowance])
        case .keyTier: FundingFixtures.child(4, flags: [], tier: .key)
        }
    }

    @Test("a rule switched on makes its child eligible; switched off, the child is not considered", arguments: EligibilityRule.allCases)
    func toggle(rule: EligibilityRule) {
        let child = Self.child(meeting: rule)
        let on = FundingPolicy(rules: [rule])
        let off = FundingPolicy(rules: Set(EligibilityRule.allCases).subtracting([rule]))
        let standing = Entitlement.Standing(hasAccount: true)
        #expect(Entitlement.decide(child, period: FundingFixtures.autumn, on: FundingFixtures.today, standing: standing, policy: on)
            == .included(amountFen: 50_000, rules: [rule]))
        #expect(Entitlement.decide(child, period: FundingFixtures.autumn, on: FundingFixtures.today, standing: standing, policy: off)
            == .notCandidate(.noRuleMet))
    }

    @Test("the seed's defaults: single-parent and parent disabled or ill on, minimum allowance and key tier off")
    func seedDefaults() {
        #expect(FundingPolicy().rules == [.singleParent, .parentDisabledOrIll])
    }

    @Test("a parent whose ledger status is disabled or ill counts without the family flag")
    func incapableParentStatus() {
        var child = FundingFixtures.child(5, flags: [])
        child.hasIncapableParent = true
        #expect(Entitlement.rulesMet(by: child, policy: FundingPolicy()) == [.parentDisabledOrIll])
    }

    @Test("every rule met is given as the reason for inclusion")
    func allReasons() {
        let child = FundingFixtures.child(6, flags: [.singleParent, .minimumAllowance], tier: .key)
        let policy = FundingPolicy(rules: Set(EligibilityRule.allCases))
        #expect(Entitlement.rulesMet(by: child, policy: policy) == [.singleParent, .minimumAllowance, .keyTier])
    }

    @Test("exclusions: exited, aged out, already paid, in another batch, no account — in that order")
    func exclusions() {
        let policy = FundingPolicy()
        func decide(_ child: FundingChild, _ standing: Entitlement.Standing) -> Entitlement {
            Entitlement.decide(child, period: FundingFixtures.autumn, on: FundingFixtures.today, standing: standing, policy: policy)
        }
        var exited = FundingFixtures.child(1)
        exited.exitedOn = FundingFixtures.today
        exited.exitReason = .movedAway
        #expect(decide(exited, .init(hasAccount: true)) == .excluded(.exited))
        var futureExit = FundingFixtures.child(1)
        futureExit.exitedOn = FundingFixtures.today.adding(days: 1)
        #expect(decide(futureExit, .init(hasAccount: true)) == .included(amountFen: 50_000, rules: [.singleParent]))
        let eighteen = FundingFixtures.child(2, stage: .seniorHigh, birthDate: CalendarDate("2008-09-10")!)
        #expect(decide(eighteen, .init(hasAccount: true)) == .excluded(.agedOut))
        let almost = FundingFixtures.child(2, stage: .seniorHigh, birthDate: CalendarDate("2008-09-11")!)
        #expect(decide(almost, .init(hasAccount: true)) == .included(amountFen: 130_000, rules: [.singleParent]))
        let student = FundingFixtures.child(3, stage: .university, birthDate: CalendarDate("2006-01-01")!)
        #expect(Entitlement.decide(student, period: DisbursementPeriod("2026-09")!, on: FundingFixtures.today,
                                   standing: .init(hasAccount: true), policy: policy) == .included(amountFen: 40_000, rules: [.singleParent]))
        let child = FundingFixtures.child(4)
        #expect(decide(child, .init(hasAccount: true, alreadyPaid: true, inAnotherBatch: true)) == .excluded(.alreadyPaid))
        #expect(decide(child, .init(hasAccount: true, inAnotherBatch: true)) == .excluded(.inAnotherBatch))
        #expect(decide(child, .init(hasAccount: false)) == .excluded(.noAccount))
    }

    @Test("a child registered after the period ended, or only updated so far, is not considered")
    func notConsidered() {
        var late = FundingFixtures.child(1)
        late.registeredOn = CalendarDate("2026-08-01")!
        #expect(Entitlement.decide(late, period: DisbursementPeriod("2026-S1")!, on: FundingFixtures.today,
                                   standing: .init(hasAccount: true), policy: FundingPolicy()) == .notCandidate(.registeredAfterPeriod))
        var stub = FundingChild(childId: FundingFixtures.childId(2))
        stub.familyFlags = [.singleParent]
        #expect(Entitlement.decide(stub, period: FundingFixtures.autumn, on: FundingFixtures.today,
                                   standing: .init(hasAccount: true), policy: FundingPolicy()) == .notCandidate(.notRegistered))
    }
}

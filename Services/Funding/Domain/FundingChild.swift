public import ShouhuEvents

/// What the funding service knows of one child (its projection of intake's and assessment's
/// events): enough to decide an entitlement, price it by stage, and report by township and
/// school.
///
/// Events can arrive twice or out of order, so each field remembers when the event that set it
/// happened (`stamps`, milliseconds since 1970, from the envelope's `occurredAt`) and an older
/// event never overwrites a newer value. An update that arrives before the registration leaves a
/// child that is not yet registered: never a candidate until the registration comes.
public struct FundingChild: Sendable, Hashable {
    /// The child's id, a lowercase UUID.
    public var childId: String
    /// Whether `child.registered` has arrived.
    public var isRegistered: Bool
    /// Name (姓名), for the officers' lists.
    public var name: String?
    /// Date of birth, for the age limit.
    public var birthDate: CalendarDate?
    /// School stage (学段), which prices the entitlement.
    public var schoolStage: SchoolStage?
    /// The school's id, if at school.
    public var schoolId: String?
    /// The 12-digit home village code; its first nine digits are the township.
    public var villageCode: String?
    /// The guardian's name: the payee account's holder unless an officer enters another.
    public var guardianName: String?
    /// Family circumstances (家庭情况).
    public var familyFlags: Set<FamilyFlag>
    /// Whether a parent's status is `disabled_or_ill` in the ledger.
    public var hasIncapableParent: Bool
    /// The day intake registered the child.
    public var registeredOn: CalendarDate?
    /// Why and when the child left the programme, if they did.
    public var exitReason: ExitReason?
    /// The day the child left.
    public var exitedOn: CalendarDate?
    /// The tier of the latest assessment (by assessment day), if assessed.
    public var tier: CareTier?
    /// The day of that assessment.
    public var tierAssessedOn: CalendarDate?
    /// When each field was last set: field name → event time in milliseconds.
    public var stamps: [String: Int64]

    /// A child known only by id (before any event set a field).
    public init(childId: String) {
        self.childId = childId
        isRegistered = false
        familyFlags = []
        hasIncapableParent = false
        stamps = [:]
    }

    /// The nine-digit township of the home village, if known.
    public var townshipCode: String? {
        villageCode.flatMap(DivisionCode.township(of:))
    }

    /// Sets a field through `write` if no newer event set it already; returns whether it did.
    private mutating func set(_ field: String, at time: Int64, _ write: (inout FundingChild) -> Void) {
        if let stamp = stamps[field], stamp > time { return }
        write(&self)
        stamps[field] = time
    }

    /// Applies `child.registered`, which happened at `time`.
    public mutating func apply(_ event: ChildRegistered, at time: Int64) {
        isRegistered = true
        set("name", at: time) { $0.name = event.name }
        set("birthDate", at: time) { $0.birthDate = event.birthDate }
        set("schoolStage", at: time) { $0.schoolStage = event.schoolStage }
        set("schoolId", at: time) { $0.schoolId = event.schoolId }
        set("villageCode", at: time) { $0.villageCode = event.villageCode }
        set("guardian", at: time) { $0.guardianName = event.guardian.name }
        set("parents", at: time) { $0.hasIncapableParent = event.parents.contains { $0.status == .disabledOrIll } }
        set("familyFlags", at: time) { $0.familyFlags = Set(event.familyFlags) }
        set("registeredOn", at: time) { $0.registeredOn = event.registeredOn }
    }

    /// Applies `child.updated`, which happened at `time`: only the fields it lists.
    public mutating func apply(_ event: ChildUpdated, at time: Int64) {
        for field in event.changedFields {
            switch field {
            case .name: if let name = event.name { set("name", at: time) { $0.name = name } }
            case .birthDate: if let date = event.birthDate { set("birthDate", at: time) { $0.birthDate = date } }
            case .schoolStage: if let stage = event.schoolStage { set("schoolStage", at: time) { $0.schoolStage = stage } }
            case .schoolId: set("schoolId", at: time) { $0.schoolId = event.schoolId }
            case .villageCode: if let code = event.villageCode { set("villageCode", at: time) { $0.villageCode = code } }
            case .guardian: if let guardian = event.guardian { set("guardian", at: time) { $0.guardianName = guardian.name } }
            case .parents:
                if let parents = event.parents {
                    set("parents", at: time) { $0.hasIncapableParent = parents.contains { $0.status == .disabledOrIll } }
                }
            case .familyFlags: if let flags = event.familyFlags { set("familyFlags", at: time) { $0.familyFlags = Set(flags) } }
            case .gender, .grade, .className: break
            }
        }
    }

    /// Applies `child.exited`. The first exit recorded stands (exits are never undone here).
    public mutating func apply(_ event: ChildExited) {
        if let exitedOn, exitedOn <= event.on { return }
        exitReason = event.reason
        exitedOn = event.on
    }

    /// Applies `assessment.recorded`, which happened at `time`: the latest assessment by its
    /// day (then by event time) sets the tier.
    public mutating func apply(_ event: AssessmentRecorded, at time: Int64) {
        if let tierAssessedOn, tierAssessedOn > event.assessedOn { return }
        if tierAssessedOn == event.assessedOn, let stamp = stamps["tier"], stamp > time { return }
        tier = event.tier
        tierAssessedOn = event.assessedOn
        stamps["tier"] = time
    }
}

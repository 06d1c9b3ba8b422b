import ShouhuEvents

/// What the assessment service knows of one child, merged from intake's `ChildRegistered`,
/// `ChildUpdated` and `ChildExited` (the guardian, parents, family circumstances, stage, school
/// and village that an assessment rates).
///
/// Events may arrive twice or out of order, so every field remembers the stamp of the event that
/// last set it, and an event only writes a field whose stamp is older than its own. Applying the
/// same events in any order, any number of times, gives the same snapshot: an update that
/// arrives before the registration keeps its newer values; a registration replayed later changes
/// nothing; an exit is never undone by a late update or registration.
public struct ChildSnapshot: Sendable, Hashable, Codable {
    /// The child, a lowercase UUID.
    public let childId: String
    public private(set) var name: String?
    public private(set) var gender: Gender?
    public private(set) var birthDate: CalendarDate?
    public private(set) var schoolStage: SchoolStage?
    public private(set) var schoolId: String?
    public private(set) var grade: String?
    public private(set) var className: String?
    /// The 12-digit village code of the child's home.
    public private(set) var villageCode: String?
    public private(set) var guardian: ChildRegistered.Guardian?
    public private(set) var parents: [ChildRegistered.Parent]?
    public private(set) var familyFlags: [FamilyFlag]?
    /// The day intake registered the child; nil while only updates have arrived.
    public private(set) var registeredOn: CalendarDate?
    /// Why and when the child left the programme, if they did.
    public private(set) var exit: Exit?
    /// The stamp of the event that last set each field (keyed by `ChildUpdated.Field` raw value,
    /// plus `registered` and `exited`).
    public private(set) var stamps: [String: EventStamp]

    /// The child's leaving of the programme (退出).
    public struct Exit: Sendable, Hashable, Codable {
        public let reason: ExitReason
        public let on: CalendarDate
    }

    /// A child nothing is known of yet.
    public init(childId: String) {
        self.childId = childId
        stamps = [:]
    }

    /// Whether `ChildRegistered` has arrived: until then the snapshot may lack its village,
    /// school or guardian, and the child is neither assessed nor counted.
    public var isRegistered: Bool { registeredOn != nil }

    /// Whether the child has left the programme.
    public var hasExited: Bool { exit != nil }

    /// The guardian's relation, if known.
    public var guardianRelation: GuardianRelation? { guardian?.relation }

    /// The nine-digit township of the child's village.
    public var townshipCode: String? { villageCode.flatMap(DivisionCode.township(of:)) }

    // MARK: - Merging events

    /// Merges a registration: every field it carries, where no newer event set the field.
    public mutating func apply(_ event: ChildRegistered, stamp: EventStamp) {
        if take("registered", stamp) { registeredOn = event.registeredOn }
        if take(.name, stamp) { name = event.name }
        if take(.gender, stamp) { gender = event.gender }
        if take(.birthDate, stamp) { birthDate = event.birthDate }
        if take(.schoolStage, stamp) { schoolStage = event.schoolStage }
        if take(.schoolId, stamp) { schoolId = event.schoolId }
        if take(.grade, stamp) { grade = event.grade }
        if take(.className, stamp) { className = event.className }
        if take(.villageCode, stamp) { villageCode = event.villageCode }
        if take(.guardian, stamp) { guardian = event.guardian }
        if take(.parents, stamp) { parents = event.parents }
        if take(.familyFlags, stamp) { familyFlags = event.familyFlags }
    }

    /// Merges an update: each field it lists (a cleared one becomes nil), where no newer event
    /// set the field.
    public mutating func apply(_ event: ChildUpdated, stamp: EventStamp) {
        for field in event.changedFields where take(field, stamp) {
            switch field {
            case .name: name = event.name
            case .gender: gender = event.gender
            case .birthDate: birthDate = event.birthDate
            case .schoolStage: schoolStage = event.schoolStage
            case .schoolId: schoolId = event.schoolId
            case .grade: grade = event.grade
            case .className: className = event.className
            case .villageCode: villageCode = event.villageCode
            case .guardian: guardian = event.guardian
            case .parents: parents = event.parents
            case .familyFlags: familyFlags = event.familyFlags
            }
        }
    }

    /// Merges an exit. Leaving is final: later updates still refresh the ledger fields, but
    /// nothing brings the child back (intake registers a returning child anew). Of two exits the
    /// later one is kept.
    public mutating func apply(_ event: ChildExited, stamp: EventStamp) {
        if take("exited", stamp) { exit = Exit(reason: event.reason, on: event.on) }
    }

    private mutating func take(_ field: ChildUpdated.Field, _ stamp: EventStamp) -> Bool {
        take(field.rawValue, stamp)
    }

    /// Claims a field for `stamp` when no newer (or the same) event has set it.
    private mutating func take(_ key: String, _ stamp: EventStamp) -> Bool {
        if let current = stamps[key], current >= stamp { return false }
        stamps[key] = stamp
        return true
    }
}

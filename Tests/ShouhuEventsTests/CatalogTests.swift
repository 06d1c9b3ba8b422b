import ShouhuEvents
import Testing

/// The catalog against the contract's events table, written out here by hand. One addition to
/// the table in contract.md: notification also consumes `visit.recorded`, to relay a mentor's
/// monthly report to the parents working away (issue 7).
@Suite struct CatalogTests {
    static let contract: [(key: String, producer: ServiceName, consumers: Set<ServiceName>)] = [
        ("child.registered", .intake, [.assessment, .mentoring, .funding, .notification]),
        ("child.updated", .intake, [.assessment, .mentoring, .funding, .notification]),
        ("child.exited", .intake, [.assessment, .mentoring, .funding, .notification]),
        ("assessment.recorded", .assessment, [.mentoring, .funding]),
        ("risk.escalated", .assessment, [.mentoring, .notification]),
        ("reassessment.due", .assessment, [.notification]),
        ("mentor.registered", .mentoring, [.notification]),
        ("mentor.assigned", .mentoring, [.notification]),
        ("mentor.unassigned", .mentoring, [.notification]),
        ("visit.recorded", .mentoring, [.assessment, .notification]),
        ("visit.overdue", .mentoring, [.notification]),
        ("disbursement.approved", .funding, [.notification]),
        ("disbursement.settled", .funding, [.notification]),
    ]

    @Test func routingKeysAreUnique() {
        let keys = EventCatalog.all.map { $0.routingKey }
        #expect(Set(keys).count == keys.count)
        #expect(EventCatalog.duplicateRoutingKeys.isEmpty)
    }

    @Test func catalogMatchesTheContractTable() {
        let catalog = EventCatalog.all
        #expect(catalog.map { $0.routingKey } == Self.contract.map(\.key))
        for (type, row) in zip(catalog, Self.contract) {
            #expect(type.producer == row.producer, "\(row.key)")
            #expect(type.consumers == row.consumers, "\(row.key)")
            #expect(type.version == 1, "\(row.key)")
            #expect(type.supportedVersions == 1...1, "\(row.key)")
            #expect(!type.consumers.contains(type.producer), "\(row.key) is consumed by its producer")
        }
    }

    @Test func swiftTypeNamesAreTheContractsAndKeysAreNotDerivedFromThem() {
        let names = EventCatalog.all.map { String(describing: $0) }
        #expect(names == [
            "ChildRegistered", "ChildUpdated", "ChildExited", "AssessmentRecorded", "RiskEscalated",
            "ReassessmentDue", "MentorRegistered", "MentorAssigned", "MentorUnassigned", "VisitRecorded",
            "VisitOverdue", "DisbursementApproved", "DisbursementSettled",
        ])
    }

    @Test(arguments: ServiceName.allCases)
    func eachServiceBindsTheKeysItConsumes(_ service: ServiceName) {
        let expected = Self.contract.filter { $0.consumers.contains(service) }.map(\.key)
        #expect(EventCatalog.routingKeys(consumedBy: service) == expected)
        let produced = Self.contract.filter { $0.producer == service }.map(\.key)
        #expect(EventCatalog.routingKeys(producedBy: service) == produced)
    }

    @Test func consumerBindingsAreAsTheContractSays() {
        #expect(EventCatalog.routingKeys(consumedBy: .intake) == [])
        #expect(EventCatalog.routingKeys(consumedBy: .assessment) == ["child.registered", "child.updated", "child.exited", "visit.recorded"])
        #expect(EventCatalog.routingKeys(consumedBy: .mentoring) == ["child.registered", "child.updated", "child.exited", "assessment.recorded", "risk.escalated"])
        #expect(EventCatalog.routingKeys(consumedBy: .funding) == ["child.registered", "child.updated", "child.exited", "assessment.recorded"])
        #expect(EventCatalog.routingKeys(consumedBy: .notification).count == 12)
    }

    @Test func lookupByRoutingKey() {
        for type in EventCatalog.all {
            #expect(EventCatalog.type(forRoutingKey: type.routingKey).map(ObjectIdentifier.init) == ObjectIdentifier(type))
        }
        #expect(EventCatalog.type(forRoutingKey: "child.vanished") == nil)
        #expect(EventCatalog.type(forRoutingKey: "ChildRegistered") == nil)
        #expect(EventCatalog.type(forRoutingKey: "") == nil)
    }
}

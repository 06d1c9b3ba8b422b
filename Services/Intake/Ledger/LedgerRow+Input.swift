import IntakeDomain
import IntakeImport

extension LedgerRow {
    /// The row as the same input a form sends to `POST /children`, so a file's rows obey the
    /// form's rules. A parent or guardian with no cell at all is left out, so validation names
    /// what is missing.
    var input: ChildFileInput {
        func value(_ field: LedgerField) -> String? { values[field] }
        func parent(_ role: String, _ status: LedgerField, _ place: LedgerField, _ since: LedgerField,
                    _ phone: LedgerField) -> ChildFileInput.Parent? {
            guard value(status) != nil || value(place) != nil || value(since) != nil || value(phone) != nil else { return nil }
            return ChildFileInput.Parent(role: role, status: value(status), place: value(place), since: value(since),
                                         phone: value(phone))
        }
        let parents = [
            parent("father", .fatherStatus, .fatherPlace, .fatherSince, .fatherPhone),
            parent("mother", .motherStatus, .motherPlace, .motherSince, .motherPhone),
        ].compactMap { $0 }
        let guardianFields: [LedgerField] = [.guardianRelation, .guardianName, .guardianPhone, .guardianAge, .guardianHealth]
        let guardian = guardianFields.contains { value($0) != nil }
            ? ChildFileInput.Guardian(relation: value(.guardianRelation), name: value(.guardianName),
                                      phone: value(.guardianPhone), age: guardianAge, health: value(.guardianHealth))
            : nil
        return ChildFileInput(
            name: value(.name), gender: value(.gender), birthDate: value(.birthDate), idNumber: value(.idNumber),
            schoolStage: value(.schoolStage), schoolId: value(.schoolId), grade: grade, className: value(.className),
            villageCode: value(.villageCode), address: value(.address), parents: parents.isEmpty ? nil : parents,
            guardian: guardian,
            familyFlags: value(.familyFlags).map { $0.split(separator: ",").map(String.init) },
            healthStatus: value(.health), specialNeeds: value(.specialNeeds), studyStatus: value(.studyStatus))
    }

    /// A ledger field as the field path a form's error names (`parents[0].status`).
    static func inputPath(_ field: LedgerField) -> String {
        switch field {
        case .fatherStatus: "parents[0].status"
        case .fatherPlace: "parents[0].place"
        case .fatherSince: "parents[0].since"
        case .fatherPhone: "parents[0].phone"
        case .motherStatus: "parents[1].status"
        case .motherPlace: "parents[1].place"
        case .motherSince: "parents[1].since"
        case .motherPhone: "parents[1].phone"
        case .guardianName: "guardian.name"
        case .guardianRelation: "guardian.relation"
        case .guardianPhone: "guardian.phone"
        case .guardianAge: "guardian.age"
        case .guardianHealth: "guardian.health"
        case .health: "healthStatus"
        default: field.rawValue
        }
    }
}

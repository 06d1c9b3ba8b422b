import IntakeDomain
import ShouhuEvents

extension ChildFile {
    /// The file as it is kept in the `document` column and given back to readers: every field
    /// but the resident ID number, which lives only sealed in its own column.
    var document: ChildFileInput {
        ChildFileInput(
            name: name, gender: gender.rawValue, birthDate: birthDate.description, idNumber: nil,
            schoolStage: schoolStage.rawValue, schoolId: schoolId, grade: grade, className: className,
            villageCode: village.code, address: address,
            parents: parents.map {
                ChildFileInput.Parent(role: $0.role.rawValue, status: $0.status.rawValue, place: $0.place,
                                      since: $0.since?.description, phone: $0.phone?.value)
            },
            guardian: ChildFileInput.Guardian(relation: guardian.relation.rawValue, name: guardian.name,
                                              phone: guardian.phone?.value, age: guardian.age, health: guardian.health),
            familyFlags: familyFlags.map(\.rawValue), healthStatus: healthStatus, specialNeeds: specialNeeds,
            studyStatus: studyStatus)
    }

    /// The guardian as the events carry it.
    var eventGuardian: ChildRegistered.Guardian {
        ChildRegistered.Guardian(relation: guardian.relation, name: guardian.name, phone: guardian.phone?.value)
    }

    /// The parents as the events carry them.
    var eventParents: [ChildRegistered.Parent] {
        parents.map {
            ChildRegistered.Parent(role: $0.role, status: $0.status, place: $0.place, since: $0.since, phone: $0.phone?.value)
        }
    }

    /// The `child.registered` payload: the contract's fields and never the ID number.
    func registeredEvent(childId: String, on day: CalendarDate) -> ChildRegistered {
        ChildRegistered(
            childId: childId, name: name, gender: gender, birthDate: birthDate, schoolStage: schoolStage,
            schoolId: schoolId, grade: grade.map(String.init), className: className, villageCode: village.code,
            guardian: eventGuardian, parents: eventParents, familyFlags: familyFlags, registeredOn: day)
    }

    /// The `child.updated` payload for the fields that differ from `old`, or nil when none of the
    /// fields the event carries changed (an address or a health note, say).
    func updatedEvent(childId: String, from old: ChildFile) -> ChildUpdated? {
        var changed: [ChildUpdated.Field] = []
        var event = ChildUpdated(childId: childId, changed: [])
        if name != old.name { changed.append(.name); event.name = name }
        if gender != old.gender { changed.append(.gender); event.gender = gender }
        if birthDate != old.birthDate { changed.append(.birthDate); event.birthDate = birthDate }
        if schoolStage != old.schoolStage { changed.append(.schoolStage); event.schoolStage = schoolStage }
        if schoolId != old.schoolId { changed.append(.schoolId); event.schoolId = schoolId }
        if grade != old.grade { changed.append(.grade); event.grade = grade.map(String.init) }
        if className != old.className { changed.append(.className); event.className = className }
        if village.code != old.village.code { changed.append(.villageCode); event.villageCode = village.code }
        if eventGuardian != old.eventGuardian { changed.append(.guardian); event.guardian = eventGuardian }
        if eventParents != old.eventParents { changed.append(.parents); event.parents = eventParents }
        if familyFlags != old.familyFlags { changed.append(.familyFlags); event.familyFlags = familyFlags }
        guard !changed.isEmpty else { return nil }
        event.changed = changed.map(\.rawValue)
        return event
    }

    /// Family flags as the `familyFlags` column keeps them, `,orphan,single_parent,`, so a report
    /// counts one flag with `instr`.
    var flagsColumn: String {
        "," + familyFlags.map(\.rawValue).joined(separator: ",") + (familyFlags.isEmpty ? "" : ",")
    }
}

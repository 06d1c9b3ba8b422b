import GRDB
import MentoringDomain
import ShouhuEvents
import ShouhuService

extension MentoringStore {
    /// Pairs a mentor with a child by hand (an officer's decision): the child must be in the
    /// programme, the mentor active, not already paired with the child, and with room unless the
    /// officer says to go over capacity.
    func pairByHand(child childId: String, mentorId: String, allowOverCapacity: Bool, in change: Change) throws
        -> CurrentPairing
    {
        guard var child = try ChildRecord.fetch(childId, change.db) else { throw APIError.notFound("No child \(childId).") }
        guard child.isActive else {
            throw APIError.unprocessable("The child has left the programme.", code: "child_exited")
        }
        guard let mentor = try MentorRecord.fetch(mentorId, change.db) else {
            throw APIError.unprocessable("No mentor \(mentorId).", code: "unknown_mentor", field: "mentorId")
        }
        guard mentor.active else {
            throw APIError.unprocessable("The mentor is deactivated.", code: "mentor_inactive", field: "mentorId")
        }
        var current = try Self.currentPairings(of: childId, change.db)
        guard !current.contains(where: { $0.mentorId == mentorId }) else {
            throw APIError.conflict("The mentor is already paired with this child.", code: "already_paired", field: "mentorId")
        }
        guard allowOverCapacity || mentor.caseload < mentor.capacity else {
            throw APIError.unprocessable(
                "The mentor has \(mentor.caseload) of \(mentor.capacity) children; set allowOverCapacity to pair anyway.",
                code: "mentor_at_capacity", field: "mentorId")
        }
        try insertPairing(child: childId, mentorId: mentorId, role: mentor.role, source: "by_hand", in: change)
        let pairing = CurrentPairing(mentorId: mentorId, role: mentor.role, source: "by_hand", startedOn: change.today)
        current.append(pairing)
        let roles = current.map(\.role)
        try change.emit(MentorAssigned(childId: childId, mentorId: mentorId, role: mentor.role, pairing: PairingPlanner.kind(of: roles)))
        try recordNeeds(of: &child, roles: roles, in: change)
        try refreshObligations(of: child, reason: "pairing_changed", in: change)
        return pairing
    }

    /// Ends a pairing by hand with a reason code, then fills any gap it leaves from other
    /// mentors (never the one just unpaired): a child is not left without a mentor silently.
    func unpairByHand(child childId: String, mentorId: String, reason: String, note: String?, in change: Change) throws {
        guard try ChildRecord.fetch(childId, change.db) != nil else { throw APIError.notFound("No child \(childId).") }
        guard try endPairing(child: childId, mentorId: mentorId, reason: reason, note: note, in: change) else {
            throw APIError.notFound("The mentor is not paired with this child.", code: "not_paired")
        }
        try settlePairing(of: childId, excluding: [mentorId], reason: "pairing_changed", in: change)
    }
}

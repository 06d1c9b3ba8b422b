import Foundation
import ShouhuEvents

/// What a mentor paired after a child's risk rose must still hear. Mentoring pairs a key-tier
/// child in answer to the assessment, so the escalation usually reaches this service before the
/// pairing does, when the child has no mentor to tell yet. The mentor paired next gets the
/// child's latest escalation as if they had been paired already (urgent on every channel), as
/// long as it is recent; the officers who heard of it then are not told again.
public struct NewMentorBriefing: Sendable, Hashable {
    /// How old an escalation may be and still be passed on to a new mentor.
    public var window: TimeInterval

    public init(windowDays: Int = 30) {
        window = TimeInterval(windowDays) * 86_400
    }

    /// Whether an escalation that happened at `escalatedAt` is passed on to a mentor paired at `now`.
    public func passesOn(escalatedAt: Date, now: Date) -> Bool {
        escalatedAt <= now.addingTimeInterval(60) && now.timeIntervalSince(escalatedAt) <= window
    }
}

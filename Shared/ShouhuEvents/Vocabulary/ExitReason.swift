/// Why a child left the programme (退出). Exits are recorded, never deleted.
public enum ExitReason: String, Codable, Sendable, CaseIterable, Hashable {
    /// Reached the county's age limit.
    case agedOut = "aged_out"
    /// A parent came home and can guard the child.
    case parentReturned = "parent_returned"
    /// Moved out of the county.
    case movedAway = "moved_away"
    case deceased
    case other
}

/// Written and read by the fast codec as its raw value.
extension ExitReason: WireStringEnum {}

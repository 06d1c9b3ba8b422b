import ShouhuEvents

/// Which notices cannot wait (紧急): a rise to care level 4 (the highest) or a harm level of 1
/// or 2 (the most severe). Urgent notices go out on every channel at once, ignore quiet hours,
/// and reach the township officer too.
public enum Urgency {
    /// Whether an escalation is urgent.
    public static func isUrgent(_ escalation: RiskEscalated) -> Bool {
        if escalation.toCareLevel >= 4 { return true }
        if let harm = escalation.toHarmLevel, (1...2).contains(harm) { return true }
        return false
    }
}

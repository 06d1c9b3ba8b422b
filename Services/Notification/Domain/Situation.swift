/// What happened, from the point of view of who must hear: the kind of notice, the message to
/// render, the child (if any) and their mentors, and whether it is urgent.
public struct Situation: Sendable, Hashable {
    public var kind: NoticeKind
    public var template: TemplateKey
    public var values: [String: String]
    public var child: ChildFacts?
    public var childId: String?
    /// The mentors who hear of it directly (a child's mentors, or the one mentor paired/unpaired).
    public var mentors: [MentorFacts]
    /// The parents who hear of it directly (the monthly report), by SMS.
    public var parents: [ParentFacts]
    public var urgent: Bool

    public init(kind: NoticeKind, template: TemplateKey, values: [String: String], child: ChildFacts?,
                childId: String?, mentors: [MentorFacts], parents: [ParentFacts] = [], urgent: Bool = false) {
        self.kind = kind
        self.template = template
        self.values = values
        self.child = child
        self.childId = childId
        self.mentors = mentors
        self.parents = parents
        self.urgent = urgent
    }
}

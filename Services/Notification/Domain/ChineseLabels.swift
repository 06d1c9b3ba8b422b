import ShouhuEvents

/// The words an officer reads in a message for the codes events carry.
public enum ChineseLabels {
    /// `6月21日`: short enough for an SMS; the year is clear from context.
    public static func date(_ date: CalendarDate) -> String { "\(date.month)月\(date.day)日" }

    /// Fen as yuan with two decimals, e.g. 123456 → `1234.56`.
    public static func yuan(_ fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    public static func exitReason(_ reason: ExitReason) -> String {
        switch reason {
        case .agedOut: "年满十六周岁"
        case .parentReturned: "父母返乡"
        case .movedAway: "迁出本县"
        case .deceased: "死亡"
        case .other: "其他原因"
        }
    }

    public static func obligation(_ obligation: Obligation) -> String {
        switch obligation {
        case .homeVisit: "入户走访"
        case .parentReport: "向父母通报情况"
        case .termCheck: "学期核查"
        }
    }

    public static func pairing(_ pairing: PairingKind) -> String {
        switch pairing {
        case .oneOnOne: "一对一"
        case .twoOnOne: "二对一"
        case .manyOnOne: "多对一"
        }
    }

    public static func reassessment(_ why: ReassessmentDue.Reason) -> String {
        switch why {
        case .term: "学期复评"
        case .incident: "走访发现问题"
        }
    }

    public static func unassignment(_ reason: String) -> String {
        switch MentorUnassigned.KnownReason(rawValue: reason) {
        case .childExited: "儿童退出关爱名单"
        case .mentorDeactivated: "帮扶人已停用"
        case .byHand: "人工调整"
        case .capacity: "帮扶人名额已满"
        case .tierChanged: "关爱等级调整"
        case nil: "其他原因"
        }
    }

    public static func field(_ field: ChildUpdated.Field) -> String {
        switch field {
        case .name: "姓名"
        case .gender: "性别"
        case .birthDate: "出生日期"
        case .schoolStage: "学段"
        case .schoolId: "学校"
        case .grade: "年级"
        case .className: "班级"
        case .villageCode: "所在村"
        case .guardian: "监护人"
        case .parents: "父母"
        case .familyFlags: "家庭情况"
        }
    }

    /// How a child is named when the directory has not heard of them yet (events can arrive
    /// before the registration): never an ID number, only the start of the system's own id.
    public static func unknownChild(_ childId: String) -> String { "儿童(编号\(childId.prefix(8)))" }
}

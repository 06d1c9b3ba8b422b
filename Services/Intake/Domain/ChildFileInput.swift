import Foundation

/// A child's file (一人一档) as a request or an import row gives it, before validation: what the
/// HTTP layer decodes `POST /children` into. Every field is optional and every choice is a plain
/// string, so a missing field or an unknown value becomes a clear `FieldProblem` from
/// `ChildFileValidation` rather than a decoding error. JSON keys are the property names.
///
/// The fields follow seed 000 篇二 ("留守人数、姓名、监护人情况、父母动态、学习状况") and seed 003 篇一
/// ("姓名、性别、年龄、班级、家庭住址、父母务工情况、监护人信息及联系方式、健康状况、学习成绩、特殊需求").
///
/// `description`, `debugDescription` and the mirror mask `idNumber`, so logging a request cannot
/// leak the number.
public struct ChildFileInput: Codable, Sendable, Hashable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    /// One parent as given (父母动态).
    public struct Parent: Codable, Sendable, Hashable {
        /// `father` or `mother`.
        public var role: String?
        /// `working_away`, `at_home`, `deceased`, `disabled_or_ill` or `unknown`.
        public var status: String?
        /// Where a parent working away works (务工地点), e.g. 广东省东莞市.
        public var place: String?
        /// `YYYY-MM-DD`: since when the status holds; for a parent working away, the day they
        /// left (required then).
        public var since: String?
        /// The parent's phone.
        public var phone: String?

        /// Makes a parent entry.
        public init(
            role: String? = nil, status: String? = nil, place: String? = nil, since: String? = nil,
            phone: String? = nil
        ) {
            self.role = role
            self.status = status
            self.place = place
            self.since = since
            self.phone = phone
        }
    }

    /// The guardian as given (监护人情况).
    public struct Guardian: Codable, Sendable, Hashable {
        /// `grandparent`, `other_relative`, `parent`, `designated` or `none`.
        public var relation: String?
        /// The guardian's name; required unless the relation is `none`.
        public var name: String?
        /// The guardian's phone.
        public var phone: String?
        /// The guardian's age in years.
        public var age: Int?
        /// Health and capacity to guard, in words (身体状况).
        public var health: String?

        /// Makes a guardian entry.
        public init(
            relation: String? = nil, name: String? = nil, phone: String? = nil, age: Int? = nil,
            health: String? = nil
        ) {
            self.relation = relation
            self.name = name
            self.phone = phone
            self.age = age
            self.health = health
        }
    }

    /// The child's name (姓名), 1–50 characters.
    public var name: String?
    /// `male` or `female` (性别).
    public var gender: String?
    /// `YYYY-MM-DD` (出生日期).
    public var birthDate: String?
    /// The resident ID number (居民身份证号码), optional: not every child's is known at intake.
    public var idNumber: String?
    /// `preschool`, `primary`, `junior_high`, `senior_high`, `vocational`, `university` or
    /// `not_in_school` (学段).
    public var schoolStage: String?
    /// The school's identifier (学校).
    public var schoolId: String?
    /// Year of schooling counted from the first year of primary school, 1–12 (年级: 初一 = 7,
    /// 高一 = 10).
    public var grade: Int?
    /// The class (班级), e.g. `3班`.
    public var className: String?
    /// The 12-digit code of the home's village (村级区划代码).
    public var villageCode: String?
    /// The home address in words (家庭住址).
    public var address: String?
    /// Father and mother, one entry each.
    public var parents: [Parent]?
    /// The guardian.
    public var guardian: Guardian?
    /// Family circumstances (家庭情况): `single_parent`, `parent_disabled_or_ill`, `orphan`,
    /// `minimum_allowance`, `poverty_registered`.
    public var familyFlags: [String]?
    /// Health (健康状况), in words.
    public var healthStatus: String?
    /// Special needs (特殊需求), in words.
    public var specialNeeds: String?
    /// Study status (学习状况), in words.
    public var studyStatus: String?

    /// Makes an input; every field defaults to absent.
    public init(
        name: String? = nil, gender: String? = nil, birthDate: String? = nil, idNumber: String? = nil,
        schoolStage: String? = nil, schoolId: String? = nil, grade: Int? = nil, className: String? = nil,
        villageCode: String? = nil, address: String? = nil, parents: [Parent]? = nil,
        guardian: Guardian? = nil, familyFlags: [String]? = nil, healthStatus: String? = nil,
        specialNeeds: String? = nil, studyStatus: String? = nil
    ) {
        self.name = name
        self.gender = gender
        self.birthDate = birthDate
        self.idNumber = idNumber
        self.schoolStage = schoolStage
        self.schoolId = schoolId
        self.grade = grade
        self.className = className
        self.villageCode = villageCode
        self.address = address
        self.parents = parents
        self.guardian = guardian
        self.familyFlags = familyFlags
        self.healthStatus = healthStatus
        self.specialNeeds = specialNeeds
        self.studyStatus = studyStatus
    }

    /// `idNumber` as it may be shown: the first 6 and last 4 characters of what was typed, the
    /// rest starred; fewer than 10 characters are starred entirely.
    public var maskedIDNumber: String? {
        guard let idNumber else { return nil }
        let characters = Array(idNumber.trimmedWhitespace)
        guard characters.count >= 10 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(6)) + String(repeating: "*", count: characters.count - 10)
            + String(characters.suffix(4))
    }

    /// A mirror with `idNumber` masked, so `dump` cannot leak it.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "name": name as Any, "gender": gender as Any, "birthDate": birthDate as Any,
                "idNumber": maskedIDNumber as Any, "schoolStage": schoolStage as Any,
                "schoolId": schoolId as Any, "grade": grade as Any, "className": className as Any,
                "villageCode": villageCode as Any, "address": address as Any, "parents": parents as Any,
                "guardian": guardian as Any, "familyFlags": familyFlags as Any,
                "healthStatus": healthStatus as Any, "specialNeeds": specialNeeds as Any,
                "studyStatus": studyStatus as Any,
            ],
            displayStyle: .struct)
    }

    /// The fields that are present, with `idNumber` masked.
    public var description: String {
        let present = customMirror.children.compactMap { child -> String? in
            guard let label = child.label else { return nil }
            let mirror = Mirror(reflecting: child.value)
            guard mirror.displayStyle != .optional || !mirror.children.isEmpty else { return nil }
            let value = mirror.displayStyle == .optional ? mirror.children.first!.value : child.value
            return "\(label): \(value)"
        }
        return "ChildFileInput(" + present.joined(separator: ", ") + ")"
    }

    /// Same as `description`.
    public var debugDescription: String { description }
}

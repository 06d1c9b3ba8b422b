import Foundation
import IntakeDomain
import ShouhuEvents

/// The demo county: the default county 520330 (习水县) with its 26 real townships, a village
/// list under them that is demo data (names marked 示范), a few schools, generated children with
/// varied circumstances, mentors, and the assessment each child is given. Deterministic: the
/// same seed gives the same county, so loading it twice creates nothing twice.
struct DemoCounty {
    /// A demo village: a 12-digit code under a real township, and a name marked as demo data.
    struct Village: Encodable, Equatable {
        var code: String
        var name: String
        var townshipCode: String
    }

    /// A demo school in a township.
    struct School: Encodable, Equatable {
        var id: String
        var name: String
        var stage: SchoolStage
        var townshipCode: String
    }

    /// A mentor as `POST /mentors` takes one.
    struct Mentor: Encodable, Equatable {
        var name: String
        var role: String
        var schoolId: String?
        var divisionCode: String?
        var phone: String
        var email: String?
    }

    /// The ratings a demo assessor records for a child.
    struct Assessment: Encodable, Equatable {
        var harmLevel: Int?
        var guardianRating: String
        var scores: [String: Int]
    }

    /// One generated child: the file `POST /children` takes, and the assessment to record.
    struct Child {
        var file: ChildFileInput
        var assessment: Assessment
    }

    var countyCode: String
    var villages: [Village]
    var schools: [School]
    var children: [Child]
    var mentors: [Mentor]

    private static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘")
    private static let givenNames = ["子涵", "浩然", "欣怡", "宇轩", "梓萱", "俊杰", "思琪", "明轩", "雨桐", "嘉怡",
                                     "文博", "佳琪", "天佑", "诗涵", "志强", "静怡", "家豪", "紫涵", "一鸣", "雅婷"]
    private static let villageNames = ["红旗", "新华", "和平", "光明", "团结", "幸福", "青山", "石桥", "河坝", "大坪"]
    private static let workPlaces = ["广东省东莞市", "浙江省宁波市", "福建省泉州市", "江苏省苏州市", "上海市", "贵州省贵阳市"]

    /// Generates the county.
    /// - Parameters:
    ///   - childCount: how many children (a few hundred for the demo).
    ///   - today: the survey's reference date in county time; ages and "since" dates follow it.
    static func make(childCount: Int, today: CalendarDate, seed: UInt64 = 520_330) -> DemoCounty {
        var random = SeededRandom(seed: seed)
        let townships = Xishui.townships
        var villages: [Village] = []
        for township in townships {
            let count = Int.random(in: 3...5, using: &random)
            for index in 1...count {
                let name = villageNames[(index + villages.count) % villageNames.count]
                villages.append(Village(code: township.code + String(format: "%03d", 200 + index),
                                        name: "\(name)村(示范)", townshipCode: township.code))
            }
        }
        // As in a real county: a central primary school in every township, a junior high in every
        // other one (the next township's pupils go there too), one senior high in the county seat.
        var schools: [School] = []
        for (index, township) in townships.enumerated() {
            schools.append(School(id: "demo-p-\(township.code)", name: "\(township.name)中心小学(示范)",
                                  stage: .primary, townshipCode: township.code))
            if index % 2 == 0 {
                schools.append(School(id: "demo-j-\(township.code)", name: "\(township.name)中学(示范)",
                                      stage: .juniorHigh, townshipCode: township.code))
            }
        }
        schools.append(School(id: "demo-s-520330", name: "习水县第一高级中学(示范)", stage: .seniorHigh,
                              townshipCode: townships[0].code))

        var children: [Child] = []
        for serial in 0..<childCount {
            children.append(child(serial: serial, villages: villages, schools: schools, today: today, random: &random))
        }
        // Enough mentors, near enough, for nearly every child: a key-tier child needs a teacher
        // from its school and a cadre from its township (two children each, domain.md's default).
        var mentors: [Mentor] = []
        for school in schools {
            let teachers = switch school.stage { case .primary: 5; case .juniorHigh: 6; default: 8 }
            for index in 1...teachers {
                mentors.append(Mentor(name: personName(&random) + "老师", role: "teacher", schoolId: school.id, divisionCode: nil,
                                      phone: phone(&random), email: "teacher\(index).\(school.id)@demo.shouhu.local"))
            }
        }
        for township in townships {
            for _ in 1...5 {
                mentors.append(Mentor(name: personName(&random), role: "cadre", schoolId: nil, divisionCode: township.code,
                                      phone: phone(&random), email: nil))
            }
        }
        return DemoCounty(countyCode: Xishui.county.code, villages: villages, schools: schools, children: children,
                          mentors: mentors)
    }

    /// The date the demo county is generated for: the first of January of `today`'s year, so that
    /// every load within a year generates the same children (ages and dates follow it).
    static func referenceDate(for today: CalendarDate) -> CalendarDate {
        CalendarDate(year: today.year, month: 1, day: 1)!
    }

    /// The village list as the CSV an operator imports (`code,name,townshipCode`).
    var villagesCSV: String {
        "code,name,townshipCode\n" + villages.map { "\($0.code),\($0.name),\($0.townshipCode)" }.joined(separator: "\n") + "\n"
    }

    private static func child(serial: Int, villages: [Village], schools: [School], today: CalendarDate,
                              random: inout SeededRandom) -> Child {
        let village = villages[Int.random(in: 0..<villages.count, using: &random)]
        let gender: Gender = random.chance(50) ? .male : .female
        let age = random.weighted([(7, 3), (8, 3), (9, 3), (10, 3), (11, 3), (12, 2), (13, 2), (14, 2), (15, 1), (16, 1)])
        let birth = today.adding(months: -(age * 12 + Int.random(in: 1...11, using: &random)))
            .adding(days: -Int.random(in: 0...27, using: &random))
        let stage: SchoolStage = age <= 12 ? .primary : age <= 15 ? .juniorHigh : .seniorHigh
        // The school of the child's stage in its township, else in the township before it in the
        // list (junior highs serve two townships), else the county's one (senior high).
        let township = village.townshipCode
        let position = Xishui.townships.firstIndex { $0.code == township } ?? 0
        let neighbour = Xishui.townships[position - position % 2].code
        let school = schools.first { $0.stage == stage && $0.townshipCode == township }
            ?? schools.first { $0.stage == stage && $0.townshipCode == neighbour }
            ?? schools.first { $0.stage == stage }!
        let surname = String(surnames[Int.random(in: 0..<surnames.count, using: &random)])

        // Circumstances, in roughly the proportions the seeds describe: most children live with
        // grandparents while both parents work away; some have a parent at home who is ill or
        // disabled; a few have no guardian at all.
        let situation = random.weighted([("both_away", 70), ("one_ill", 12), ("other_relative", 8), ("no_guardian", 4),
                                         ("designated", 6)])
        let since = today.adding(months: -Int.random(in: 4...60, using: &random))
        func away(_ role: String) -> ChildFileInput.Parent {
            ChildFileInput.Parent(role: role, status: "working_away", place: workPlaces[Int.random(in: 0..<workPlaces.count, using: &random)],
                                  since: since.description, phone: phone(&random))
        }
        var parents = [away("father"), away("mother")]
        var flags: [String] = []
        var relation = "grandparent"
        switch situation {
        case "one_ill":
            // One parent away, the other at home but unable to guard: counted by the county's
            // one-parent-incapable rule (domain.md), on by default.
            parents[1] = ChildFileInput.Parent(role: "mother", status: "disabled_or_ill", phone: phone(&random))
            flags.append("parent_disabled_or_ill")
        case "other_relative":
            relation = "other_relative"
        case "no_guardian":
            relation = "none"
        case "designated":
            relation = "designated"
        default:
            break
        }
        if random.chance(20) { flags.append("minimum_allowance") }
        if random.chance(10) { flags.append("poverty_registered") }
        let guardian = relation == "none" ? ChildFileInput.Guardian(relation: "none") : ChildFileInput.Guardian(
            relation: relation, name: surname + (relation == "grandparent" ? "奶奶" : "阿姨"), phone: phone(&random),
            age: relation == "grandparent" ? Int.random(in: 58...80, using: &random) : Int.random(in: 30...55, using: &random),
            health: random.chance(25) ? "体弱多病" : "健康")
        let file = ChildFileInput(
            name: surname + givenNames[Int.random(in: 0..<givenNames.count, using: &random)],
            gender: gender.rawValue, birthDate: birth.description,
            idNumber: DemoResidentID.make(area: Xishui.county.code, birthDate: birth, serial: serial, gender: gender),
            schoolStage: stage.rawValue, schoolId: school.id, grade: min(max(age - 6, 1), 12), className: "\(Int.random(in: 1...3, using: &random))班",
            villageCode: village.code, address: "\(village.name)\(Int.random(in: 1...12, using: &random))组",
            parents: parents, guardian: guardian, familyFlags: flags.isEmpty ? nil : flags,
            healthStatus: random.chance(10) ? "需要关注" : "健康", specialNeeds: nil,
            studyStatus: random.weighted([("良好", 5), ("一般", 4), ("困难", 2)]))

        // The assessor's view follows the circumstances: no guardian or a poor one rates worst.
        let harm: Int? = situation == "no_guardian" ? 2 : random.weighted([(nil, 80), (4, 10), (3, 7), (2, 3)])
        let rating = situation == "no_guardian" ? "poor" : random.weighted([("good", 55), ("fair", 35), ("poor", 10)])
        let scores = ["psychology", "physicalHealth", "studies", "guardianship", "safetyAndLiving"].reduce(into: [String: Int]()) {
            $0[$1] = random.weighted([(1, 4), (2, 4), (3, 2), (4, 1)])
        }
        return Child(file: file, assessment: Assessment(harmLevel: harm, guardianRating: rating, scores: scores))
    }

    private static func personName(_ random: inout SeededRandom) -> String {
        String(surnames[Int.random(in: 0..<surnames.count, using: &random)]) + givenNames[Int.random(in: 0..<givenNames.count, using: &random)]
    }

    private static func phone(_ random: inout SeededRandom) -> String {
        "13" + String(Int.random(in: 0...9, using: &random)) + String(format: "%08d", Int.random(in: 0...99_999_999, using: &random))
    }
}

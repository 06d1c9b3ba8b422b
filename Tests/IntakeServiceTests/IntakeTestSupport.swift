import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Intake
import ShouhuEvents
import ShouhuService
import ShouhuServiceTestSupport

/// Children, files and lookups the intake service tests share.
enum Sample {
    /// 土城镇 (520330101) and a village in it.
    static let township = "520330101"
    static let village = "520330101201"
    static let otherVillage = "520330102203"
    static let school = "xs-tucheng-primary"

    /// A resident ID number with its check character computed here, independently of the code
    /// under test (ISO 7064 MOD 11-2, weights 2^(17-i) mod 11).
    static func idNumber(birth: CalendarDate, sequence: Int = 123, division: String = "520330") -> String {
        let digits = String(format: "%04d%02d%02d", birth.year, birth.month, birth.day)
        let body = division + digits + String(format: "%03d", sequence)
        var sum = 0
        for (index, character) in body.enumerated() { sum += Int(String(character))! * ((1 << (17 - index)) % 11) }
        return body + String(Array("10X98765432")[sum % 11])
    }

    /// A left-behind child's file as a form sends it: both parents away for a year. An odd
    /// sequence number makes the ID number male, as the file says.
    static func child(name: String = "王小明", today: CalendarDate, birth: CalendarDate? = nil, id: Bool = true,
                      sequence: Int = 123, village: String = Sample.village, school: String = Sample.school) -> [String: Any] {
        let birth = birth ?? today.adding(days: -9 * 365)
        let since = today.adding(days: -365).description
        var file: [String: Any] = [
            "name": name, "gender": "male", "birthDate": birth.description, "schoolStage": "primary",
            "schoolId": school, "grade": 3, "className": "2班", "villageCode": village, "address": "土城镇青龙村二组",
            "parents": [
                ["role": "father", "status": "working_away", "place": "浙江宁波", "since": since, "phone": "13800138000"],
                ["role": "mother", "status": "working_away", "place": "广东东莞", "since": since, "phone": "13900139000"],
            ],
            "guardian": ["relation": "grandparent", "name": "王德福", "phone": "13700137000", "age": 67],
            "familyFlags": ["minimum_allowance"], "healthStatus": "健康", "studyStatus": "良好",
        ]
        if id { file["idNumber"] = idNumber(birth: birth, sequence: sequence) }
        return file
    }

    /// The JSON bytes of a value.
    static func json(_ value: Any) -> Data {
        try! JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
    }
}

extension ServiceHarness {
    /// Sends a JSON object (built as a dictionary) as `role`.
    func send(_ method: HTTPRequest.Method, _ path: String, as role: Role, scope: String? = nil, object: Any,
              headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(method, path, as: role, scope: scope, body: Sample.json(object), contentType: "application/json",
                       headers: headers)
    }

    /// Registers a child as the county officer and returns its id.
    func register(_ file: [String: Any]) async throws -> String {
        let response = try await send(.post, "/children", as: .countyOfficer, object: file)
        guard response.status == .created, let id = response.object["id"] as? String else {
            throw HarnessError("registration failed: \(response.status) \(String(buffer: response.body))")
        }
        return id
    }

    /// The number of rows in a table.
    func count(_ table: String, where condition: String = "1") async throws -> Int {
        try await context.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)") ?? 0 }
    }
}

extension TestResponse {
    /// The body as a JSON object (empty when it is not one).
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    /// The contract's error body's `error` member.
    var error: [String: Any] { object["error"] as? [String: Any] ?? [:] }

    /// The body as text.
    var text: String { String(buffer: body) }
}

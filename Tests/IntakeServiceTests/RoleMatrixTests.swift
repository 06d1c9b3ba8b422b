import Foundation
import Hummingbird
import HummingbirdTesting
import Intake
import ShouhuEvents
import ShouhuService
import ShouhuServiceTestSupport
import Testing

@Suite("Intake: every role against every route")
struct RoleMatrixTests {
    /// One route and the roles that may call it, written out here rather than read from the
    /// service, so a change to who may do what has to change this table too.
    struct Entry: Sendable, CustomStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var allowed: Set<Role>
        var description: String { "\(method) \(path)" }
    }

    static let matrix: [Entry] = [
        Entry(method: .post, path: "/children", allowed: [.countyOfficer, .township, .village, .school]),
        Entry(method: .get, path: "/children", allowed: [.countyOfficer, .township, .village, .school, .auditor, .fundingOfficer]),
        Entry(method: .get, path: "/children/{child}", allowed: [.countyOfficer, .township, .village, .school, .auditor, .fundingOfficer]),
        Entry(method: .patch, path: "/children/{child}", allowed: [.countyOfficer, .township, .village, .school]),
        Entry(method: .post, path: "/children/{child}/exit", allowed: [.countyOfficer, .township, .village]),
        Entry(method: .post, path: "/imports", allowed: [.countyOfficer, .township, .village, .school]),
        Entry(method: .get, path: "/imports/{import}", allowed: [.countyOfficer, .township, .village, .school, .auditor]),
        Entry(method: .get, path: "/imports/{import}/rows", allowed: [.countyOfficer, .township, .village, .school, .auditor]),
        Entry(method: .get, path: "/reports/summary", allowed: [.countyOfficer, .township, .village, .auditor]),
        Entry(method: .get, path: "/divisions", allowed: Set(Role.allCases)),
        Entry(method: .put, path: "/divisions/villages", allowed: [.admin, .countyOfficer]),
        Entry(method: .get, path: "/duplicate-reviews", allowed: [.countyOfficer, .township]),
        Entry(method: .post, path: "/duplicate-reviews/{review}", allowed: [.countyOfficer, .township]),
        Entry(method: .get, path: "/audit/id-reads", allowed: [.auditor, .admin]),
    ]

    /// Each role's scope in the test: inside the sample child's village and school.
    static func scope(_ role: Role) -> String? {
        switch role {
        case .township: Sample.township
        case .village: Sample.village
        case .school: Sample.school
        default: nil
        }
    }

    @Test("each role gets through to the routes it may use, and 403 on the others")
    func roleMatrix() async throws {
        try await ServiceHarness.run(IntakeService.definition) { service in
            let today = service.context.clock.today()
            let child = try await service.register(Sample.child(today: today, id: false))
            _ = try await service.register(Sample.child(today: today, id: false))
            let review = try #require(try await service.context.database.pool.read { db in
                try String.fetchOne(db, sql: "SELECT id FROM duplicate_reviews")
            })
            let imported = try await service.send(.post, "/imports", as: .countyOfficer,
                                                  body: Data("姓名,性别,出生日期,村代码\n".utf8), contentType: "text/csv")
            let importId = try #require((imported.object["import"] as? [String: Any])?["id"] as? String)

            // The documented routes are exactly the ones in the table.
            #expect(Set(Self.matrix.map { "\($0.method) \($0.path.replacingOccurrences(of: "{child}", with: "{id}").replacingOccurrences(of: "{import}", with: "{id}").replacingOccurrences(of: "{review}", with: "{id}"))" })
                .count == Self.matrix.count)

            var sequence = 801
            for entry in Self.matrix {
                for role in Role.allCases {
                    let path = entry.path.replacingOccurrences(of: "{child}", with: child)
                        .replacingOccurrences(of: "{import}", with: importId).replacingOccurrences(of: "{review}", with: review)
                    sequence += 2
                    let response: TestResponse
                    switch (entry.method, entry.path) {
                    case (.post, "/children"):
                        response = try await service.send(.post, path, as: role, scope: Self.scope(role),
                                                          object: Sample.child(name: "矩阵\(sequence)", today: today, sequence: sequence))
                    case (.patch, _):
                        response = try await service.send(.patch, path, as: role, scope: Self.scope(role),
                                                          object: ["studyStatus": "良好"], headers: [.ifMatch: "\"999\""])
                    case (.post, "/children/{child}/exit"):
                        response = try await service.send(.post, path, as: role, scope: Self.scope(role),
                                                          object: ["reason": "other", "on": today.adding(days: 1).description])
                    case (.post, "/imports"):
                        response = try await service.send(.post, path, as: role, scope: Self.scope(role),
                                                          body: Data("姓名,性别,出生日期,村代码\n".utf8), contentType: "text/csv")
                    case (.put, _):
                        response = try await service.send(.put, path, as: role, scope: Self.scope(role),
                                                          body: Data("code,name\n\(Sample.village),青龙村\n".utf8), contentType: "text/csv")
                    case (.post, "/duplicate-reviews/{review}"):
                        response = try await service.send(.post, path, as: role, scope: Self.scope(role), object: ["decision": "not_same_child"])
                    default:
                        response = try await service.send(entry.method, path, as: role, scope: Self.scope(role))
                    }
                    if entry.allowed.contains(role) {
                        #expect(response.status != .forbidden && response.status != .unauthorized && response.status.code < 500,
                                "\(entry) as \(role.rawValue): \(response.status) \(response.text)")
                    } else {
                        #expect(response.status == .forbidden, "\(entry) as \(role.rawValue): \(response.status)")
                        #expect(response.error["code"] as? String == "forbidden", "\(entry) as \(role.rawValue)")
                    }
                }
            }
            // Nothing a refused role sent changed the child.
            let read = try await service.send(.get, "/children/\(child)", as: .countyOfficer)
            #expect(read.object["version"] as? Int == 1)
            #expect(read.object["status"] as? String == "active")
        }
    }
}

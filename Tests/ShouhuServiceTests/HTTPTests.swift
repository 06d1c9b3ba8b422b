import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ShouhuService

extension ShouhuServiceTests {
    @Suite struct HTTPTests {
        struct NewChild: Decodable {
            var name: String
            var guardian: Guardian

            struct Guardian: Decodable {
                var phone: String
            }
        }

        struct InternalFailure: Error, CustomStringConvertible {
            var description: String { "SQLITE_CONSTRAINT on children.id_number for 52033020100101123X" }
        }

        /// A service-shaped application: the shared router plus a few routes like a real one's.
        static func makeApplication(readiness: [ReadinessCheck] = []) -> some ApplicationProtocol {
            let router = ShouhuRouter.make(
                codec: ShouhuServiceTests.codec,
                county: ShouhuServiceTests.county,
                readiness: readiness
            )
            router.get("/reports/summary") { _, context -> String in
                let caller = try context.requireCaller([.countyOfficer])
                return "summary for \(caller.subject)"
            }
            router.post("/children") { request, context -> HTTPResponse.Status in
                _ = try context.requireCaller([.village, .countyOfficer])
                _ = try await request.decodeJSON(as: NewChild.self, context: context)
                return .created
            }
            router.get("/duplicate") { _, _ -> String in
                throw APIError.conflict("This ID number is already registered.", code: "duplicate_id_number", field: "idNumber")
            }
            router.get("/gone") { _, _ -> String in
                throw APIError.notFound("No such child.")
            }
            router.get("/hummingbird-error") { _, _ -> String in
                throw HTTPError(.badRequest, message: "limit must be a number")
            }
            router.get("/boom") { _, _ -> String in
                throw InternalFailure()
            }
            return Application(router: router)
        }

        static let officer = ShouhuServiceTests.bearer(ShouhuServiceTests.token(role: .countyOfficer))

        // MARK: - Roles

        @Test func aRouteForCountyOfficersNeedsAToken() async throws {
            try await Self.makeApplication().test(.router) { client in
                let response = try await client.execute(uri: "/reports/summary", method: .get)
                #expect(response.status == .unauthorized)
                #expect(try ShouhuServiceTests.errorBody(response.body).error.code == "missing_token")
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            }
        }

        @Test func aRouteForCountyOfficersRefusesAVillageDirector() async throws {
            let village = ShouhuServiceTests.bearer(ShouhuServiceTests.token(role: .village))
            try await Self.makeApplication().test(.router) { client in
                let response = try await client.execute(uri: "/reports/summary", method: .get, headers: village)
                #expect(response.status == .forbidden)
                #expect(try ShouhuServiceTests.errorBody(response.body).error.code == "forbidden")
            }
        }

        @Test func aRouteForCountyOfficersServesOne() async throws {
            try await Self.makeApplication().test(.router) { client in
                let response = try await client.execute(uri: "/reports/summary", method: .get, headers: Self.officer)
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "summary for tester")
            }
        }

        @Test func aBadOrForeignTokenIsRefused() async throws {
            let expired = ShouhuServiceTests.bearer(ShouhuServiceTests.token(role: .countyOfficer, expiresIn: -3_600))
            let foreign = ShouhuServiceTests.bearer(ShouhuServiceTests.token(role: .countyOfficer, county: "520102"))
            try await Self.makeApplication().test(.router) { client in
                let garbage = try await client.execute(
                    uri: "/reports/summary", method: .get, headers: [.authorization: "Bearer not-a-token"]
                )
                #expect(garbage.status == .unauthorized)
                #expect(try ShouhuServiceTests.errorBody(garbage.body).error.code == "malformed_token")

                let basic = try await client.execute(
                    uri: "/reports/summary", method: .get, headers: [.authorization: "Basic dXNlcjpwdw=="]
                )
                #expect(basic.status == .unauthorized)

                let late = try await client.execute(uri: "/reports/summary", method: .get, headers: expired)
                #expect(late.status == .unauthorized)
                #expect(try ShouhuServiceTests.errorBody(late.body).error.code == "token_expired")

                let elsewhere = try await client.execute(uri: "/reports/summary", method: .get, headers: foreign)
                #expect(elsewhere.status == .forbidden)
                #expect(try ShouhuServiceTests.errorBody(elsewhere.body).error.code == "wrong_county")
            }
        }

        // MARK: - Error JSON

        @Test func anAPIErrorKeepsItsShape() async throws {
            try await Self.makeApplication().test(.router) { client in
                let response = try await client.execute(uri: "/duplicate", method: .get, headers: Self.officer)
                #expect(response.status == .conflict)
                #expect(response.headers[.contentType] == "application/json")
                let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                let error = json?["error"] as? [String: String]
                #expect(json?.count == 1)
                #expect(
                    error == [
                        "code": "duplicate_id_number",
                        "message": "This ID number is already registered.",
                        "field": "idNumber",
                    ]
                )
            }
        }

        @Test func aFieldlessErrorOmitsTheField() async throws {
            try await Self.makeApplication().test(.router) { client in
                let response = try await client.execute(uri: "/gone", method: .get, headers: Self.officer)
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body) == #"{"error":{"code":"not_found","message":"No such child."}}"#)
            }
        }

        @Test func anUnknownRouteAnswers404InTheSameShape() async throws {
            try await Self.makeApplication().test(.router) { client in
                let response = try await client.execute(uri: "/no/such/route", method: .get, headers: Self.officer)
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/json")
                let body = try ShouhuServiceTests.errorBody(response.body)
                #expect(body.error.code == "not_found")
                #expect(body.error.message.contains("/no/such/route"))
                #expect(String(buffer: response.body).contains("/no/such/route"), "slashes are not escaped on the wire")

                let anonymous = try await client.execute(uri: "/no/such/route", method: .get)
                #expect(anonymous.status == .unauthorized)
            }
        }

        @Test func aHummingbirdErrorKeepsItsStatusAndMessage() async throws {
            try await Self.makeApplication().test(.router) { client in
                let response = try await client.execute(uri: "/hummingbird-error", method: .get, headers: Self.officer)
                #expect(response.status == .badRequest)
                let body = try ShouhuServiceTests.errorBody(response.body)
                #expect(body.error == .init(code: "bad_request", message: "limit must be a number"))
            }
        }

        @Test func anInternalErrorShowsAReferenceAndNothingElse() async throws {
            try await Self.makeApplication().test(.router) { client in
                let response = try await client.execute(uri: "/boom", method: .get, headers: Self.officer)
                #expect(response.status == .internalServerError)
                let text = String(buffer: response.body)
                #expect(!text.contains("SQLITE"))
                #expect(!text.contains("52033020100101123X"))
                let body = try ShouhuServiceTests.errorBody(response.body)
                #expect(body.error.code == "internal_error")
                #expect(body.error.message.contains("reference"))
            }
        }

        // MARK: - Bodies

        @Test func aWellFormedBodyIsAccepted() async throws {
            try await Self.makeApplication().test(.router) { client in
                let response = try await client.execute(
                    uri: "/children",
                    method: .post,
                    headers: Self.officer,
                    body: ByteBuffer(string: #"{"name":"小明","guardian":{"phone":"13800000000"}}"#)
                )
                #expect(response.status == .created)
            }
        }

        @Test(arguments: [
            (#"{"name":5,"guardian":{"phone":"1"}}"#, "name"),
            (#"{"name":"a","guardian":{}}"#, "guardian.phone"),
            (#"{"name":"a","guardian":{"phone":null}}"#, "guardian.phone"),
        ])
        func aMalformedBodyIs400NamingTheField(body: String, field: String) async throws {
            try await Self.makeApplication().test(.router) { client in
                let response = try await client.execute(
                    uri: "/children", method: .post, headers: Self.officer, body: ByteBuffer(string: body)
                )
                #expect(response.status == .badRequest)
                let error = try ShouhuServiceTests.errorBody(response.body).error
                #expect(error.code == "invalid_body")
                #expect(error.field == field)
            }
        }

        @Test func aBodyThatIsNotJSONIs400WithoutAField() async throws {
            try await Self.makeApplication().test(.router) { client in
                let response = try await client.execute(
                    uri: "/children", method: .post, headers: Self.officer, body: ByteBuffer(string: "{name:")
                )
                #expect(response.status == .badRequest)
                let error = try ShouhuServiceTests.errorBody(response.body).error
                #expect(error.code == "invalid_body")
                #expect(error.field == nil)
            }
        }

        @Test func aBodyOverOneMebibyteIs413() async throws {
            let padding = String(repeating: "a", count: 1_572_864)
            try await Self.makeApplication().test(.router) { client in
                let response = try await client.execute(
                    uri: "/children",
                    method: .post,
                    headers: Self.officer,
                    body: ByteBuffer(string: #"{"name":"\#(padding)","guardian":{"phone":"1"}}"#)
                )
                #expect(response.status == .contentTooLarge)
                #expect(try ShouhuServiceTests.errorBody(response.body).error.code == "payload_too_large")
            }
        }

        @Test func anUnknownErrorFromHummingbirdMapsByStatus() {
            #expect(ErrorMiddleware<ShouhuRequestContext>.code(for: .contentTooLarge) == "payload_too_large")
            #expect(ErrorMiddleware<ShouhuRequestContext>.code(for: .notFound) == "not_found")
            #expect(ErrorMiddleware<ShouhuRequestContext>.code(for: .badGateway) == "bad_gateway")
        }
    }
}

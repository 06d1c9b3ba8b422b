import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ShouhuEvents
import ShouhuService

/// Where the five services answer and how the operator tool signs its requests, from the same
/// environment the services read.
struct ServiceEndpoints {
    let environment: [String: String]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// `SHOUHU_<SERVICE>_URL`, else `http://127.0.0.1:<SHOUHU_<SERVICE>_PORT or the default>`.
    func baseURL(_ service: ServiceName) -> URL {
        let name = service.rawValue.uppercased()
        if let text = environment["SHOUHU_\(name)_URL"], let url = URL(string: text) { return url }
        let port = environment[Settings.portVariable(for: service)].flatMap(Int.init) ?? Settings.defaultPort(for: service)
        return URL(string: "http://127.0.0.1:\(port)")!
    }

    /// The settings for commands that only talk to the broker (status, dead letters,
    /// definitions): they sign no token, so a missing `SHOUHU_JWT_SECRET` is no reason to fail.
    static func brokerSettings(_ environment: [String: String]) throws -> Settings {
        var environment = environment
        if environment[Settings.Variable.jwtSecret] == nil {
            environment[Settings.Variable.jwtSecret] = String(repeating: "-", count: 32)
        }
        return try Settings(service: .intake, environment: environment)
    }

    /// A short-lived token for the operator, signed with `SHOUHU_JWT_SECRET`.
    func token(role: Role = .admin, subject: String = "operator") throws -> String {
        let secret = try Settings.jwtSecret(in: environment)
        let county = try Settings.county(in: environment)
        return JWTCodec(secret: secret).sign(Caller(subject: subject, role: role, county: county), expiresAt: Date() + 900)
    }

    /// Sends one request and returns the status and body; a service that does not answer is
    /// status 0 with the reason as the body.
    func call(_ service: ServiceName, _ method: String, _ path: String, role: Role? = .admin,
              body: Data? = nil, contentType: String = "application/json") async -> (status: Int, body: Data) {
        guard let url = URL(string: path, relativeTo: baseURL(service)) else {
            return (0, Data("bad path \(path)".utf8))
        }
        var request = URLRequest(url: url, timeoutInterval: 600)
        request.httpMethod = method
        if let role {
            do {
                request.setValue("Bearer " + (try token(role: role)), forHTTPHeaderField: "Authorization")
            } catch {
                return (0, Data("cannot sign a token: \(error)".utf8))
            }
        }
        if let body {
            request.httpBody = body
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
        } catch {
            return (0, Data("\(service.rawValue) at \(baseURL(service)) does not answer: \(error.localizedDescription)".utf8))
        }
    }
}

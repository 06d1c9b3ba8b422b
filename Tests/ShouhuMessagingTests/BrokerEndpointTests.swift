import Testing
@testable import ShouhuMessaging

@Suite("AMQP URL parsing")
struct BrokerEndpointTests {
    @Test func contractDefault() throws {
        let e = try BrokerEndpoint(url: "amqp://guest:guest@127.0.0.1:5672/")
        #expect(e.useTLS == false)
        #expect(e.host == "127.0.0.1")
        #expect(e.port == 5672)
        #expect(e.virtualHost == "/")
        #expect(e.user == "guest")
        #expect(e.password == "guest")
        #expect(e.heartbeatSeconds == 30)
    }

    @Test func tlsDefaultsAndFiles() throws {
        let e = try BrokerEndpoint(url: "amqps://svc:s3cret@mq.county.gov.cn/shouhu?cacertfile=/etc/ca.pem&heartbeat=10")
        #expect(e.useTLS)
        #expect(e.port == 5671)
        #expect(e.virtualHost == "shouhu")
        #expect(e.caCertificatePath == "/etc/ca.pem")
        #expect(e.heartbeatSeconds == 10)
    }

    @Test func percentDecodingOfUserPasswordAndVhost() throws {
        let e = try BrokerEndpoint(url: "amqp://us%40er:p%3Aa%2Fss@host:1234/%2Fcounty")
        #expect(e.user == "us@er")
        #expect(e.password == "p:a/ss")
        #expect(e.port == 1234)
        #expect(e.virtualHost == "/county")
        #expect(try BrokerEndpoint(url: "amqp://h/%2F").virtualHost == "/")
        #expect(try BrokerEndpoint(url: "amqp://h").virtualHost == "/")
    }

    @Test func ipv6AndDefaults() throws {
        let e = try BrokerEndpoint(url: "amqp://[::1]:5673")
        #expect(e.host == "::1")
        #expect(e.port == 5673)
        #expect(e.user == "guest")
    }

    @Test func passwordNeverShownInDescription() throws {
        let e = try BrokerEndpoint(url: "amqp://svc:topsecret@host/")
        #expect(!"\(e)".contains("topsecret"))
    }

    @Test(arguments: [
        ("http://host/", BrokerURLError.unsupportedScheme("http")),
        ("host:5672", .notAnAMQPURL),
        ("amqp://host:99999/", .badPort("99999")),
        ("amqp://host:abc/", .badPort("abc")),
        ("amqp://host/a/b", .badVirtualHost("a/b")),
        ("amqps://host/?verify=verify_none", .badParameter("verify", "verify_none")),
        ("amqp://host/?cacertfile=/x.pem", .badParameter("cacertfile", "TLS files need an amqps:// URL")),
        ("amqp://host/?frobnicate=1", .badParameter("frobnicate", "1")),
        ("amqp://host/?heartbeat=-1", .badParameter("heartbeat", "-1")),
        ("amqp://host/?heartbeat=5&=", .badParameter("=", "a parameter needs a name")),
        ("amqp://host/?=x", .badParameter("=x", "a parameter needs a name")),
    ])
    func rejectsBadURLs(url: String, expected: BrokerURLError) {
        #expect(throws: expected) { try BrokerEndpoint(url: url) }
    }
}

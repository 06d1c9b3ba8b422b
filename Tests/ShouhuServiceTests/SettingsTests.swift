import Foundation
import ShouhuEvents
import Testing

@testable import ShouhuService

extension ShouhuServiceTests {
    @Suite struct SettingsTests {
        @Test func defaultsFollowTheContract() throws {
            let settings = try Settings(service: .intake, environment: ShouhuServiceTests.minimalEnvironment)
            #expect(settings.amqpURL.absoluteString == "amqp://guest:guest@127.0.0.1:5672/")
            #expect(settings.dataDirectory == "./.shouhu/data")
            #expect(settings.databasePath.hasSuffix("/.shouhu/data/intake.sqlite"))
            #expect(settings.httpHost == "127.0.0.1")
            #expect(settings.httpPort == 8081)
            #expect(settings.county == "520330")
            #expect(settings.logLevel == .info)
            #expect(settings.smsURL == nil)
            #expect(settings.smtpURL == nil)
            #expect(settings.idKey == nil)
            #expect(settings.prefetch == 200)
            #expect(settings.deliveryLimit == 5)
            #expect(settings.amqpHeartbeatSeconds == 30)
            #expect(settings.jwtSecret == ShouhuServiceTests.secret)
        }

        @Test(arguments: [
            (ServiceName.intake, 8081), (.assessment, 8082), (.mentoring, 8083), (.notification, 8084), (.funding, 8085),
        ])
        func eachServiceHasItsOwnPort(service: ServiceName, port: Int) throws {
            let settings = try Settings(service: service, environment: ShouhuServiceTests.minimalEnvironment)
            #expect(settings.httpPort == port)
            let moved = try Settings(
                service: service,
                environment: ShouhuServiceTests.minimalEnvironment.merging(
                    [Settings.portVariable(for: service): "\(port + 10_000)"]
                ) { $1 }
            )
            #expect(moved.httpPort == port + 10_000)
        }

        @Test func everyVariableCanBeSet() throws {
            let settings = try Settings(
                service: .notification,
                environment: [
                    "SHOUHU_JWT_SECRET": ShouhuServiceTests.secret,
                    "SHOUHU_AMQP_URL": "amqps://shouhu:pw@broker.internal:5671/county",
                    "SHOUHU_DATA_DIR": "/var/lib/shouhu/",
                    "SHOUHU_HTTP_HOST": "0.0.0.0",
                    "SHOUHU_NOTIFICATION_PORT": "18084",
                    "SHOUHU_COUNTY": "520102",
                    "SHOUHU_LOG_LEVEL": "DEBUG",
                    "SHOUHU_SMS_URL": "https://sms.example.cn/send",
                    "SHOUHU_SMTP_URL": "smtp://mailer:pw@mail.example.cn:587",
                    "SHOUHU_ID_KEY": "key",
                    "SHOUHU_PREFETCH": "50",
                    "SHOUHU_DELIVERY_LIMIT": "3",
                    "SHOUHU_AMQP_HEARTBEAT": "10",
                ]
            )
            #expect(settings.amqpURL.host == "broker.internal")
            #expect(settings.databasePath == "/var/lib/shouhu/notification.sqlite")
            #expect(settings.httpHost == "0.0.0.0")
            #expect(settings.httpPort == 18084)
            #expect(settings.county == "520102")
            #expect(settings.logLevel == .debug)
            #expect(settings.smsURL?.absoluteString == "https://sms.example.cn/send")
            #expect(settings.smtpURL?.port == 587)
            #expect(settings.idKey == "key")
            #expect(settings.prefetch == 50)
            #expect(settings.deliveryLimit == 3)
            #expect(settings.amqpHeartbeatSeconds == 10)
        }

        @Test func anEmptyValueCountsAsUnset() throws {
            var environment = ShouhuServiceTests.minimalEnvironment
            environment["SHOUHU_SMS_URL"] = ""
            environment["SHOUHU_COUNTY"] = "  "
            let settings = try Settings(service: .notification, environment: environment)
            #expect(settings.smsURL == nil)
            #expect(settings.county == "520330")
        }

        struct Invalid: Sendable, CustomTestStringConvertible {
            let variable: String
            let value: String?
            var testDescription: String { "\(variable)=\(value ?? "<unset>")" }
        }

        @Test(arguments: [
            Invalid(variable: "SHOUHU_JWT_SECRET", value: nil),
            Invalid(variable: "SHOUHU_JWT_SECRET", value: "too-short-secret"),
            Invalid(variable: "SHOUHU_AMQP_URL", value: "http://127.0.0.1:5672/"),
            Invalid(variable: "SHOUHU_AMQP_URL", value: "not a url"),
            Invalid(variable: "SHOUHU_AMQP_URL", value: "amqp:///vhost"),
            Invalid(variable: "SHOUHU_INTAKE_PORT", value: "eighty"),
            Invalid(variable: "SHOUHU_INTAKE_PORT", value: "0"),
            Invalid(variable: "SHOUHU_INTAKE_PORT", value: "70000"),
            Invalid(variable: "SHOUHU_COUNTY", value: "52033"),
            Invalid(variable: "SHOUHU_COUNTY", value: "5203301"),
            Invalid(variable: "SHOUHU_COUNTY", value: "52033a"),
            Invalid(variable: "SHOUHU_LOG_LEVEL", value: "loud"),
            Invalid(variable: "SHOUHU_SMS_URL", value: "ftp://sms.example.cn"),
            Invalid(variable: "SHOUHU_SMTP_URL", value: "http://mail.example.cn"),
            Invalid(variable: "SHOUHU_HTTP_HOST", value: "local host"),
            Invalid(variable: "SHOUHU_PREFETCH", value: "0"),
            Invalid(variable: "SHOUHU_PREFETCH", value: "70000"),
            Invalid(variable: "SHOUHU_DELIVERY_LIMIT", value: "-1"),
            Invalid(variable: "SHOUHU_DELIVERY_LIMIT", value: "five"),
            Invalid(variable: "SHOUHU_AMQP_HEARTBEAT", value: "30s"),
        ])
        func aMalformedValueIsAnErrorNamingTheVariable(_ invalid: Invalid) {
            var environment = ShouhuServiceTests.minimalEnvironment
            environment[invalid.variable] = invalid.value
            #expect {
                _ = try Settings(service: .intake, environment: environment)
            } throws: { error in
                (error as? SettingsError)?.variable == invalid.variable
                    && "\(error)".hasPrefix(invalid.variable)
            }
        }

        @Test func aMissingSecretSaysHowToMakeOne() {
            do throws(SettingsError) {
                _ = try Settings(service: .funding, environment: [:])
                Issue.record("settings without a secret were accepted")
            } catch {
                #expect(error.variable == "SHOUHU_JWT_SECRET")
                #expect(error.description.contains("openssl rand -hex 32"))
            }
        }

        @Test func aShortSecretIsNeverEchoed() {
            do throws(SettingsError) {
                _ = try Settings(service: .funding, environment: ["SHOUHU_JWT_SECRET": "hunter2-hunter2"])
                Issue.record("a 15-byte secret was accepted")
            } catch {
                #expect(error.description.contains("32 bytes"))
                #expect(!error.description.contains("hunter2"))
            }
        }

        @Test func aServiceReadsItsOwnVariablesWithTheSameChecks() throws {
            var environment = ShouhuServiceTests.minimalEnvironment
            environment["SHOUHU_OVERDUE_DAYS"] = "45"
            environment["SHOUHU_SWEEP"] = "off"
            environment["SHOUHU_BANK"] = "ICBC"
            environment["SHOUHU_BAD_DAYS"] = "400"
            let settings = try Settings(service: .mentoring, environment: environment)
            #expect(try settings.int("SHOUHU_OVERDUE_DAYS", default: 30, range: 1...365) == 45)
            #expect(try settings.int("SHOUHU_UNSET_DAYS", default: 30, range: 1...365) == 30)
            #expect(try settings.bool("SHOUHU_SWEEP", default: true) == false)
            #expect(try settings.bool("SHOUHU_UNSET_SWEEP", default: true) == true)
            #expect(settings.string("SHOUHU_BANK") == "ICBC")
            #expect(settings.string("SHOUHU_UNSET_BANK", default: "none") == "none")
            #expect(settings.environment["SHOUHU_BANK"] == "ICBC")
            #expect(throws: SettingsError.self) {
                try settings.int("SHOUHU_BAD_DAYS", default: 30, range: 1...365)
            }
            #expect(throws: SettingsError.self) {
                try settings.bool("SHOUHU_BANK", default: false)
            }
        }

        @Test func theSummaryLeavesSecretsOut() throws {
            var environment = ShouhuServiceTests.minimalEnvironment
            environment["SHOUHU_AMQP_URL"] = "amqp://shouhu:brokerpass@127.0.0.1:5672/"
            environment["SHOUHU_ID_KEY"] = "id-key-material"
            let settings = try Settings(service: .intake, environment: environment)
            let text = settings.description
            #expect(!text.contains(ShouhuServiceTests.secret))
            #expect(!text.contains("brokerpass"))
            #expect(!text.contains("id-key-material"))
            #expect(text.contains("sms=off"))
        }
    }
}

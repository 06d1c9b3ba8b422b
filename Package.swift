// swift-tools-version:6.0
// Shouhu (守护): five services for a county's rural left-behind children, talking over RabbitMQ.
// Dependencies are pinned to exact versions: the machines this builds on offer only those.
import PackageDescription

let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let metrics = Target.Dependency.product(name: "Metrics", package: "swift-metrics")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")

/// One service's targets: its library (`Services/<Name>`, with its domain folders as their own
/// targets so the compiler keeps them free of GRDB, HTTP and AMQP) and its tiny executable.
func service(_ name: String, parts: [String] = [], excluding: [String] = [], dependencies: [Target.Dependency] = []) -> [Target] {
    let partTargets = parts.map { part in
        Target.target(name: "\(name)\(part)", dependencies: ["ShouhuEvents"], path: "Services/\(name)/\(part)")
    }
    return partTargets + [
        .target(
            name: name,
            dependencies: ["ShouhuEvents", "ShouhuStore", "ShouhuService", grdb, hummingbird, logging]
                + parts.map { .target(name: "\(name)\($0)") } + dependencies,
            path: "Services/\(name)", exclude: parts + excluding + ["Main"],
            resources: [.copy("openapi.json")]),
        .executableTarget(
            name: "shouhu-\(name.lowercased())", dependencies: [.target(name: name), "ShouhuService"],
            path: "Services/\(name)/Main"),
    ]
}

let package = Package(
    name: "Shouhu",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
    ],
    targets: [
        // MARK: - Shared plumbing
        .systemLibrary(
            name: "CRabbitMQ", path: "Shared/CRabbitMQ", pkgConfig: "librabbitmq",
            providers: [.apt(["librabbitmq-dev"])]),
        .target(name: "ShouhuEvents", path: "Shared/ShouhuEvents"),
        .target(name: "ShouhuMessaging", dependencies: ["CRabbitMQ", logging, metrics], path: "Shared/ShouhuMessaging"),
        .target(
            name: "ShouhuStore", dependencies: ["ShouhuEvents", "ShouhuMessaging", grdb, logging, metrics],
            path: "Shared/ShouhuStore"),
        .target(
            name: "ShouhuService",
            dependencies: [
                "ShouhuEvents", "ShouhuMessaging", "ShouhuStore", grdb, hummingbird, logging, metrics, argumentParser,
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/ShouhuService"),
        // The operator's tool, shouhu-admin: tokens, imports, health, dead letters, a child's story.
        .target(
            name: "ShouhuOperator",
            dependencies: ["ShouhuEvents", "ShouhuMessaging", "ShouhuService", "IntakeDomain", argumentParser],
            path: "Shared/ShouhuOperator", exclude: ["Main"]),
        .executableTarget(name: "shouhu-admin", dependencies: ["ShouhuOperator"], path: "Shared/ShouhuOperator/Main"),
    ]
        // MARK: - The five services
        + service(
            "Intake", parts: ["Domain"], excluding: ["Import"],
            dependencies: ["IntakeImport", .product(name: "Crypto", package: "swift-crypto")])
        + [
            // Reading ledger files (CSV in UTF-8 or GB18030, .xlsx) as villages and schools keep them.
            .target(
                name: "IntakeImport",
                dependencies: ["ShouhuEvents", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Services/Intake/Import"),
        ]
        + service("Assessment", parts: ["Domain"])
        + service("Mentoring", parts: ["Domain"])
        + service("Notification", parts: ["Domain"])
        + service("Funding", parts: ["Domain"], dependencies: [.product(name: "Crypto", package: "swift-crypto")])
        + [
            // MARK: - Benchmarks
            .executableTarget(
                name: "shouhu-bench",
                dependencies: [
                    "ShouhuEvents", "ShouhuMessaging", "ShouhuStore", "ShouhuService", argumentParser, grdb, logging,
                    "Intake", "IntakeDomain", "IntakeImport", "Assessment", "AssessmentDomain", "Mentoring", "MentoringDomain",
                    "Notification", "NotificationDomain", "Funding", "FundingDomain", "ShouhuServiceTestSupport",
                    "ShouhuTestSupport", hummingbird, .product(name: "HummingbirdTesting", package: "hummingbird"),
                ],
                path: "Tests/Benchmarks"),

            // MARK: - Tests
            .target(name: "ShouhuTestSupport", dependencies: ["ShouhuMessaging", logging], path: "Tests/ShouhuTestSupport"),
            // Runs one service in the test process against the real broker (HTTP, events, clock).
            .target(
                name: "ShouhuServiceTestSupport",
                dependencies: [
                    "ShouhuService", "ShouhuEvents", "ShouhuMessaging", "ShouhuStore", "ShouhuTestSupport", hummingbird,
                    logging, .product(name: "HummingbirdTesting", package: "hummingbird"),
                    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                ],
                path: "Tests/ShouhuServiceTestSupport"),
            .testTarget(
                name: "ShouhuEventsTests", dependencies: ["ShouhuEvents"], path: "Tests/ShouhuEventsTests",
                exclude: ["Golden"]),
            .testTarget(
                name: "ShouhuMessagingTests", dependencies: ["ShouhuMessaging", "ShouhuTestSupport", logging],
                path: "Tests/ShouhuMessagingTests"),
            .testTarget(
                name: "ShouhuStoreTests",
                dependencies: ["ShouhuStore", "ShouhuEvents", "ShouhuMessaging", "ShouhuTestSupport", grdb, logging],
                path: "Tests/ShouhuStoreTests"),
            .testTarget(
                name: "ShouhuServiceTests",
                dependencies: [
                    "ShouhuService", "ShouhuEvents", "ShouhuMessaging", "ShouhuStore", "ShouhuServiceTestSupport",
                    "ShouhuTestSupport", grdb, hummingbird, logging, argumentParser,
                    .product(name: "HummingbirdTesting", package: "hummingbird"),
                ],
                path: "Tests/ShouhuServiceTests"),
            .testTarget(
                name: "IntakeTests",
                dependencies: ["Intake", "IntakeDomain", "ShouhuEvents", .product(name: "Crypto", package: "swift-crypto")],
                path: "Tests/IntakeTests",
                exclude: ["Import", "Fixtures"]),
            .testTarget(
                name: "IntakeImportTests", dependencies: ["IntakeImport", "ShouhuEvents"], path: "Tests/IntakeTests/Import"),
            // Intake's routes, store and sweep against the real broker, through the service harness.
            .testTarget(
                name: "IntakeServiceTests",
                dependencies: [
                    "Intake", "IntakeDomain", "IntakeImport", "ShouhuEvents", "ShouhuService", "ShouhuStore",
                    "ShouhuServiceTestSupport",
                    "ShouhuTestSupport", grdb, hummingbird, .product(name: "HummingbirdTesting", package: "hummingbird"),
                ],
                path: "Tests/IntakeServiceTests"),
            .testTarget(
                name: "AssessmentTests", dependencies: ["AssessmentDomain", "ShouhuEvents"], path: "Tests/AssessmentTests"),
            .testTarget(
                name: "OperatorTests", dependencies: ["ShouhuOperator", "IntakeDomain", "ShouhuEvents"],
                path: "Tests/OperatorTests"),
            .testTarget(
                name: "DeployTests",
                dependencies: [
                    "ShouhuEvents", "ShouhuMessaging", "ShouhuService", .product(name: "Crypto", package: "swift-crypto"),
                ],
                path: "Tests/DeployTests"),
            .testTarget(
                name: "FundingTests",
                dependencies: [
                    "Funding", "FundingDomain", "ShouhuEvents", "ShouhuService", "ShouhuServiceTestSupport",
                    "ShouhuTestSupport", "ShouhuStore", grdb, hummingbird,
                ],
                path: "Tests/FundingTests", resources: [.copy("Fixtures")]),
            .testTarget(
                name: "AssessmentServiceTests",
                dependencies: [
                    "Assessment", "AssessmentDomain", "ShouhuEvents", "ShouhuService", "ShouhuStore",
                    "ShouhuServiceTestSupport", "ShouhuTestSupport", grdb, hummingbird, logging,
                    .product(name: "HummingbirdTesting", package: "hummingbird"),
                ],
                path: "Tests/AssessmentServiceTests"),
            .testTarget(
                name: "MentoringTests",
                dependencies: [
                    "Mentoring", "MentoringDomain", "ShouhuEvents", "ShouhuMessaging", "ShouhuService", "ShouhuStore",
                    "ShouhuServiceTestSupport",
                    "ShouhuTestSupport", grdb, logging,
                ],
                path: "Tests/MentoringTests"),
            .testTarget(
                name: "NotificationTests", dependencies: ["NotificationDomain", "ShouhuEvents"], path: "Tests/NotificationTests",
                exclude: ["Service"]),
            // Notification against the real broker, a loopback SMTP server and a stand-in SMS gateway.
            .testTarget(
                name: "NotificationServiceTests",
                dependencies: [
                    "Notification", "NotificationDomain", "ShouhuEvents", "ShouhuService", "ShouhuServiceTestSupport",
                    "ShouhuTestSupport", "ShouhuStore", grdb, hummingbird, logging,
                    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                ],
                path: "Tests/NotificationTests/Service"),
            .testTarget(
                name: "EndToEndTests",
                dependencies: [
                    "ShouhuService", "ShouhuEvents", "ShouhuMessaging", "ShouhuStore", "ShouhuTestSupport",
                    "ShouhuServiceTestSupport", "Intake", "IntakeDomain", "Assessment", "Mentoring", "Notification", "Funding", hummingbird,
                    logging,
                ],
                path: "Tests/EndToEndTests"),
        ]
)

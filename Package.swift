// swift-tools-version:6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "confer",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "confer-server", targets: ["confer-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        // Plain Swift types and rules: no I/O, no framework imports.
        .target(name: "ConferDomain", swiftSettings: strict),
        // One use case per state change, over a transaction of the store: reads, the domain's decision, writes, events.
        .target(
            name: "ConferUseCases",
            dependencies: [
                "ConferDomain",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("DemoData")],
            swiftSettings: strict
        ),
        // PostgreSQL: the store and repositories, and numbered migrations.
        .target(
            name: "ConferPersistence",
            dependencies: [
                "ConferDomain",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Migrations")],
            swiftSettings: strict
        ),
        // Code generated from openapi.yaml, and nothing else.
        .target(
            name: "ConferAPIContract",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            swiftSettings: strict,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // HTTP: Hummingbird router, middleware and one handler file per resource.
        .target(
            name: "ConferAPI",
            dependencies: [
                "ConferDomain",
                "ConferUseCases",
                "ConferAPIContract",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                // Webhook deliveries.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "confer-server",
            dependencies: [
                "ConferAPI",
                "ConferDomain",
                "ConferUseCases",
                "ConferPersistence",
                "ConferMail",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Mail submission over SMTP (STARTTLS, implicit TLS, AUTH): one job, nothing of Confer.
        .target(
            name: "SMTPSubmission",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        // Where outbox messages go (SMTP, a folder of .eml files, or the log), and the Mustache templates they are
        // written from.
        .target(
            name: "ConferMail",
            dependencies: [
                "ConferDomain",
                "SMTPSubmission",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Micro-benchmarks of the domain algorithms (scripts/bench).
        .executableTarget(name: "confer-bench", dependencies: ["ConferDomain"], swiftSettings: strict),
        // The letters' tests word them with the server's template engine.
        .testTarget(name: "ConferDomainTests", dependencies: ["ConferDomain", "ConferMail"], swiftSettings: strict),
        .testTarget(
            name: "ConferAPITests",
            dependencies: [
                "ConferAPI",
                "ConferDomain",
                "ConferUseCases",
                "ConferPersistence",
                "ConferMail",
                "SMTPSubmission",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            // Fixtures are read from the checkout by path (#filePath), not bundled.
            exclude: ["Program/Fixtures"],
            swiftSettings: strict
        ),
    ]
)

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// A real `confer-server serve` process, for what only a process can show: surviving `kill -9`, several
/// instances on one database. It is the binary `swift build` put next to this test bundle.
struct ServerProcess: Sendable {
    let process: Process
    let port: Int
    let log: URL
    var base: String { "http://127.0.0.1:\(port)" }

    static let adminEmail = "admin@confer.test"
    static let adminPassword = "admin password 2019"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `CONFER_SERVER_BINARY`, or `confer-server` in the build folder that holds the running test binary.
    static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["CONFER_SERVER_BINARY"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        // On Linux the test binary is `<build>/confer-packageTests.xctest` itself; elsewhere it sits in a bundle.
        while !folder.path.isEmpty && folder.path != "/" {
            let candidate = folder.appendingPathComponent("confer-server")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw Failure(description: "confer-server is not built next to the tests; run `swift build --build-tests` (scripts/test does)")
    }

    /// A port nobody listens on right now.
    static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }

    /// Starts a server on `databaseURL` and waits until `GET /health` answers 200.
    static func start(databaseURL: String, port: Int, environment extra: [String: String] = [:]) async throws -> ServerProcess {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = ["serve"]
        var environment = ProcessInfo.processInfo.environment
        environment.merge([
            "DATABASE_URL": databaseURL, "PORT": String(port), "HOST": "127.0.0.1", "LOG_LEVEL": "notice",
            "CONFER_BCRYPT_COST": "4", "WEBHOOKS_ALLOW_PRIVATE": "true",
            "CONFER_ADMIN_EMAIL": adminEmail, "CONFER_ADMIN_PASSWORD": adminPassword,
        ]) { _, new in new }
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("confer-server-\(port)-\(UUID().uuidString.prefix(8)).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let server = ServerProcess(process: process, port: port, log: log)
        for _ in 0..<300 {
            if !process.isRunning { throw Failure(description: "confer-server exited: \(server.logTail())") }
            if let health = try? await server.request(.GET, "/health"), health.status == 200 { return server }
            try await Task.sleep(for: .milliseconds(100))
        }
        server.kill()
        throw Failure(description: "confer-server did not answer /health within 30 s: \(server.logTail())")
    }

    /// `kill -9`: no graceful shutdown, no flush, as a crash or the OOM killer would.
    func kill() {
        guard process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func logTail(limit: Int = 2_000) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return String(text.suffix(limit))
    }

    // MARK: HTTP

    /// Room for 64 concurrent writers (the shared client keeps 8 connections per host); it lives as long as
    /// the test process.
    static let client = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: HTTPClient.Configuration(
            connectionPool: .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 128)))

    func request(
        _ method: HTTPMethod, _ path: String, token: String? = nil, json: JSON? = nil, headers: [String: String] = [:]
    ) async throws -> (status: Int, json: JSON, text: String) {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(json)))
        }
        let response = try await Self.client.execute(request, timeout: .seconds(30))
        let text = String(buffer: try await response.body.collect(upTo: 8 << 20))
        let decoded = (try? JSONDecoder().decode(JSON.self, from: Data(text.utf8))) ?? .null
        return (Int(response.status.code), decoded, text)
    }

    /// Creates an account and signs it in; returns its id, email and token.
    func signUp(_ name: String) async throws -> TestApp.User {
        let email = "\(name.lowercased().filter(\.isLetter))-\(UUID().uuidString.prefix(8))@example.org"
        let created = try await request(.POST, "/v1/accounts", json: [
            "email": .string(email), "password": "correct horse battery", "name": .string(name),
        ])
        guard created.status == 201, let id = created.json["id"].string else {
            throw Failure(description: "sign-up answered \(created.status) \(created.text)")
        }
        return TestApp.User(id: id, email: email, token: try await signIn(email, "correct horse battery"))
    }

    /// Creates a conference whose call and registration are open, as the admin; returns its slug.
    func openConference(_ slug: String, token: String) async throws -> String {
        let body = TestApp.conferenceBody(slug: slug)
            .with("submissionDeadline", "2099-05-30T23:59:59+02:00").with("notificationDate", "2099-07-15T00:00:00+02:00")
            .with("registrationOpens", "2020-01-01T00:00:00Z").with("registrationCloses", "2099-01-01T00:00:00Z")
        let created = try await request(.POST, "/v1/conferences", token: token, json: body)
        guard created.status == 201 else { throw Failure(description: "conference: \(created.status) \(created.text)") }
        return slug
    }

    /// Signs in and returns the token.
    func signIn(_ email: String = adminEmail, _ password: String = adminPassword) async throws -> String {
        let reply = try await request(.POST, "/v1/tokens", json: ["email": .string(email), "password": .string(password)])
        guard reply.status == 201, let token = reply.json["token"].string else {
            throw Failure(description: "sign-in answered \(reply.status) \(reply.text)")
        }
        return token
    }
}

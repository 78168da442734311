import AsyncHTTPClient
import ConferAPI
import ConferDomain
import ConferMail
import ConferPersistence
import ConferUseCases
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO

/// The real router, middleware and PostgreSQL repositories over a fresh database, driven through HTTP.
struct TestApp: Sendable {
    let client: any TestClientProtocol
    let repositories: PostgresRepositories
    static let bcryptCost: UInt8 = 4

    /// The use cases over this app's database, as its router runs them.
    var useCases: UseCaseContext { Self.dependencies(repositories, allowPrivateWebhookTargets: true).useCases }

    /// Runs `body` against a new application and database.
    static func run(
        allowPrivateWebhookTargets: Bool = true, _ body: @escaping @Sendable (TestApp) async throws -> Void
    ) async throws {
        let url = try DatabaseURL(try await TestDatabase.shared.create())
        let postgres = PostgresClient(configuration: url.clientConfiguration, backgroundLogger: TestDatabase.quietLogger)
        let watchdog = StatementWatchdog()
        let repositories = PostgresRepositories(client: postgres, logger: TestDatabase.quietLogger, watchdog: watchdog)
        let router = try await buildRouter(dependencies(repositories, allowPrivateWebhookTargets: allowPrivateWebhookTargets))
        let app = Application(router: router, services: [postgres, watchdog], logger: TestDatabase.quietLogger)
        try await app.test(.router) { client in
            try await body(TestApp(client: client, repositories: repositories))
        }
    }

    /// Runs `body` against a second instance over this app's database: its own router and its own caches.
    func alongside(_ body: @escaping @Sendable (TestApp) async throws -> Void) async throws {
        let router = try await buildRouter(Self.dependencies(repositories, allowPrivateWebhookTargets: true))
        try await Application(router: router, logger: TestDatabase.quietLogger).test(.router) { client in
            try await body(TestApp(client: client, repositories: repositories))
        }
    }

    private static func dependencies(_ r: PostgresRepositories, allowPrivateWebhookTargets: Bool) -> AppDependencies {
        AppDependencies(
            useCases: UseCaseContext(
                store: r.store, accounts: r.accounts, tokens: r.tokens, signInThrottle: r.signInThrottle,
                conferences: r.conferences, members: r.members, topics: r.topics, submissions: r.submissions,
                reviews: r.reviews, registrations: r.registrations, program: r.program, webhooks: r.webhooks,
                idempotency: r.idempotency, probe: r.probe, passwords: PasswordHasher(cost: bcryptCost), templates: MustacheTemplateEngine(),
                allowPrivateWebhookTargets: allowPrivateWebhookTargets),
            corsOrigins: ["https://program.example.org"],
            // Tests play clients at several addresses through X-Forwarded-For.
            trustProxy: true)
    }

    /// The webhook delivery worker over this app's database, run by the tests step by step with the time they choose.
    var webhookRelay: WebhookRelay {
        WebhookRelay(
            queue: repositories.webhookQueue,
            transport: WebhookHTTPTransport(client: HTTPClient.shared, allowPrivateTargets: true), logger: TestDatabase.quietLogger)
    }

    /// The mail delivery worker over this app's database, through `transport`, run by the tests step by step.
    func mailRelay(_ transport: any MessageTransport, batchSize: Int = 20) -> MailRelay {
        MailRelay(queue: repositories.mailQueue, transport: transport, batchSize: batchSize, logger: TestDatabase.quietLogger)
    }

    // MARK: Requests

    func request(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: JSON? = nil, raw: String? = nil,
        headers: [String: String] = [:]
    ) async throws -> Reply {
        var fields = HTTPFields()
        if let token { fields[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(bytes: try JSONEncoder().encode(json))
            fields[.contentType] = "application/json"
        } else if let raw {
            body = ByteBuffer(string: raw)
        }
        for (name, value) in headers {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        return try await client.execute(uri: path, method: method, headers: fields, body: body) { response in
            Reply(status: Int(response.status.code), headers: response.headers, body: response.body)
        }
    }

    func get(_ path: String, token: String? = nil, headers: [String: String] = [:]) async throws -> Reply {
        try await request(.get, path, token: token, headers: headers)
    }

    func post(_ path: String, token: String? = nil, json: JSON? = nil, headers: [String: String] = [:]) async throws -> Reply {
        try await request(.post, path, token: token, json: json ?? [:], headers: headers)
    }

    func patch(_ path: String, token: String? = nil, json: JSON, headers: [String: String] = [:]) async throws -> Reply {
        try await request(.patch, path, token: token, json: json, headers: headers)
    }

    func put(_ path: String, token: String? = nil, json: JSON) async throws -> Reply {
        try await request(.put, path, token: token, json: json)
    }

    func delete(_ path: String, token: String? = nil) async throws -> Reply {
        try await request(.delete, path, token: token)
    }

    // MARK: Actors of the scenarios

    /// A signed-up account and its token.
    struct User: Sendable {
        var id: String
        var email: String
        var token: String
    }

    /// Signs up through the API and signs in.
    func signUp(_ name: String, email: String? = nil, affiliation: String? = nil) async throws -> User {
        let email = email ?? "\(name.lowercased().filter(\.isLetter))-\(UUID().uuidString.prefix(8))@example.org"
        var body: JSON = ["email": .string(email), "password": "correct horse battery", "name": .string(name)]
        if let affiliation { body["affiliation"] = .string(affiliation) }
        let created = try await post("/v1/accounts", json: body)
        guard created.status == 201, let id = created.json["id"].string else { throw Unexpected(created) }
        return User(id: id, email: email, token: try await signIn(email, "correct horse battery"))
    }

    func signIn(_ email: String, _ password: String) async throws -> String {
        let reply = try await post("/v1/tokens", json: ["email": .string(email), "password": .string(password)])
        guard reply.status == 201, let token = reply.json["token"].string else { throw Unexpected(reply) }
        return token
    }

    /// The platform administrator, created as `create-admin` does, signed in through the API.
    func admin() async throws -> User {
        let email = "admin-\(UUID().uuidString.prefix(8))@confer.test"
        let account = try await BootstrapAdmin(useCases).run(email: email, password: "admin password 2019", name: "Admin")
        return User(id: account.id.uuidString.lowercased(), email: email, token: try await signIn(email, "admin password 2019"))
    }

    /// A conference body shaped like the reference conference, with a slug of its own.
    static func conferenceBody(slug: String) -> JSON {
        [
            "slug": .string(slug),
            "name": "L'accompagnement par les pairs : enjeux contemporains",
            "languages": ["fr", "en"],
            "startDate": "2019-11-14",
            "endDate": "2019-11-15",
            "timezone": "Europe/Paris",
            "venue": "Maison des Sciences de l'Homme en Bretagne, Rennes",
            "submissionDeadline": "2019-05-30T23:59:59+02:00",
            "notificationDate": "2019-07-15T00:00:00+02:00",
            "registrationOpens": "2019-04-01T00:00:00+02:00",
            "registrationCloses": "2019-11-13T23:59:59+01:00",
            "translations": ["en": ["name": "Peer support: contemporary issues", "venue": "MSHB, Rennes"]],
        ]
    }

    /// Creates a conference as `admin` (who becomes its organizer) and returns its body.
    func createConference(_ slug: String, by admin: User, body: JSON? = nil) async throws -> JSON {
        let reply = try await post("/v1/conferences", token: admin.token, json: body ?? Self.conferenceBody(slug: slug))
        guard reply.status == 201 else { throw Unexpected(reply) }
        return reply.json
    }
}

/// A response as the tests read it.
struct Reply: Sendable, CustomStringConvertible {
    var status: Int
    var headers: HTTPFields
    var body: ByteBuffer

    var text: String { String(buffer: body) }
    var json: JSON { (try? JSONDecoder().decode(JSON.self, from: Data(text.utf8))) ?? .null }
    func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { headers[$0] } }

    /// The fields named in a problem's `errors`.
    var errorFields: [String] { json["errors"].array.compactMap { $0["field"].string } }
    var isProblem: Bool { header("Content-Type") == "application/problem+json" }

    var description: String { "\(status) \(text.prefix(600))" }
}

/// A step of a scenario answered otherwise than it should.
struct Unexpected: Error, CustomStringConvertible {
    var reply: Reply
    init(_ reply: Reply) { self.reply = reply }
    var description: String { "unexpected response: \(reply)" }
}

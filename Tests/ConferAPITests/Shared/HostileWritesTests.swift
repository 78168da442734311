import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import Testing

/// Every write route of `openapi.yaml` (POST, PUT, PATCH, DELETE) gets hostile input from a caller allowed to use it.
///
/// For each attempt that must fail: a 4xx `application/problem+json` answer (never 2xx, never 5xx), `GET /health`
/// still 200, and not one row changed in any table (row count and checksum of every table, compared before and
/// after each request). Then a control request, the route's valid body with SQL- and script-looking text in every
/// free-text field, must succeed, store those texts verbatim and leave every table in place: that proves the base
/// body was valid, so each refusal above was caused by the one thing the attempt broke.
///
/// The routes are a table (`HostileWriteRoute.all`): method, path template with its parameters taken from a fixture
/// that holds one of everything, a valid body, and the body's fields with their kinds; the attempts are generated
/// from the kinds. The areas of the table run in parallel, each over one fixture that is restored (every table copied
/// back) before each route and after any attempt that wrongly changed rows, so that no outcome hides another.
/// `HostileInputTests` keeps its few focused checks (exact field names, messages); this generalises them.
@Suite("Hostile writes: every write route refuses bad input with a 4xx problem and changes no row")
struct HostileWritesTests {
    /// The table covers exactly the write operations of the contract: a new route cannot be forgotten here.
    @Test func theTableCoversEveryWriteOperationOfTheContract() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let yaml = try String(contentsOf: root.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        var contract = Set<String>()
        var path = ""
        var method = ""
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                method = String(line.dropFirst(4).dropLast())
            } else if let range = line.range(of: "operationId: "), ["post", "put", "patch", "delete"].contains(method) {
                contract.insert("\(method.uppercased()) \(path) \(line[range.upperBound...])")
            }
        }
        #expect(contract.count >= 40)
        let covered = Set(HostileWriteRoute.all.map { "\($0.method.rawValue) \($0.template) \($0.operationId)" })
        #expect(contract.subtracting(covered).sorted() == [], "write operations without hostile input")
        #expect(covered.subtracting(contract).sorted() == [], "table entries that are not operations of openapi.yaml")
    }

    /// One fixture per area; before each route the fixture is put back as it was made.
    @Test(arguments: HostileArea.allCases)
    func hostileInputIsRefusedAndChangesNoRow(_ area: HostileArea) async throws {
        try await TestApp.run { app in
            let fixture = try await HostileFixture.make(app)
            let database = try await HostileDatabase.open(app)
            try await database.backUp()
            let pristine = try await database.state()
            for route in area.routes {
                try await database.restore()
                try await attack(route, fixture, app: app, database: database, pristine: pristine)
                try await database.restore()
                try await control(route, fixture, app: app, database: database)
            }
        }
    }

    /// Each hostile attempt meets the same fixture: a request that wrongly changed rows is reported, then undone, so
    /// that it cannot hide (or cause) the outcome of the attempts after it.
    private func attack(
        _ route: HostileWriteRoute, _ fixture: HostileFixture, app: TestApp, database: HostileDatabase, pristine: HostileDatabase.State
    ) async throws {
        let attempts = try route.attempts(fixture)
        #expect(!attempts.isEmpty)
        for (index, attempt) in attempts.enumerated() {
            let reply = try await HostileWriteRoute.send(app, route.method, attempt.path, headers: attempt.headers, body: attempt.body)
            let at = "\(route.label) [\(attempt.label)]"
            switch attempt.outcome {
            case .status(let status) where reply.status != status:
                Issue.record("\(at): expected \(status), got \(reply)")
            case .clientError where !(400..<500).contains(reply.status):
                Issue.record("\(at): expected a 4xx, got \(reply)")
            default:
                break
            }
            if !reply.isProblem {
                Issue.record("\(at): Content-Type \(reply.header("Content-Type") ?? "none"), not application/problem+json (\(reply.status))")
            }
            let after = try await database.state()
            if after != pristine {
                Issue.record("\(at) changed rows: \(after.changes(since: pristine)); reply \(reply)")
                try await database.restore()
                try #require(try await database.state() == pristine, "the fixture could not be restored")
            }
            // The server keeps serving: checked after any answer that is not a 4xx, and after the last attempt.
            if !(400..<500).contains(reply.status) || index == attempts.count - 1 {
                let health = try await app.get("/health")
                if health.status != 200 {
                    Issue.record("\(at): /health answered \(health) afterwards")
                }
            }
        }
        if ProcessInfo.processInfo.environment["CONFER_HOSTILE_VERBOSE"] != nil {
            print("hostile-writes \(route.label): \(attempts.count) hostile requests")
        }
    }

    /// The valid request, with injection-looking text in every free-text field: it succeeds, the texts come back
    /// verbatim, and no table disappeared or (unless the route deletes) lost rows.
    private func control(_ route: HostileWriteRoute, _ fixture: HostileFixture, app: TestApp, database: HostileDatabase) async throws {
        let before = try await database.state()
        let body = route.body.map { route.withInjections($0(fixture)) }
        var headers = route.headers(fixture)
        if body != nil { headers["Content-Type"] = "application/json" }
        let path = route.path(fixture)
        let reply = try await HostileWriteRoute.send(
            app, route.method, path, headers: headers, body: try body.map { Array(try JSONEncoder().encode($0)) })
        #expect(reply.status == route.controlStatus, "\(route.label) [control: valid body with injection text]: \(reply)")
        if let body {
            var echoed = 0
            for field in route.fields where field.kind.isText {
                guard let sent = body.hostileValue(at: field.path)?.string, let got = reply.json.hostileValue(at: field.path)?.string
                else { continue }
                #expect(got == sent, "\(route.label): \(field.name) was not stored verbatim: sent \(sent), got \(got)")
                echoed += 1
            }
            let stored = Set(route.fields.filter { $0.kind.isText && $0.name != "password" }.compactMap { body.hostileValue(at: $0.path)?.string })
            if !stored.isEmpty {
                #expect(echoed > 0, "\(route.label): no free-text field came back in \(reply)")
            }
            // Whatever the answer shows, the database holds the texts as sent (the password is only hashed).
            for text in stored.sorted() {
                #expect(try await database.rows(containing: text) > 0, "\(route.label): \(text) is not stored verbatim in any table")
            }
        }
        let after = try await database.state()
        if after.tableNames != before.tableNames {
            Issue.record("\(route.label): tables appeared or disappeared: \(before.tableNames.symmetricDifference(after.tableNames).sorted())")
        }
        if route.method != .delete {
            let shrunk = before.tables.filter { name, state in (after.tables[name]?.count ?? 0) < state.count }.keys.sorted()
            #expect(shrunk == [], "\(route.label): the control request removed rows from \(shrunk)")
        }
        #expect(try await app.get("/health").status == 200)
    }
}

// MARK: - The fixture: one of everything

/// A conference with an open call (deadline 2099) and an open registration window, and in it: a topic, a draft, a
/// submitted proposal with two assigned reviewers (one has reviewed), two accepted proposals (one placed as a talk),
/// a fee category, a registration, a voucher, a room, a session, a webhook and one of its deliveries.
struct HostileFixture: Sendable {
    var admin: TestApp.User
    var author: TestApp.User
    /// Assigned to `submittedId`, with a review.
    var reviewerA: TestApp.User
    /// Assigned to `submittedId`, without a review yet.
    var reviewerB: TestApp.User
    /// A reviewer of the committee with no assignment.
    var reviewerC: TestApp.User
    /// Registered (confirmed) in `categoryId`.
    var attendee: TestApp.User
    /// Signed up, not registered, not a member.
    var newcomer: TestApp.User
    var slug: String
    var topicId: String
    var draftId: String
    var submittedId: String
    var reviewId: String
    var scheduledId: String
    var unscheduledId: String
    var categoryId: String
    var registrationId: String
    var voucherCode: String
    var roomId: String
    var sessionId: String
    var talkId: String
    var webhookId: String
    var deliveryId: String

    var base: String { "/v1/conferences/\(slug)" }

    static func make(_ app: TestApp) async throws -> HostileFixture {
        let slug = "hostile-2027"
        let admin = try await app.admin()
        _ = try await app.createConference(slug, by: admin, body: TestApp.conferenceBody(slug: slug)
            .with("submissionDeadline", "2099-05-30T23:59:59+02:00").with("notificationDate", "2099-07-15T00:00:00+02:00")
            .with("registrationOpens", "2020-01-01T00:00:00Z").with("registrationCloses", "2099-01-01T00:00:00Z"))
        let base = "/v1/conferences/\(slug)"
        let token = admin.token
        func id(_ reply: Reply, _ status: Int = 201) throws -> String {
            guard reply.status == status, let id = reply.json["id"].string else { throw Unexpected(reply) }
            return id
        }
        func ok(_ reply: Reply, _ status: Int) throws {
            guard reply.status == status else { throw Unexpected(reply) }
        }
        let topicId = try id(try await app.post("\(base)/topics", token: token, json: [
            "kind": "topic", "title": "Pair-aidance en santé mentale", "translations": ["en": ["title": "Peer support in mental health"]],
        ]))
        // Created before the proposals are submitted, so that their submission leaves deliveries in its log.
        let webhookId = try id(try await app.post("\(base)/webhooks", token: token, json: [
            "url": "https://hooks.example.org/confer", "events": ["submission.submitted"], "description": "CRM",
        ]))

        let author = try await app.signUp("Claire Martin", affiliation: "Université Rennes 2")
        func proposal(_ n: Int) async throws -> String {
            try id(try await app.post("\(base)/submissions", token: author.token, json: [
                "title": .string("Proposition \(n) : les pairs-aidants dans le service \(n)"),
                "abstract": .string("Résumé \(n) : nous étudions l'accompagnement par les pairs, cas numéro \(n)."),
                "topicId": .string(topicId), "format": "oral", "language": "fr",
                "authors": [["name": "Claire Martin", "email": .string(author.email), "presenting": true]],
            ]))
        }
        let draftId = try await proposal(0)
        let submittedId = try await proposal(1)
        let scheduledId = try await proposal(2)
        let unscheduledId = try await proposal(3)
        for proposal in [submittedId, scheduledId, unscheduledId] {
            try ok(try await app.post("\(base)/submissions/\(proposal)/submit", token: author.token), 200)
        }
        var reviewers: [TestApp.User] = []
        for name in ["Relectrice A", "Relecteur B", "Relectrice C"] {
            let reviewer = try await app.signUp(name, affiliation: "Institut \(name.suffix(1))")
            try ok(try await app.put("\(base)/members/\(reviewer.id)", token: token, json: ["roles": ["reviewer"], "topicIds": [.string(topicId)]]), 201)
            reviewers.append(reviewer)
        }
        for reviewer in reviewers.prefix(2) {
            try ok(try await app.post("\(base)/submissions/\(submittedId)/assignments", token: token, json: ["reviewerId": .string(reviewer.id)]), 201)
        }
        let reviewId = try id(try await app.post("\(base)/submissions/\(submittedId)/reviews", token: reviewers[0].token, json: [
            "score": 4, "confidence": 3, "commentsForAuthors": "Solide.", "commentsForCommittee": "Accepter.",
        ]))
        for proposal in [scheduledId, unscheduledId] {
            try ok(try await app.post("\(base)/submissions/\(proposal)/decision", token: token, json: ["decision": "accepted"]), 200)
        }

        let roomId = try id(try await app.post("\(base)/rooms", token: token, json: ["name": "Amphithéâtre", "capacity": 300]))
        let sessionId = try id(try await app.post("\(base)/sessions", token: token, json: [
            "title": "Pair-aidance et santé", "roomId": .string(roomId), "startsAt": "2019-11-14T09:00:00+01:00",
            "endsAt": "2019-11-14T10:30:00+01:00", "kind": "parallel",
        ]))
        let talkId = try id(try await app.post("\(base)/sessions/\(sessionId)/talks", token: token, json: [
            "submissionId": .string(scheduledId), "startsAt": "2019-11-14T09:00:00+01:00", "durationMinutes": 20,
        ]))

        let categoryId = try id(try await app.post("\(base)/registration-categories", token: token, json: [
            "name": "Étudiant·e", "price": ["amount": 4500, "currency": "EUR"],
        ]))
        let attendee = try await app.signUp("Personne Inscrite")
        let registrationId = try id(try await app.post("\(base)/registrations", token: attendee.token, json: ["categoryId": .string(categoryId)]))
        let voucherCode = "HOSTILE10"
        _ = try id(try await app.post("\(base)/vouchers", token: token, json: ["code": .string(voucherCode), "discountPercent": 10, "maxUses": 5]))
        let newcomer = try await app.signUp("Nouvelle Venue")

        let log = try await app.get("\(base)/webhooks/\(webhookId)/deliveries", token: token)
        guard let deliveryId = log.json["items"][0]["id"].string else { throw Unexpected(log) }

        return HostileFixture(
            admin: admin, author: author, reviewerA: reviewers[0], reviewerB: reviewers[1], reviewerC: reviewers[2],
            attendee: attendee, newcomer: newcomer, slug: slug, topicId: topicId, draftId: draftId, submittedId: submittedId,
            reviewId: reviewId, scheduledId: scheduledId, unscheduledId: unscheduledId, categoryId: categoryId,
            registrationId: registrationId, voucherCode: voucherCode, roomId: roomId, sessionId: sessionId, talkId: talkId,
            webhookId: webhookId, deliveryId: deliveryId)
    }
}

// MARK: - Rows of every table

/// Row count and checksum of every table but those that legitimately change on any request.
struct HostileDatabase: Sendable {
    let app: TestApp
    /// Reads the list of tables, then row count and checksum of each: one statement, built once.
    let snapshot: String
    /// Claimed idempotency keys, and failed sign-ins (counted even when the body is refused): not data of the domain.
    static let volatile: Set<String> = ["idempotency_keys", "sign_in_failures"]

    struct Table: Equatable, Sendable {
        var count: Int
        var digest: String
    }

    struct State: Equatable, Sendable {
        var tableNames: Set<String>
        var tables: [String: Table]

        func changes(since before: State) -> String {
            var lines: [String] = []
            for name in tableNames.union(before.tableNames).sorted() where tables[name] != before.tables[name] {
                let old = before.tables[name].map { "\($0.count) rows" } ?? "absent"
                let new = tables[name].map { "\($0.count) rows" } ?? "absent"
                lines.append("\(name): \(old) → \(new)\(old == new ? " (contents changed)" : "")")
            }
            return lines.joined(separator: "; ")
        }
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func tableNames(_ app: TestApp) async throws -> [String] {
        var names: [String] = []
        let rows = try await app.repositories.database.client.query("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'")
        for try await name in rows.decode(String.self) { names.append(name) }
        return names.sorted()
    }

    /// Copies every table into the schema `hostile_backup`, which `restore` copies back.
    func backUp() async throws {
        let client = app.repositories.database.client
        try await client.query("CREATE SCHEMA hostile_backup")
        for name in try await Self.tableNames(app) {
            try await client.query(PostgresQuery(unsafeSQL: "CREATE TABLE hostile_backup.\(Self.quoted(name)) AS TABLE public.\(Self.quoted(name))"))
        }
    }

    /// Puts every table (but the migrations) back as `backUp` found it, in one transaction, referenced tables first.
    func restore() async throws {
        let client = app.repositories.database.client
        let names = try await Self.tableNames(app).filter { $0 != "schema_migrations" }
        var parents: [String: Set<String>] = [:]
        let edges = try await client.query("""
            SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint
            WHERE contype = 'f' AND connamespace = 'public'::regnamespace
            """)
        for try await (child, parent) in edges.decode((String, String).self) where child != parent {
            parents[child, default: []].insert(parent)
        }
        var ordered: [String] = []
        var remaining = names
        while !remaining.isEmpty {
            let done = Set(ordered)
            let ready = remaining.filter { parents[$0, default: []].intersection(names).isSubset(of: done) }
            let next = ready.isEmpty ? remaining : ready  // a cycle: no order would do, the insert will say so
            ordered += next
            remaining.removeAll(where: next.contains)
        }
        try await client.withTransaction(logger: TestDatabase.quietLogger) { connection in
            let all = names.map(Self.quoted).joined(separator: ", ")
            try await connection.query(PostgresQuery(unsafeSQL: "TRUNCATE \(all)"), logger: TestDatabase.quietLogger)
            for name in ordered {
                try await connection.query(
                    PostgresQuery(unsafeSQL: "INSERT INTO public.\(Self.quoted(name)) SELECT * FROM hostile_backup.\(Self.quoted(name))"),
                    logger: TestDatabase.quietLogger)
            }
        }
    }

    /// How many rows of the checked tables hold `text` (in their text form, JSON columns included).
    func rows(containing text: String) async throws -> Int {
        let names = try await Self.tableNames(app).filter { !Self.volatile.contains($0) }
        let union = names.map { "SELECT t::text AS line FROM public.\(Self.quoted($0)) t" }.joined(separator: " UNION ALL ")
        let rows = try await app.repositories.database.client.query(
            "SELECT count(*)::int FROM (\(unescaped: union)) AS everything WHERE strpos(line, \(text)) > 0")
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }

    /// Builds the snapshot statement over the tables the fixture has.
    static func open(_ app: TestApp) async throws -> HostileDatabase {
        let names = try await tableNames(app)
        // The list of tables is read again by each snapshot: a table dropped or added shows as a difference.
        let list = "SELECT tablename::text, -1, '' FROM pg_tables WHERE schemaname = 'public'"
        let checked = names.filter { !volatile.contains($0) }.map { name in
            "SELECT \(literal(name)), count(*)::int, coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM \(quoted(name)) t"
        }
        return HostileDatabase(app: app, snapshot: ([list] + checked).joined(separator: " UNION ALL "))
    }

    func state() async throws -> State {
        var names = Set<String>()
        var tables: [String: Table] = [:]
        do {
            let rows = try await app.repositories.database.client.query(PostgresQuery(unsafeSQL: snapshot))
            for try await (name, count, digest) in rows.decode((String, Int, String).self) {
                if count < 0 { names.insert(name) } else { tables[name] = Table(count: count, digest: digest) }
            }
        } catch {
            // A table of the snapshot is gone: that is a difference to report, not a reason to stop.
            return State(tableNames: Set(try await Self.tableNames(app)), tables: [:])
        }
        return State(tableNames: names, tables: tables)
    }

    static func literal(_ name: String) -> String { "'" + name.replacingOccurrences(of: "'", with: "''") + "'::text" }
}

// MARK: - The table of write routes

/// Which dates the domain rules accept for a field; those probes are skipped for it.
enum HostileDateProbe: Sendable, Hashable, CaseIterable {
    /// `0001-01-01`.
    case farPast
    /// `9999-12-31`.
    case farFuture
    /// `-271821-04-20`, JavaScript's earliest date.
    case jsMinimum
    /// Days and times that do not exist: `2019-02-30`, `25:61`.
    case impossible
    /// A date where an instant is expected, an instant where a date is, a valid value followed by other text.
    case otherFormat
}

/// What a field holds, which decides the hostile values it gets.
enum HostileKind: Sendable {
    /// Free text: any characters but NUL up to a length, so SQL- and HTML-looking text is valid and stored verbatim.
    /// `nonBlank`: blank text is refused (a minimum length of 1).
    case text(nonBlank: Bool)
    /// A string with a format (email, slug, URL, code, currency, time zone, language, secret, credentials): no hostile
    /// string fits it.
    case string
    /// A UUID naming something of this conference (an unknown one is refused too).
    case uuid
    /// A UUID whose existence the rules do not check: an unknown one is not probed.
    case uuidNotChecked
    case enumeration
    /// Every integer of this API has a minimum of 0 or more: -1 is always out of range.
    case integer
    case boolean
    /// `YYYY-MM-DD`, with the probes the rules accept for this field.
    case calendarDate(valid: Set<HostileDateProbe>)
    /// An RFC 3339 instant, with the probes the rules accept for this field.
    case instant(valid: Set<HostileDateProbe>)
    /// `emptyIsValid`: whether `[]` is allowed (no `minItems`).
    case array(emptyIsValid: Bool)
    case object

    var isText: Bool { if case .text = self { true } else { false } }
}

struct HostileField: Sendable {
    /// Keys, and array indexes as numbers: `["authors", "0", "email"]`.
    var path: [String]
    var kind: HostileKind
    /// Required in the object that holds it (the body, or an author, a price…).
    var required: Bool
    var name: String { path.joined(separator: ".") }

    init(_ name: String, _ kind: HostileKind, required: Bool = false) {
        self.path = name.split(separator: ".").map(String.init)
        self.kind = kind
        self.required = required
    }
}

enum HostileCaller: Sendable {
    case anonymous, organizer, author, reviewerA, reviewerB, attendee, newcomer

    func token(_ f: HostileFixture) -> String? {
        switch self {
        case .anonymous: nil
        case .organizer: f.admin.token
        case .author: f.author.token
        case .reviewerA: f.reviewerA.token
        case .reviewerB: f.reviewerB.token
        case .attendee: f.attendee.token
        case .newcomer: f.newcomer.token
        }
    }
}

/// One hostile request and what must come back.
struct HostileAttempt: Sendable {
    enum Outcome: Sendable { case clientError, status(Int) }
    var label: String
    var path: String
    var headers: [String: String]
    var body: [UInt8]?
    var outcome: Outcome
}

struct HostileWriteRoute: Sendable, CustomTestStringConvertible {
    var operationId: String
    /// A second entry for one operation says what it varies, e.g. `createVoucher (amount)`.
    var variant: String?
    var method: HTTPRequest.Method
    /// The path exactly as in `openapi.yaml`.
    var template: String
    var caller: HostileCaller
    var parameters: @Sendable (HostileFixture) -> [String: String]
    /// A valid body; nil for operations without one.
    var body: (@Sendable (HostileFixture) -> JSON)?
    var bodyRequired = true
    var fields: [HostileField] = []
    var ifMatch = false
    var controlStatus: Int

    var label: String { operationId + (variant.map { " (\($0))" } ?? "") }
    var testDescription: String { label }

    func path(_ f: HostileFixture, replacing name: String? = nil, with value: String? = nil) -> String {
        var path = template
        for (key, valid) in parameters(f) {
            path = path.replacingOccurrences(of: "{\(key)}", with: key == name ? (value ?? valid) : valid)
        }
        return path
    }

    func headers(_ f: HostileFixture) -> [String: String] {
        caller.token(f).map { ["Authorization": "Bearer \($0)"] } ?? [:]
    }

    static let injections = ["'; DROP TABLE submissions; --", "<script>alert(1)</script>"]

    /// The body with the injection strings, alternately, in every free-text field.
    func withInjections(_ body: JSON) -> JSON {
        var body = body
        for (index, field) in fields.filter({ $0.kind.isText }).enumerated() where body.hostileValue(at: field.path) != nil {
            body = body.hostileSetting(field.path[...], .string(Self.injections[index % 2]))
        }
        return body
    }

    // MARK: Attempts

    func attempts(_ f: HostileFixture) throws -> [HostileAttempt] {
        var attempts: [HostileAttempt] = []
        let auth = headers(f)
        var json = auth
        json["Content-Type"] = "application/json"
        let validBody = try body.map { Array(try JSONEncoder().encode($0(f))) }
        let bodyHeaders = validBody == nil ? auth : json
        func add(_ label: String, path: String? = nil, headers: [String: String]? = nil, body: [UInt8]?, _ outcome: HostileAttempt.Outcome = .clientError) {
            attempts.append(HostileAttempt(label: label, path: path ?? self.path(f), headers: headers ?? json, body: body, outcome: outcome))
        }

        // Path parameters, one at a time, the others valid.
        for name in parameters(f).keys.sorted() {
            let values: [(String, String)] = name == "slug"
                ? [("unknown", "no-such-conference"), ("SQL", "%27%3B%20DROP%20TABLE%20submissions%3B%20--"),
                   ("script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"), ("NUL", "%00"), ("10000 characters", String(repeating: "a", count: 10_000))]
                : [("not a UUID", "not-a-uuid"), ("unknown UUID", UUID().uuidString.lowercased()), ("SQL", "%27%20OR%20%271%27%3D%271"),
                   ("NUL", "%00"), ("UUID and NUL", "\(parameters(f)[name] ?? "")%00"), ("id of another kind", f.topicId)]
            for (label, value) in values {
                add("path \(name): \(label)", path: path(f, replacing: name, with: value), headers: bodyHeaders, body: validBody)
            }
        }
        // Credentials.
        if caller != .anonymous {
            for (label, token) in [("SQL", "'; DROP TABLE tokens; --"), ("10000 characters", String(repeating: "t", count: 10_000)),
                                   ("garbage", "not a token at all")] {
                var headers = bodyHeaders
                headers["Authorization"] = "Bearer \(token)"
                add("bearer token: \(label)", headers: headers, body: validBody, .status(401))
            }
        }
        // Headers.
        if ifMatch, let validBody {
            var headers = json
            headers["If-Match"] = "\"'; DROP TABLE submissions; --\""
            add("If-Match: SQL", headers: headers, body: validBody, .status(412))
        }
        if method == .post {
            var headers = bodyHeaders
            headers["Idempotency-Key"] = String(repeating: "k", count: 300)
            add("Idempotency-Key of 300 characters", headers: headers, body: validBody)
        }
        // 10 MB, whatever the route.
        let tenMegabytes = Array("{\"\(fields.first?.path.first ?? "x")\": \"".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 10 << 20) + Array("\"}".utf8)
        add("10 MB body", body: tenMegabytes, .status(413))

        guard let body, let validBody else { return attempts }
        let valid = body(f)

        // Whole bodies.
        add("malformed JSON", body: Array("{\"title\": ".utf8), .status(400))
        add("truncated JSON", body: Array(validBody.dropLast()), .status(400))
        add("trailing garbage", body: validBody + Array("}{".utf8), .status(400))
        add("a JSON array", body: Array("[1, 2]".utf8))
        add("a JSON string", body: Array("\"just a string\"".utf8))
        add("a JSON number", body: Array("42".utf8))
        add("invalid UTF-8 bytes", body: [0xFF, 0xFE, 0xC3, 0x28])
        var plain = auth
        plain["Content-Type"] = "text/plain"
        add("valid body as text/plain", headers: plain, body: validBody, .status(415))
        if bodyRequired {
            add("empty body", body: [])
        }
        // `{}` is valid where nothing is required at the top (partial updates, optional bodies).
        if fields.contains(where: { $0.required && $0.path.count == 1 }) {
            add("empty object", body: Array("{}".utf8))
        }
        for field in fields where field.required {
            add("\(field.name): missing", body: try Self.encode(valid.hostileSetting(field.path[...], nil)))
        }
        // Each field.
        for field in fields {
            guard let current = valid.hostileValue(at: field.path) else { continue }
            for (label, value) in Self.probes(field.kind, current: current) {
                add("\(field.name): \(label)", body: try Self.encode(valid, setting: field.path, to: value))
            }
        }
        return attempts
    }

    enum Value {
        case json(JSON)
        /// Bytes written as they are in place of the value: numbers JSON can write but `Double` cannot hold,
        /// invalid UTF-8, raw control characters.
        case raw([UInt8])
    }

    static func quoted(_ bytes: [UInt8]) -> [UInt8] { [UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")] }

    /// Hostile values for a field of `kind` whose valid value is `current`; valid ones (by the rules) are left out.
    static func probes(_ kind: HostileKind, current: JSON) -> [(String, Value)] {
        let long = String(repeating: "x", count: 100_000)
        let base = current.string ?? ""
        let strings: [(String, Value)] = [
            ("a number instead of a string", .json(42)),
            ("an object instead of a string", .json(["x": 1])),
            ("100000 characters", .json(.string(long))),
            ("NUL character", .json(.string(base.isEmpty ? "a\u{0}b" : base + "\u{0}"))),
            ("invalid UTF-8 (C3 28)", .raw(quoted(Array("ab".utf8) + [0xC3, 0x28] + Array("cd".utf8)))),
            ("invalid UTF-8 (FF)", .raw(quoted(Array("ab".utf8) + [0xFF] + Array("cd".utf8)))),
            ("raw NUL byte inside the string", .raw(quoted(Array("ab".utf8) + [0x00] + Array("cd".utf8)))),
        ]
        let injections: [(String, Value)] = [
            ("SQL injection", .json(.string(injections[0]))), ("script injection", .json(.string(injections[1]))),
        ]
        func dates(_ valid: Set<HostileDateProbe>, instant: Bool) -> [(String, Value)] {
            let all: [(HostileDateProbe, String)] = instant
                ? [(.farPast, "0001-01-01T00:00:00Z"), (.farFuture, "9999-12-31T23:59:59Z"), (.jsMinimum, "-271821-04-20T00:00:00Z"),
                   (.impossible, "2019-02-30T10:00:00Z"), (.impossible, "2019-11-14T25:61:00Z"), (.impossible, "2019-02-30"),
                   (.otherFormat, "2019-11-14"), (.otherFormat, base + "junk")]
                : [(.farPast, "0001-01-01"), (.farFuture, "9999-12-31"), (.jsMinimum, "-271821-04-20"),
                   (.impossible, "2019-02-30"), (.otherFormat, "2019-11-14T00:00:00Z"), (.otherFormat, "0001-01-01T00:00:00Z"),
                   (.otherFormat, base + "junk")]
            return all.filter { !valid.contains($0.0) }.map { ("date \($0.1)", .json(.string($0.1))) }
        }
        let numbers: [(String, Value)] = [
            ("-1", .json(-1)), ("1e300", .raw(Array("1e300".utf8))), ("2^63", .raw(Array("9223372036854775808".utf8))),
            ("-2^63 - 1", .raw(Array("-9223372036854775809".utf8))), ("1.5", .json(.number(1.5))),
            ("a string instead of a number", .json("12")), ("a boolean instead of a number", .json(true)),
        ]
        switch kind {
        case .text(let nonBlank):
            // Injection strings are valid text: the control request stores them.
            return strings + (nonBlank ? [("blank", .json("   "))] : [])
        case .string:
            return strings + injections + [("empty", .json(""))]
        case .uuid:
            return strings + injections + [("not a UUID", .json("not-a-uuid")), ("unknown UUID", .json(.string(UUID().uuidString.lowercased()))),
                                           ("empty", .json(""))]
        case .uuidNotChecked:
            return strings + injections + [("not a UUID", .json("not-a-uuid")), ("empty", .json(""))]
        case .enumeration:
            return strings + injections + [("unknown value", .json("definitely-not-a-value")),
                                           ("upper case", .json(.string(base.uppercased()))), ("empty", .json(""))]
        case .integer:
            return numbers
        case .boolean:
            return [("a string instead of a boolean", .json("true")), ("a number instead of a boolean", .json(1))]
        case .calendarDate(let valid):
            return strings + injections + dates(valid, instant: false)
        case .instant(let valid):
            return strings + injections + dates(valid, instant: true)
        case .array(let emptyIsValid):
            return [("an object instead of an array", .json(["x": 1])), ("a string instead of an array", .json("x")),
                    ("an element of the wrong type", .json([42]))] + (emptyIsValid ? [] : [("empty array", .json([]))])
        case .object:
            return [("an array instead of an object", .json([1])), ("a string instead of an object", .json("x")),
                    ("a number instead of an object", .json(42))]
        }
    }

    static let placeholder = "__confer_hostile_raw_value__"

    static func encode(_ json: JSON) throws -> [UInt8] { Array(try JSONEncoder().encode(json)) }

    static func encode(_ json: JSON, setting path: [String], to value: Value) throws -> [UInt8] {
        switch value {
        case .json(let value):
            return try encode(json.hostileSetting(path[...], value))
        case .raw(let bytes):
            let encoded = try encode(json.hostileSetting(path[...], .string(placeholder)))
            let needle = Array("\"\(placeholder)\"".utf8)
            guard let start = encoded.indices.first(where: { encoded[$0...].starts(with: needle) }) else { return encoded }
            return Array(encoded[..<start]) + bytes + Array(encoded[(start + needle.count)...])
        }
    }

    static func send(_ app: TestApp, _ method: HTTPRequest.Method, _ path: String, headers: [String: String], body: [UInt8]?) async throws -> Reply {
        var fields = HTTPFields()
        for (name, value) in headers {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        return try await app.client.execute(uri: path, method: method, headers: fields, body: body.map { ByteBuffer(bytes: $0) }) { response in
            Reply(status: Int(response.status.code), headers: response.headers, body: response.body)
        }
    }
}

// MARK: - The routes

extension HostileWriteRoute {
    static let conferences = "/v1/conferences/{slug}"
    static let submission = "/v1/conferences/{slug}/submissions/{submissionId}"

    static func slug(_ f: HostileFixture) -> [String: String] { ["slug": f.slug] }

    /// Conference fields; `creating` makes the required ones required.
    static func conferenceFields(creating: Bool) -> [HostileField] {
        [
            HostileField("slug", .string, required: creating),
            HostileField("name", .text(nonBlank: true), required: creating),
            HostileField("acronym", .text(nonBlank: false)),
            HostileField("venue", .text(nonBlank: false)),
            HostileField("description", .text(nonBlank: false)),
            // 0001-01-01 as the first day is before the last day (2019-11-15): the rules accept it.
            HostileField("startDate", .calendarDate(valid: [.farPast]), required: creating),
            // 9999-12-31 as the last day is after the first day: accepted.
            HostileField("endDate", .calendarDate(valid: [.farFuture]), required: creating),
            HostileField("timezone", .string, required: creating),
            HostileField("languages", .array(emptyIsValid: false), required: creating),
            HostileField("languages.0", .string),
            // Instants must fall in 1900–9999 (ConferenceRules.isPlausible). In 9999 the submission deadline would be after
            // the notification date and registration would open after it closes: refused. A notification date, program
            // date or registration closing in 9999 breaks no rule: that probe is skipped for them.
            HostileField("submissionDeadline", .instant(valid: [])),
            HostileField("notificationDate", .instant(valid: [.farFuture])),
            HostileField("programDate", .instant(valid: [.farFuture])),
            HostileField("registrationOpens", .instant(valid: [])),
            HostileField("registrationCloses", .instant(valid: [.farFuture])),
            HostileField("abstractMaxLength", .integer),
            HostileField("reviewMode", .enumeration),
            HostileField("reviewsPerSubmission", .integer),
            HostileField("translations", .object),
            HostileField("translations.en", .object),
            HostileField("translations.en.name", .text(nonBlank: true)),
            HostileField("translations.en.venue", .text(nonBlank: false)),
        ]
    }

    static func conferenceBody(_ slug: String?) -> JSON {
        var body: JSON = [
            "name": "Les pairs dans le soin", "acronym": "PAIRS", "venue": "Rennes", "description": "Deux journées d'étude.",
            "startDate": "2019-11-14", "endDate": "2019-11-15", "timezone": "Europe/Paris", "languages": ["fr", "en"],
            "submissionDeadline": "2099-05-30T23:59:59+02:00", "notificationDate": "2099-07-15T00:00:00+02:00",
            "programDate": "2099-08-01T00:00:00Z", "registrationOpens": "2020-01-01T00:00:00Z",
            "registrationCloses": "2099-01-01T00:00:00Z", "abstractMaxLength": 3000, "reviewMode": "double-blind",
            "reviewsPerSubmission": 2, "translations": ["en": ["name": "Peers in care", "venue": "Rennes, France"]],
        ]
        if let slug { body["slug"] = .string(slug) }
        return body
    }

    static func submissionFields(creating: Bool) -> [HostileField] {
        [
            HostileField("title", .text(nonBlank: true), required: creating),
            HostileField("abstract", .text(nonBlank: true), required: creating),
            HostileField("topicId", .uuid),
            HostileField("format", .enumeration, required: creating),
            HostileField("videoJustification", .text(nonBlank: false)),
            HostileField("language", .string, required: creating),
            HostileField("keywords", .array(emptyIsValid: true)),
            HostileField("keywords.0", .text(nonBlank: true)),
            HostileField("authors", .array(emptyIsValid: false), required: creating),
            HostileField("authors.0", .object),
            HostileField("authors.0.name", .text(nonBlank: true), required: true),
            HostileField("authors.0.email", .string, required: true),
            HostileField("authors.0.affiliation", .text(nonBlank: false)),
            HostileField("authors.0.presenting", .boolean, required: true),
            HostileField("translations", .object),
            HostileField("translations.en", .object),
            HostileField("translations.en.title", .text(nonBlank: true)),
            HostileField("translations.en.abstract", .text(nonBlank: true)),
        ]
    }

    static func submissionBody(_ f: HostileFixture) -> JSON {
        [
            "title": "Les pairs-aidants en psychiatrie", "abstract": "Nous étudions trois services de psychiatrie.",
            "topicId": .string(f.topicId), "format": "oral", "videoJustification": "Sans objet.", "language": "fr",
            "keywords": ["pair-aidance", "psychiatrie"],
            "authors": [["name": "Claire Martin", "email": .string(f.author.email), "affiliation": "Université Rennes 2", "presenting": true]],
            "translations": ["en": ["title": "Peer workers in psychiatry", "abstract": "We study three psychiatric wards."]],
        ]
    }

    static let reviewFields = [
        HostileField("score", .integer, required: true), HostileField("confidence", .integer, required: true),
        HostileField("commentsForAuthors", .text(nonBlank: false), required: true), HostileField("commentsForCommittee", .text(nonBlank: false)),
    ]

    static let reviewBody: JSON = ["score": 4, "confidence": 3, "commentsForAuthors": "Clair et utile.", "commentsForCommittee": "Accepter."]

    static func sessionFields(creating: Bool) -> [HostileField] {
        [
            HostileField("title", .text(nonBlank: true), required: creating),
            HostileField("roomId", .uuid, required: creating),
            // Sessions lie within the conference days (14–15 November 2019): no probe date can be valid.
            HostileField("startsAt", .instant(valid: []), required: creating),
            HostileField("endsAt", .instant(valid: []), required: creating),
            HostileField("kind", .enumeration, required: creating),
            HostileField("topicId", .uuid),
            HostileField("chairIds", .array(emptyIsValid: true)),
            // ProgramRules check the room and the topic, not the chairs: an unknown chair id is accepted (and left out of
            // the public program), so that probe is skipped.
            HostileField("chairIds.0", .uuidNotChecked),
        ]
    }

    static let webhookSecret = "whsec_" + Data((0..<32).map { UInt8($0 * 7 % 256) }).base64EncodedString()

    static let all = HostileArea.allCases.flatMap(\.routes)

    static let accountRoutes: [HostileWriteRoute] = [
        HostileWriteRoute(
            operationId: "createAccount", method: .post, template: "/v1/accounts", caller: .anonymous, parameters: { _ in [:] },
            body: { _ in ["email": "nouvelle@example.org", "password": "correct horse battery", "name": "Nouvelle Personne",
                          "affiliation": "Université Rennes 2", "country": "FR"] },
            fields: [
                HostileField("email", .string, required: true),
                // A passphrase is free text (10–1024 characters, no NUL): injection strings are valid passwords.
                HostileField("password", .text(nonBlank: true), required: true),
                HostileField("name", .text(nonBlank: true), required: true),
                HostileField("affiliation", .text(nonBlank: false)),
                HostileField("country", .string),
            ],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "createToken", method: .post, template: "/v1/tokens", caller: .anonymous, parameters: { _ in [:] },
            body: { f in ["email": .string(f.author.email), "password": "correct horse battery"] },
            // Credentials: anything but the right ones is refused (401, 422 or, once throttled, 429).
            fields: [HostileField("email", .string, required: true), HostileField("password", .string, required: true)],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "revokeCurrentToken", method: .delete, template: "/v1/tokens/current", caller: .author, parameters: { _ in [:] },
            controlStatus: 204),
    ]

    static let conferenceRoutes: [HostileWriteRoute] = [
        HostileWriteRoute(
            operationId: "createConference", method: .post, template: "/v1/conferences", caller: .organizer, parameters: { _ in [:] },
            body: { _ in conferenceBody("hostile-new") }, fields: conferenceFields(creating: true), controlStatus: 201),
        HostileWriteRoute(
            operationId: "updateConference", method: .patch, template: conferences, caller: .organizer, parameters: slug,
            body: { _ in conferenceBody(nil) }, fields: conferenceFields(creating: false).filter { $0.name != "slug" },
            ifMatch: true, controlStatus: 200),
        HostileWriteRoute(
            operationId: "putMember", method: .put, template: "\(conferences)/members/{accountId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "accountId": f.reviewerC.id] },
            body: { f in ["roles": ["reviewer", "organizer"], "topicIds": [.string(f.topicId)]] },
            fields: [
                HostileField("roles", .array(emptyIsValid: false), required: true), HostileField("roles.0", .enumeration),
                HostileField("topicIds", .array(emptyIsValid: true)), HostileField("topicIds.0", .uuid),
            ],
            controlStatus: 200),
        HostileWriteRoute(
            operationId: "deleteMember", method: .delete, template: "\(conferences)/members/{accountId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "accountId": f.reviewerC.id] }, controlStatus: 204),
        HostileWriteRoute(
            operationId: "createTopic", method: .post, template: "\(conferences)/topics", caller: .organizer, parameters: slug,
            body: { _ in ["title": "Formation des pairs", "description": "Parcours et diplômes.", "kind": "area",
                          "translations": ["en": ["title": "Training of peers", "description": "Courses and degrees."]]] },
            fields: [
                HostileField("title", .text(nonBlank: true), required: true), HostileField("description", .text(nonBlank: false)),
                HostileField("kind", .enumeration, required: true), HostileField("translations", .object),
                HostileField("translations.en", .object), HostileField("translations.en.title", .text(nonBlank: true)),
                HostileField("translations.en.description", .text(nonBlank: false)),
            ],
            controlStatus: 201),
    ]

    static let submissionRoutes: [HostileWriteRoute] = [
        HostileWriteRoute(
            operationId: "createSubmission", method: .post, template: "\(conferences)/submissions", caller: .author, parameters: slug,
            body: submissionBody, fields: submissionFields(creating: true), controlStatus: 201),
        HostileWriteRoute(
            operationId: "updateSubmission", method: .patch, template: submission, caller: .author,
            parameters: { f in ["slug": f.slug, "submissionId": f.draftId] },
            body: submissionBody, fields: submissionFields(creating: false), ifMatch: true, controlStatus: 200),
        HostileWriteRoute(
            operationId: "submitSubmission", method: .post, template: "\(submission)/submit", caller: .author,
            parameters: { f in ["slug": f.slug, "submissionId": f.draftId] }, controlStatus: 200),
        HostileWriteRoute(
            operationId: "withdrawSubmission", method: .post, template: "\(submission)/withdraw", caller: .author,
            parameters: { f in ["slug": f.slug, "submissionId": f.submittedId] }, controlStatus: 200),
    ]

    static let reviewRoutes: [HostileWriteRoute] = [
        HostileWriteRoute(
            operationId: "createAssignment", method: .post, template: "\(submission)/assignments", caller: .organizer,
            parameters: { f in ["slug": f.slug, "submissionId": f.submittedId] },
            body: { f in ["reviewerId": .string(f.reviewerC.id)] }, fields: [HostileField("reviewerId", .uuid, required: true)],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "deleteAssignment", method: .delete, template: "\(submission)/assignments/{reviewerId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "submissionId": f.submittedId, "reviewerId": f.reviewerB.id] }, controlStatus: 204),
        HostileWriteRoute(
            operationId: "autoAssign", method: .post, template: "\(conferences)/auto-assignments", caller: .organizer, parameters: slug,
            body: { _ in ["reviewsPerSubmission": 2] }, bodyRequired: false, fields: [HostileField("reviewsPerSubmission", .integer)],
            controlStatus: 200),
        HostileWriteRoute(
            operationId: "declareConflict", method: .post, template: "\(conferences)/conflicts", caller: .organizer, parameters: slug,
            body: { f in ["submissionId": .string(f.submittedId), "reviewerId": .string(f.reviewerC.id), "reason": "Même laboratoire."] },
            fields: [HostileField("submissionId", .uuid, required: true), HostileField("reviewerId", .uuid), HostileField("reason", .text(nonBlank: false))],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "createReview", method: .post, template: "\(submission)/reviews", caller: .reviewerB,
            parameters: { f in ["slug": f.slug, "submissionId": f.submittedId] },
            body: { _ in reviewBody }, fields: reviewFields, controlStatus: 201),
        HostileWriteRoute(
            operationId: "updateReview", method: .put, template: "\(submission)/reviews/{reviewId}", caller: .reviewerA,
            parameters: { f in ["slug": f.slug, "submissionId": f.submittedId, "reviewId": f.reviewId] },
            body: { _ in reviewBody }, fields: reviewFields, ifMatch: true, controlStatus: 200),
        HostileWriteRoute(
            operationId: "decideSubmission", method: .post, template: "\(submission)/decision", caller: .organizer,
            parameters: { f in ["slug": f.slug, "submissionId": f.submittedId] },
            body: { _ in ["decision": "accepted", "format": "poster"] },
            fields: [HostileField("decision", .enumeration, required: true), HostileField("format", .enumeration)],
            controlStatus: 200),
        HostileWriteRoute(
            operationId: "sendNotifications", method: .post, template: "\(conferences)/notifications", caller: .organizer, parameters: slug,
            body: { _ in ["kind": "decisions"] }, fields: [HostileField("kind", .enumeration, required: true)], controlStatus: 200),
    ]

    static let registrationRoutes: [HostileWriteRoute] = [
        HostileWriteRoute(
            operationId: "createRegistrationCategory", method: .post, template: "\(conferences)/registration-categories",
            caller: .organizer, parameters: slug,
            body: { _ in ["name": "Plein tarif", "description": "Repas compris.", "translations": ["en": ["name": "Full fee", "description": "Meals included."]],
                          "price": ["amount": 12000, "currency": "EUR"], "capacity": 100] },
            fields: [
                HostileField("name", .text(nonBlank: true), required: true), HostileField("description", .text(nonBlank: false)),
                HostileField("translations", .object), HostileField("translations.en", .object),
                HostileField("translations.en.name", .text(nonBlank: true)), HostileField("translations.en.description", .text(nonBlank: false)),
                HostileField("price", .object, required: true), HostileField("price.amount", .integer, required: true), HostileField("price.currency", .string, required: true),
                HostileField("capacity", .integer),
            ],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "createRegistration", method: .post, template: "\(conferences)/registrations", caller: .newcomer, parameters: slug,
            body: { f in ["categoryId": .string(f.categoryId), "name": "Nouvelle Venue", "email": .string(f.newcomer.email),
                          "affiliation": "Association Pairs", "dietaryRequirements": "Végétarien",
                          "accessibility": ["wheelchairAccess": true, "quietRoom": false, "other": "Place près de l'entrée"],
                          "voucherCode": .string(f.voucherCode)] },
            fields: [
                HostileField("categoryId", .uuid, required: true), HostileField("name", .text(nonBlank: true)),
                HostileField("email", .string), HostileField("affiliation", .text(nonBlank: false)),
                HostileField("dietaryRequirements", .text(nonBlank: false)), HostileField("accessibility", .object),
                HostileField("accessibility.wheelchairAccess", .boolean), HostileField("accessibility.other", .text(nonBlank: false)),
                HostileField("voucherCode", .string),
            ],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "updateRegistration", method: .patch, template: "\(conferences)/registrations/{registrationId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "registrationId": f.registrationId] },
            body: { _ in ["paymentStatus": "paid"] }, fields: [HostileField("paymentStatus", .enumeration, required: true)],
            ifMatch: true, controlStatus: 200),
        HostileWriteRoute(
            operationId: "cancelRegistration", method: .post, template: "\(conferences)/registrations/{registrationId}/cancel",
            caller: .attendee, parameters: { f in ["slug": f.slug, "registrationId": f.registrationId] }, controlStatus: 200),
        HostileWriteRoute(
            operationId: "checkInRegistration", method: .post, template: "\(conferences)/registrations/{registrationId}/check-in",
            caller: .organizer, parameters: { f in ["slug": f.slug, "registrationId": f.registrationId] }, controlStatus: 200),
        HostileWriteRoute(
            operationId: "createVoucher", variant: "percent", method: .post, template: "\(conferences)/vouchers", caller: .organizer,
            parameters: slug,
            body: { f in ["code": "SPRING-25", "categoryIds": [.string(f.categoryId)], "discountPercent": 25, "maxUses": 10,
                          "validUntil": "2099-01-01T00:00:00Z"] },
            fields: [
                HostileField("code", .string, required: true), HostileField("categoryIds", .array(emptyIsValid: true)),
                HostileField("categoryIds.0", .uuid), HostileField("discountPercent", .integer), HostileField("maxUses", .integer, required: true),
                // The rules set no bounds on a voucher's end: one valid until 0001 (already expired) or 9999 is accepted.
                HostileField("validUntil", .instant(valid: [.farPast, .farFuture])),
            ],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "createVoucher", variant: "amount", method: .post, template: "\(conferences)/vouchers", caller: .organizer,
            parameters: slug,
            body: { _ in ["code": "MINUS_10", "discountAmount": ["amount": 1000, "currency": "EUR"], "maxUses": 3] },
            fields: [
                HostileField("discountAmount", .object), HostileField("discountAmount.amount", .integer, required: true),
                HostileField("discountAmount.currency", .string, required: true),
            ],
            controlStatus: 201),
    ]

    static let programRoutes: [HostileWriteRoute] = [
        HostileWriteRoute(
            operationId: "createRoom", method: .post, template: "\(conferences)/rooms", caller: .organizer, parameters: slug,
            body: { _ in ["name": "Salle des thèses", "capacity": 40] },
            fields: [HostileField("name", .text(nonBlank: true), required: true), HostileField("capacity", .integer, required: true)],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "createSession", method: .post, template: "\(conferences)/sessions", caller: .organizer, parameters: slug,
            body: { f in ["title": "Formation", "roomId": .string(f.roomId), "startsAt": "2019-11-15T09:00:00+01:00",
                          "endsAt": "2019-11-15T10:30:00+01:00", "kind": "parallel", "topicId": .string(f.topicId),
                          "chairIds": [.string(f.admin.id)]] },
            fields: sessionFields(creating: true), controlStatus: 201),
        HostileWriteRoute(
            operationId: "updateSession", method: .patch, template: "\(conferences)/sessions/{sessionId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "sessionId": f.sessionId] },
            body: { f in ["title": "Pair-aidance et soin", "roomId": .string(f.roomId), "startsAt": "2019-11-14T09:00:00+01:00",
                          "endsAt": "2019-11-14T10:30:00+01:00", "kind": "parallel", "topicId": .string(f.topicId),
                          "chairIds": [.string(f.admin.id)]] },
            fields: sessionFields(creating: false), ifMatch: true, controlStatus: 200),
        HostileWriteRoute(
            operationId: "deleteSession", method: .delete, template: "\(conferences)/sessions/{sessionId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "sessionId": f.sessionId] }, controlStatus: 204),
        HostileWriteRoute(
            operationId: "createTalk", method: .post, template: "\(conferences)/sessions/{sessionId}/talks", caller: .organizer,
            parameters: { f in ["slug": f.slug, "sessionId": f.sessionId] },
            body: { f in ["submissionId": .string(f.unscheduledId), "startsAt": "2019-11-14T09:30:00+01:00", "durationMinutes": 20] },
            fields: [
                HostileField("submissionId", .uuid, required: true),
                // Talks lie within their session (14 November 2019, 09:00–10:30): no probe date can be valid.
                HostileField("startsAt", .instant(valid: []), required: true), HostileField("durationMinutes", .integer, required: true),
            ],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "moveTalk", method: .patch, template: "\(conferences)/sessions/{sessionId}/talks/{talkId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "sessionId": f.sessionId, "talkId": f.talkId] },
            body: { f in ["sessionId": .string(f.sessionId), "startsAt": "2019-11-14T09:40:00+01:00", "durationMinutes": 30] },
            fields: [HostileField("sessionId", .uuid), HostileField("startsAt", .instant(valid: [])), HostileField("durationMinutes", .integer)],
            controlStatus: 200),
        HostileWriteRoute(
            operationId: "deleteTalk", method: .delete, template: "\(conferences)/sessions/{sessionId}/talks/{talkId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "sessionId": f.sessionId, "talkId": f.talkId] }, controlStatus: 204),
        HostileWriteRoute(
            operationId: "releaseProgram", method: .post, template: "\(conferences)/program/releases", caller: .organizer, parameters: slug,
            body: { _ in ["note": "Première version."] }, bodyRequired: false, fields: [HostileField("note", .text(nonBlank: false))],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "scheduleProgram", method: .post, template: "\(conferences)/program/schedule", caller: .organizer, parameters: slug,
            body: { _ in ["talkMinutes": 20, "strategy": "topic-grouped"] }, bodyRequired: false,
            fields: [HostileField("talkMinutes", .integer), HostileField("strategy", .enumeration)], controlStatus: 200),
    ]

    static let webhookRoutes: [HostileWriteRoute] = [
        HostileWriteRoute(
            operationId: "createWebhook", method: .post, template: "\(conferences)/webhooks", caller: .organizer, parameters: slug,
            body: { _ in ["url": "https://hooks.example.org/other", "events": ["registration.confirmed", "program.released"],
                          "description": "Billetterie", "active": true, "secret": .string(webhookSecret)] },
            fields: [
                HostileField("url", .string, required: true), HostileField("events", .array(emptyIsValid: false), required: true),
                HostileField("events.0", .enumeration), HostileField("description", .text(nonBlank: false)),
                HostileField("active", .boolean), HostileField("secret", .string),
            ],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "updateWebhook", method: .patch, template: "\(conferences)/webhooks/{webhookId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "webhookId": f.webhookId] },
            body: { _ in ["url": "https://hooks.example.org/moved", "events": ["submission.submitted", "decision.made"],
                          "description": "CRM (nouveau)", "active": false] },
            fields: [
                HostileField("url", .string), HostileField("events", .array(emptyIsValid: false)), HostileField("events.0", .enumeration),
                HostileField("description", .text(nonBlank: false)), HostileField("active", .boolean),
            ],
            ifMatch: true, controlStatus: 200),
        HostileWriteRoute(
            operationId: "deleteWebhook", method: .delete, template: "\(conferences)/webhooks/{webhookId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "webhookId": f.webhookId] }, controlStatus: 204),
        HostileWriteRoute(
            operationId: "rotateWebhookSecret", method: .post, template: "\(conferences)/webhooks/{webhookId}/secret", caller: .organizer,
            parameters: { f in ["slug": f.slug, "webhookId": f.webhookId] }, controlStatus: 200),
        HostileWriteRoute(
            operationId: "redeliverWebhookDelivery", method: .post,
            template: "\(conferences)/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", caller: .organizer,
            parameters: { f in ["slug": f.slug, "webhookId": f.webhookId, "deliveryId": f.deliveryId] }, controlStatus: 202),
    ]
}

/// Routes that share one fixture, restored between routes; the areas run in parallel.
enum HostileArea: String, CaseIterable, Sendable {
    case accounts, conferences, submissions, review, registration, program, webhooks

    var routes: [HostileWriteRoute] {
        switch self {
        case .accounts: HostileWriteRoute.accountRoutes
        case .conferences: HostileWriteRoute.conferenceRoutes
        case .submissions: HostileWriteRoute.submissionRoutes
        case .review: HostileWriteRoute.reviewRoutes
        case .registration: HostileWriteRoute.registrationRoutes
        case .program: HostileWriteRoute.programRoutes
        case .webhooks: HostileWriteRoute.webhookRoutes
        }
    }
}

// MARK: - JSON paths

extension JSON {
    /// The value at `path` (keys, and indexes for arrays), if there is one.
    fileprivate func hostileValue(at path: [String]) -> JSON? {
        var current = self
        for step in path {
            switch current {
            case .object(let object):
                guard let next = object[step] else { return nil }
                current = next
            case .array(let array):
                guard let index = Int(step), array.indices.contains(index) else { return nil }
                current = array[index]
            default:
                return nil
            }
        }
        return current
    }

    /// A copy with the value at `path` replaced (nil removes it).
    fileprivate func hostileSetting(_ path: ArraySlice<String>, _ value: JSON?) -> JSON {
        guard let step = path.first else { return value ?? .null }
        let rest = path.dropFirst()
        switch self {
        case .object(var object):
            if rest.isEmpty { object[step] = value } else if let child = object[step] { object[step] = child.hostileSetting(rest, value) }
            return .object(object)
        case .array(var array):
            guard let index = Int(step), array.indices.contains(index) else { return self }
            if rest.isEmpty {
                if let value { array[index] = value } else { array.remove(at: index) }
            } else {
                array[index] = array[index].hostileSetting(rest, value)
            }
            return .array(array)
        default:
            return self
        }
    }
}

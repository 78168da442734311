import Foundation
import HTTPTypes
import Testing

/// Who may call what: every operation of `openapi.yaml` (rows) × nine kinds of caller (columns), with the status each
/// must get. The cast and the ids in the paths are those of `AuthorizationFixture` (read its header first).
///
/// The rules the table follows:
/// - no token on a protected route → 401 (and a forged token always fares like no token: checked as a tenth column);
/// - a known caller without the role → 403;
/// - a private resource the caller may not know of (someone else's proposal, registration, account) → 404, not 403;
/// - public routes (conference, topics, categories, rooms, sessions, published program, health) → 200 for everyone;
/// - a platform admin acts as an organizer of every conference (`ConferenceAccess.isOrganizer`), member or not,
///   but is no reviewer: like organizers, admins neither write nor change reviews.
///
/// Each row runs on a fresh fixture: callers expected to fail first, then those expected to succeed. When a success
/// changes what the next caller would find (deleting, deciding, withdrawing…), each further success gets a fixture of
/// its own (`isolation: .perSuccess`, the default for everything but `GET`).
@Suite("Authorization matrix: every operation × every kind of caller")
struct AuthorizationMatrixTests {
    typealias Caller = AuthorizationFixture.Caller

    @Test(arguments: AuthorizationMatrix.rows)
    func row(_ row: AuthorizationMatrix.Row) async throws {
        let callers = Caller.allCases
        let failing = callers.filter { !row.succeeds(for: $0) }
        let succeeding = callers.filter { row.succeeds(for: $0) }
        let shared = row.isolation == .shared ? succeeding : Array(succeeding.prefix(1))
        try await AuthorizationFixture.run(row.variant) { fixture in
            for caller in failing + shared { try await Self.check(row, as: caller, on: fixture) }
        }
        for caller in succeeding.dropFirst(shared.count) {
            try await AuthorizationFixture.run(row.variant) { fixture in try await Self.check(row, as: caller, on: fixture) }
        }
    }

    static func check(_ row: AuthorizationMatrix.Row, as caller: Caller, on fixture: AuthorizationFixture) async throws {
        let reply = try await fixture.app.request(
            row.method, fixture.fill(row.path), token: fixture.token(caller), json: row.body(fixture))
        let expected = row.expected(for: caller)
        #expect(reply.status == expected, "\(row) as \(caller): expected \(expected), got \(reply.status) \(reply.text.prefix(160))")
    }

    /// The table covers the contract exactly: one row per `operationId`, with the contract's method and path.
    @Test func everyOperationOfTheContractHasItsRow() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let yaml = try String(contentsOf: root.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        var operations: [String: String] = [:]
        var path = "", method = ""
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            // The operations of `paths:`; the callbacks of `webhooks:` are ours to make, not to answer.
            if line == "webhooks:" || line == "components:" { break }
            if line.hasPrefix("  /"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()) }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("    "), !line.hasPrefix("     "), ["get:", "post:", "put:", "patch:", "delete:"].contains(trimmed) {
                method = String(trimmed.dropLast()).uppercased()
            }
            if trimmed.hasPrefix("operationId:") {
                operations[trimmed.dropFirst("operationId:".count).trimmingCharacters(in: .whitespaces)] = "\(method) \(path)"
            }
        }
        #expect(operations.count == 92)
        let rows = AuthorizationMatrix.rows
        #expect(Set(rows.map(\.operationId)) == Set(operations.keys), "operations without a row, or rows without an operation")
        #expect(rows.count == Set(rows.map(\.operationId)).count, "one row per operation")
        let shape = { (text: String) in
            text.split(separator: "?")[0].replacingOccurrences(of: #"\{[^}]*\}"#, with: "{}", options: .regularExpression)
        }
        for row in rows {
            #expect(operations[row.operationId].map(shape) == shape("\(row.method) \(row.path)"), "\(row.operationId): \(row)")
        }
    }

    /// Double-blind review: the assigned reviewer reads P without who wrote it; the reviewer in conflict cannot read it.
    @Test func blindReviewRedactsAuthorsAndHidesConflictedProposals() async throws {
        try await AuthorizationFixture.run { f in
            let app = f.app, p = f.fill("\(f.base)/submissions/{P}")
            let author = f.users[.author]!, coAuthor = f.users[.coAuthor]!

            // What is redacted is there: the organizers see both authors and the anonymity warnings.
            let full = try await app.get(p, token: f.token(.organizer))
            #expect(full.status == 200)
            #expect(full.json["authors"].array.count == 2)
            #expect(!full.json["warnings"].array.isEmpty)

            let blind = try await app.get(p, token: f.token(.reviewer))
            #expect(blind.status == 200)
            #expect(blind.json["authors"] == [])
            #expect(blind.json["warnings"] == [])
            #expect(blind.json["history"].array.isEmpty)
            for clue in [author.email, coAuthor.email, "Karim Benali", author.id, coAuthor.id] {
                #expect(!blind.text.contains(clue), "the assigned reviewer's view of P reveals \(clue)")
            }
            // Listed among their assignments, the same redaction applies.
            let listed = try await app.get("\(f.base)/submissions", token: f.token(.reviewer))
            #expect(listed.json["items"].array.compactMap { $0["id"].string } == [f.id("P")])
            #expect(listed.json["items"][0]["authors"] == [])
            #expect(listed.json["items"][0]["warnings"] == [])
            #expect(try await app.get("\(p)/history", token: f.token(.reviewer)).status == 403)
            // Nor may filtering on the hidden warnings tell the reviewer that P's text names its authors: the filter
            // must be refused or ignored for them (as `sort=score` is refused to non-organizers).
            let flagged = try await app.get("\(f.base)/submissions?hasAnonymityWarnings=true", token: f.token(.reviewer))
            let unflagged = try await app.get("\(f.base)/submissions?hasAnonymityWarnings=false", token: f.token(.reviewer))
            #expect(flagged.status == 403 || flagged.json["items"] == unflagged.json["items"],
                    "hasAnonymityWarnings as reviewer: true → \(flagged.json["items"].array.count) items, false → \(unflagged.json["items"].array.count)")
            // Other reviews come with the reviewer's own, never the authors' identities.
            let reviews = try await app.get("\(p)/reviews", token: f.token(.reviewer))
            #expect(reviews.status == 200)
            #expect(!reviews.text.contains(author.email))

            // The reviewer in declared conflict: P does not exist for them, nor do its reviews and history.
            for path in [p, "\(p)/reviews", "\(p)/history"] {
                #expect(try await app.get(path, token: f.token(.conflicted)).status == 404, "GET \(path) as conflicted")
            }
            #expect(try await app.get("\(f.base)/submissions", token: f.token(.conflicted)).json["items"] == [])
            #expect(try await app.get("\(f.base)/assignments", token: f.token(.conflicted)).json["items"] == [])
            #expect(try await app.get("\(f.base)/submissions?q=pairs-aidants", token: f.token(.conflicted)).json["items"] == [])
            let conflicts = try await app.get("\(f.base)/conflicts", token: f.token(.conflicted))
            #expect(conflicts.json["items"].array.map { $0["submissionId"].string } == [f.id("P")])
            // Declaring the conflict withdrew nothing from the others: the assigned reviewer still reads P.
            #expect(try await app.get("\(f.base)/assignments", token: f.token(.reviewer)).json["items"].array.count == 1)

            // Authors learn nothing of the review before notification.
            #expect(try await app.get("\(p)/reviews", token: author.token).status == 403)
            let own = try await app.get(p, token: author.token)
            #expect(own.json["authors"].array.count == 2)
            #expect(own.json["reviewSummary"].isNull)
        }
    }

    /// Ids of one conference are not reachable through another conference's slug, even by that conference's organizer.
    @Test func anotherConferencesOrganizerCannotReachOurResourcesThroughTheirSlug() async throws {
        let cases: [(HTTPRequest.Method, String, JSON?)] = [
            (.get, "/v1/conferences/{otherSlug}/topics/{topic}", nil),
            (.get, "/v1/conferences/{otherSlug}/members/{reviewer}", nil),
            (.delete, "/v1/conferences/{otherSlug}/members/{spareB}", nil),
            (.get, "/v1/conferences/{otherSlug}/submissions/{P}", nil),
            (.patch, "/v1/conferences/{otherSlug}/submissions/{P}", ["title": "Détourné"]),
            (.post, "/v1/conferences/{otherSlug}/submissions/{D}/submit", nil),
            (.get, "/v1/conferences/{otherSlug}/submissions/{P}/history", nil),
            (.get, "/v1/conferences/{otherSlug}/submissions/{P}/similar", nil),
            (.post, "/v1/conferences/{otherSlug}/submissions/{P}/assignments", ["reviewerId": "{spareB}"]),
            (.delete, "/v1/conferences/{otherSlug}/submissions/{P}/assignments/{spareA}", nil),
            (.get, "/v1/conferences/{otherSlug}/submissions/{P}/reviews", nil),
            (.put, "/v1/conferences/{otherSlug}/submissions/{P}/reviews/{R}", ["score": 1, "confidence": 5, "commentsForAuthors": "x"]),
            (.post, "/v1/conferences/{otherSlug}/submissions/{P}/decision", ["decision": "rejected"]),
            (.get, "/v1/conferences/{otherSlug}/registrations/{G}", nil),
            (.patch, "/v1/conferences/{otherSlug}/registrations/{G}", ["paymentStatus": "waived"]),
            (.post, "/v1/conferences/{otherSlug}/registrations/{G}/check-in", nil),
            (.post, "/v1/conferences/{otherSlug}/registrations/{G}/cancel", nil),
            (.patch, "/v1/conferences/{otherSlug}/sessions/{S}", ["title": "Détournée"]),
            (.post, "/v1/conferences/{otherSlug}/sessions/{S}/talks",
             ["submissionId": "{A2}", "startsAt": "2019-11-14T09:40:00+01:00", "durationMinutes": 20]),
            (.patch, "/v1/conferences/{otherSlug}/sessions/{S}/talks/{T}", ["startsAt": "2019-11-14T09:30:00+01:00"]),
            (.get, "/v1/conferences/{otherSlug}/webhooks/{W}", nil),
            (.patch, "/v1/conferences/{otherSlug}/webhooks/{W}", ["url": "http://127.0.0.1:9/stolen"]),
            (.post, "/v1/conferences/{otherSlug}/webhooks/{W}/secret", nil),
            (.get, "/v1/conferences/{otherSlug}/webhooks/{W}/deliveries", nil),
            (.post, "/v1/conferences/{otherSlug}/webhooks/{W}/deliveries/{delivery}/redeliver", nil),
            (.delete, "/v1/conferences/{otherSlug}/webhooks/{W}", nil),
            (.delete, "/v1/conferences/{otherSlug}/sessions/{S}/talks/{T}", nil),
            (.delete, "/v1/conferences/{otherSlug}/sessions/{S}", nil),
        ]
        try await AuthorizationFixture.run { f in
            for (method, template, body) in cases {
                let json = body.map { AuthorizationMatrix.filled($0, f) } ?? (method == .get || method == .delete ? nil : [:])
                let reply = try await f.app.request(method, f.fill(template), token: f.token(.otherOrganizer), json: json)
                #expect(reply.status == 404, "\(method) \(template) as otherOrganizer: expected 404, got \(reply.status) \(reply.text.prefix(160))")
            }
            // And nothing of ours changed.
            let sessions = try await f.app.get("\(f.base)/sessions")
            #expect(sessions.json["items"].array.first?["talks"].array.count == 1, "talk {T} of {slug} was removed through {otherSlug}")
            #expect(try await f.app.get(f.fill("\(f.base)/webhooks/{W}"), token: f.token(.organizer)).json["url"] == "http://127.0.0.1:9/matrix")
        }
    }
}

/// The table itself.
enum AuthorizationMatrix {
    typealias Caller = AuthorizationFixture.Caller

    enum Isolation: Sendable {
        /// Every caller on one fixture, successes last: successes do not change what the next caller finds.
        case shared
        /// The first success on the shared fixture, each further success on a fixture of its own.
        case perSuccess
    }

    struct Row: Sendable, CustomStringConvertible, CustomTestStringConvertible {
        var operationId: String
        var method: HTTPRequest.Method
        /// With `{placeholders}` of `AuthorizationFixture`.
        var path: String
        /// In the order of `Caller.columns`.
        var statuses: [Int]
        var json: JSON?
        var variant: AuthorizationFixture.Variant
        var isolation: Isolation

        init(
            _ operationId: String, _ method: HTTPRequest.Method, _ path: String, _ statuses: [Int], json: JSON? = nil,
            variant: AuthorizationFixture.Variant = .standard, isolation: Isolation? = nil
        ) {
            precondition(statuses.count == Caller.columns.count, "\(operationId): one status per caller")
            self.operationId = operationId
            self.method = method
            self.path = path
            self.statuses = statuses
            self.json = json
            self.variant = variant
            self.isolation = isolation ?? (method == .get ? .shared : .perSuccess)
        }

        func expected(for caller: Caller) -> Int {
            statuses[Caller.columns.firstIndex(of: caller == .forgedToken ? .anonymous : caller)!]
        }

        func succeeds(for caller: Caller) -> Bool { (200..<300).contains(expected(for: caller)) }

        /// The request body with the fixture's ids (and a fresh `{unique}` per request); `{}` for a body-less POST.
        func body(_ fixture: AuthorizationFixture) -> JSON? {
            if let json { return filled(json, fixture) }
            return method == .get || method == .delete ? nil : [:]
        }

        var description: String { "\(method) \(path)" }
        var testDescription: String { "\(operationId): \(method) \(path)" }
    }

    static func filled(_ json: JSON, _ fixture: AuthorizationFixture) -> JSON {
        switch json {
        case .string(let text):
            return .string(fixture.fill(text).replacingOccurrences(of: "{unique}", with: String(UUID().uuidString.prefix(8)).lowercased()))
        case .array(let items): return .array(items.map { filled($0, fixture) })
        case .object(let fields): return .object(fields.mapValues { filled($0, fixture) })
        default: return json
        }
    }

    // MARK: Valid bodies (so that the status reflects authorization, not validation)

    static let proposal: JSON = [
        "title": "Une proposition {unique}", "abstract": "Un résumé qui ne nomme personne.", "format": "oral", "language": "fr",
        "authors": [["name": "Nadia Autrice", "email": "nadia-{unique}@example.org", "presenting": true]],
    ]
    static let review: JSON = ["score": 4, "confidence": 3, "commentsForAuthors": "Clair et utile."]
    static let session: JSON = [
        "title": "Nouvelle session", "roomId": "{room}", "kind": "parallel",
        "startsAt": "2019-11-15T11:00:00+01:00", "endsAt": "2019-11-15T12:00:00+01:00",
    ]

    // MARK: The table

    /// 92 operations. 2xx: allowed; 401: no token; 403: known caller without the role; 404: may not know it exists.
    static let rows: [Row] = [
        //                                                                                         anon strg auth coAu revw conf othO orgz admn
        Row("getHealth", .get, "/health",                                                           [200, 200, 200, 200, 200, 200, 200, 200, 200]),

        // Accounts and tokens
        Row("createAccount", .post, "/v1/accounts",                                                 [201, 201, 201, 201, 201, 201, 201, 201, 201],
            json: ["email": "new-{unique}@example.org", "password": "correct horse battery", "name": "Nouveau"], isolation: .shared),
        Row("getAccount", .get, "/v1/accounts/{author}",                                            [401, 404, 200, 404, 404, 404, 404, 404, 200]),
        Row("createToken", .post, "/v1/tokens",                                                     [201, 201, 201, 201, 201, 201, 201, 201, 201],
            json: ["email": "{strangerEmail}", "password": "correct horse battery"], isolation: .shared),
        Row("revokeCurrentToken", .delete, "/v1/tokens/current",                                    [401, 204, 204, 204, 204, 204, 204, 204, 204],
            isolation: .shared),
        Row("getMe", .get, "/v1/me",                                                                [401, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("listMySubmissions", .get, "/v1/me/submissions",                                        [401, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("listMyRegistrations", .get, "/v1/me/registrations",                                    [401, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("listMyAssignments", .get, "/v1/me/assignments",                                        [401, 200, 200, 200, 200, 200, 200, 200, 200]),

        // Conferences, members, topics
        Row("listConferences", .get, "/v1/conferences",                                             [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("createConference", .post, "/v1/conferences",                                           [401, 403, 403, 403, 403, 403, 403, 403, 201],
            json: TestApp.conferenceBody(slug: "matrix-{unique}")),
        Row("getConference", .get, "/v1/conferences/{slug}",                                        [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("updateConference", .patch, "/v1/conferences/{slug}",                                   [401, 403, 403, 403, 403, 403, 403, 200, 200],
            json: ["venue": "Campus Villejean, Rennes"], isolation: .shared),
        Row("listMembers", .get, "/v1/conferences/{slug}/members",                                  [401, 403, 403, 403, 403, 403, 403, 200, 200]),
        Row("putMember", .put, "/v1/conferences/{slug}/members/{stranger}",                         [401, 403, 403, 403, 403, 403, 403, 201, 201],
            json: ["roles": ["reviewer"]]),
        Row("getMember", .get, "/v1/conferences/{slug}/members/{reviewer}",                         [401, 403, 403, 403, 403, 403, 403, 200, 200]),
        Row("deleteMember", .delete, "/v1/conferences/{slug}/members/{spareB}",                     [401, 403, 403, 403, 403, 403, 403, 204, 204]),
        Row("listTopics", .get, "/v1/conferences/{slug}/topics",                                    [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("createTopic", .post, "/v1/conferences/{slug}/topics",                                  [401, 403, 403, 403, 403, 403, 403, 201, 201],
            json: ["kind": "topic", "title": "Thème {unique}"], isolation: .shared),
        Row("getTopic", .get, "/v1/conferences/{slug}/topics/{topic}",                              [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("updateTopic", .patch, "/v1/conferences/{slug}/topics/{topic}",                         [401, 403, 403, 403, 403, 403, 403, 200, 200],
            json: ["title": "Pair-aidance et santé"], isolation: .shared),
        // {topic2} is used by nothing; {topic} would be refused (P links to it).
        Row("deleteTopic", .delete, "/v1/conferences/{slug}/topics/{topic2}",                       [401, 403, 403, 403, 403, 403, 403, 204, 204]),

        // The call for papers: P is the author's submitted proposal, D their draft (both list the co-author)
        //                                                                                         anon strg auth coAu revw conf othO orgz admn
        Row("createSubmission", .post, "/v1/conferences/{slug}/submissions",                        [401, 201, 201, 201, 201, 201, 201, 201, 201],
            json: proposal, isolation: .shared),
        Row("listSubmissions", .get, "/v1/conferences/{slug}/submissions",                          [401, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("getSubmissionStats", .get, "/v1/conferences/{slug}/submissions/stats",                 [401, 403, 403, 403, 403, 403, 403, 200, 200]),
        Row("getSubmission", .get, "/v1/conferences/{slug}/submissions/{P}",                        [401, 404, 200, 200, 200, 404, 404, 200, 200]),
        Row("updateSubmission", .patch, "/v1/conferences/{slug}/submissions/{P}",                   [401, 404, 200, 403, 403, 404, 404, 200, 200],
            json: ["title": "Les pairs-aidants en psychiatrie"], isolation: .shared),
        Row("submitSubmission", .post, "/v1/conferences/{slug}/submissions/{D}/submit",             [401, 404, 200, 403, 404, 404, 404, 200, 200]),
        Row("deleteSubmission", .delete, "/v1/conferences/{slug}/submissions/{D}",                  [401, 404, 204, 403, 404, 404, 404, 204, 204]),
        Row("withdrawSubmission", .post, "/v1/conferences/{slug}/submissions/{P}/withdraw",         [401, 404, 200, 403, 403, 404, 404, 200, 200]),
        // Reviewers know the proposal, but its history names the authors: 403, not 404.
        Row("listSubmissionHistory", .get, "/v1/conferences/{slug}/submissions/{P}/history",        [401, 404, 200, 200, 403, 404, 404, 200, 200]),
        Row("listSimilarSubmissions", .get, "/v1/conferences/{slug}/submissions/{P}/similar",       [401, 403, 403, 403, 403, 403, 403, 200, 200]),

        // Review
        Row("createAssignment", .post, "/v1/conferences/{slug}/submissions/{P}/assignments",        [401, 403, 403, 403, 403, 403, 403, 201, 201],
            json: ["reviewerId": "{spareB}"]),
        Row("deleteAssignment", .delete, "/v1/conferences/{slug}/submissions/{P}/assignments/{spareA}", [401, 403, 403, 403, 403, 403, 403, 204, 204]),
        Row("autoAssign", .post, "/v1/conferences/{slug}/auto-assignments",                         [401, 403, 403, 403, 403, 403, 403, 200, 200],
            isolation: .shared),
        Row("listAssignments", .get, "/v1/conferences/{slug}/assignments",                          [401, 403, 403, 403, 200, 200, 403, 200, 200]),
        // A conflict of `reviewer` with P: the reviewer for themself, organizers for anyone.
        Row("declareConflict", .post, "/v1/conferences/{slug}/conflicts",                           [401, 403, 403, 403, 201, 403, 403, 201, 201],
            json: ["submissionId": "{P}", "reviewerId": "{reviewer}", "reason": "Même laboratoire"]),
        Row("listConflicts", .get, "/v1/conferences/{slug}/conflicts",                              [401, 403, 403, 403, 200, 200, 403, 200, 200]),
        // Committee members are told 403 (they know the proposal's id); organizers and admins do not write reviews.
        Row("createReview", .post, "/v1/conferences/{slug}/submissions/{P}/reviews",                [401, 404, 403, 403, 201, 403, 404, 403, 403],
            json: review, variant: .unreviewed),
        Row("listReviews", .get, "/v1/conferences/{slug}/submissions/{P}/reviews",                  [401, 404, 403, 403, 200, 404, 404, 200, 200]),
        Row("getReview", .get, "/v1/conferences/{slug}/submissions/{P}/reviews/{R}",                [401, 404, 403, 403, 200, 404, 404, 200, 200]),
        Row("updateReview", .put, "/v1/conferences/{slug}/submissions/{P}/reviews/{R}",             [401, 404, 403, 403, 200, 403, 404, 403, 403],
            json: ["score": 5, "confidence": 4, "commentsForAuthors": "Très clair."]),
        Row("decideSubmission", .post, "/v1/conferences/{slug}/submissions/{P}/decision",           [401, 404, 403, 403, 403, 404, 404, 200, 200],
            json: ["decision": "accepted"]),
        Row("sendNotifications", .post, "/v1/conferences/{slug}/notifications",                     [401, 403, 403, 403, 403, 403, 403, 200, 200],
            json: ["kind": "decisions"], isolation: .shared),
        Row("listOutbox", .get, "/v1/conferences/{slug}/outbox",                                    [401, 403, 403, 403, 403, 403, 403, 200, 200]),
        // The fixture sends no mail: the gate answers before the message is looked for (200 in SMTPDeliveryTests).
        Row("getOutboxMessage", .get, "/v1/conferences/{slug}/outbox/{M}",                          [401, 403, 403, 403, 403, 403, 403, 404, 404]),

        // Registration: G is the author's registration
        //                                                                                         anon strg auth coAu revw conf othO orgz admn
        Row("createRegistrationCategory", .post, "/v1/conferences/{slug}/registration-categories",  [401, 403, 403, 403, 403, 403, 403, 201, 201],
            json: ["name": "Étudiant {unique}", "price": ["amount": 4500, "currency": "EUR"]], isolation: .shared),
        Row("listRegistrationCategories", .get, "/v1/conferences/{slug}/registration-categories",   [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("getRegistrationCategory", .get, "/v1/conferences/{slug}/registration-categories/{K}", [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("updateRegistrationCategory", .patch, "/v1/conferences/{slug}/registration-categories/{K}",
                                                                                                    [401, 403, 403, 403, 403, 403, 403, 200, 200],
            json: ["name": "Tarif plein"], isolation: .shared),
        Row("deleteRegistrationCategory", .delete, "/v1/conferences/{slug}/registration-categories/{K2}",
                                                                                                    [401, 403, 403, 403, 403, 403, 403, 204, 204]),
        Row("createRegistration", .post, "/v1/conferences/{slug}/registrations",                    [401, 201, 201, 201, 201, 201, 201, 201, 201],
            json: ["categoryId": "{K}"], variant: .unregistered, isolation: .shared),
        Row("listRegistrations", .get, "/v1/conferences/{slug}/registrations",                      [401, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("getRegistrationStats", .get, "/v1/conferences/{slug}/registrations/stats",             [401, 403, 403, 403, 403, 403, 403, 200, 200]),
        Row("getRegistration", .get, "/v1/conferences/{slug}/registrations/{G}",                    [401, 404, 200, 404, 404, 404, 404, 200, 200]),
        Row("updateRegistration", .patch, "/v1/conferences/{slug}/registrations/{G}",               [401, 404, 403, 404, 404, 404, 404, 200, 200],
            json: ["paymentStatus": "paid"], isolation: .shared),
        Row("cancelRegistration", .post, "/v1/conferences/{slug}/registrations/{G}/cancel",         [401, 404, 200, 404, 404, 404, 404, 200, 200]),
        Row("checkInRegistration", .post, "/v1/conferences/{slug}/registrations/{G}/check-in",      [401, 404, 403, 404, 404, 404, 404, 200, 200]),
        Row("createVoucher", .post, "/v1/conferences/{slug}/vouchers",                              [401, 403, 403, 403, 403, 403, 403, 201, 201],
            json: ["code": "MATRIX-{unique}", "discountPercent": 10, "maxUses": 5], isolation: .shared),
        Row("listVouchers", .get, "/v1/conferences/{slug}/vouchers",                                [401, 403, 403, 403, 403, 403, 403, 200, 200]),
        Row("getVoucher", .get, "/v1/conferences/{slug}/vouchers/{V}",                              [401, 403, 403, 403, 403, 403, 403, 200, 200]),
        Row("updateVoucher", .patch, "/v1/conferences/{slug}/vouchers/{V}",                         [401, 403, 403, 403, 403, 403, 403, 200, 200],
            json: ["maxUses": 9], isolation: .shared),
        Row("deleteVoucher", .delete, "/v1/conferences/{slug}/vouchers/{V}",                        [401, 403, 403, 403, 403, 403, 403, 204, 204]),
        Row("listBadges", .get, "/v1/conferences/{slug}/registrations/badges",                      [401, 403, 403, 403, 403, 403, 403, 200, 200]),

        // Program: S is a session holding talk T (accepted proposal A1); A2 is accepted and unscheduled
        Row("createRoom", .post, "/v1/conferences/{slug}/rooms",                                    [401, 403, 403, 403, 403, 403, 403, 201, 201],
            json: ["name": "Salle {unique}", "capacity": 40], isolation: .shared),
        Row("listRooms", .get, "/v1/conferences/{slug}/rooms",                                      [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("getRoom", .get, "/v1/conferences/{slug}/rooms/{room}",                                 [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("updateRoom", .patch, "/v1/conferences/{slug}/rooms/{room}",                            [401, 403, 403, 403, 403, 403, 403, 200, 200],
            json: ["capacity": 90], isolation: .shared),
        // {room2} holds no session; {room} would be refused (S is in it).
        Row("deleteRoom", .delete, "/v1/conferences/{slug}/rooms/{room2}",                          [401, 403, 403, 403, 403, 403, 403, 204, 204]),
        Row("createSession", .post, "/v1/conferences/{slug}/sessions",                              [401, 403, 403, 403, 403, 403, 403, 201, 201],
            json: session),
        Row("listSessions", .get, "/v1/conferences/{slug}/sessions",                                [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("getSession", .get, "/v1/conferences/{slug}/sessions/{S}",                              [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("getTalk", .get, "/v1/conferences/{slug}/sessions/{S}/talks/{T}",                       [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("updateSession", .patch, "/v1/conferences/{slug}/sessions/{S}",                         [401, 403, 403, 403, 403, 403, 403, 200, 200],
            json: ["title": "Pair-aidance et psychiatrie"], isolation: .shared),
        Row("deleteSession", .delete, "/v1/conferences/{slug}/sessions/{S}",                        [401, 403, 403, 403, 403, 403, 403, 204, 204]),
        Row("createTalk", .post, "/v1/conferences/{slug}/sessions/{S}/talks",                       [401, 403, 403, 403, 403, 403, 403, 201, 201],
            json: ["submissionId": "{A2}", "startsAt": "2019-11-14T09:40:00+01:00", "durationMinutes": 20]),
        Row("moveTalk", .patch, "/v1/conferences/{slug}/sessions/{S}/talks/{T}",                    [401, 403, 403, 403, 403, 403, 403, 200, 200],
            json: ["startsAt": "2019-11-14T09:30:00+01:00"], isolation: .shared),
        Row("deleteTalk", .delete, "/v1/conferences/{slug}/sessions/{S}/talks/{T}",                 [401, 403, 403, 403, 403, 403, 403, 204, 204]),
        Row("releaseProgram", .post, "/v1/conferences/{slug}/program/releases",                     [401, 403, 403, 403, 403, 403, 403, 201, 201],
            json: ["note": "Version suivante"], isolation: .shared),
        Row("listProgramReleases", .get, "/v1/conferences/{slug}/program/releases",                 [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("getProgram", .get, "/v1/conferences/{slug}/program",                                   [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("getProgramChanges", .get, "/v1/conferences/{slug}/program/changes?from=1&to=1",        [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("getProgramCalendar", .get, "/v1/conferences/{slug}/program.ics",                       [200, 200, 200, 200, 200, 200, 200, 200, 200]),
        Row("scheduleProgram", .post, "/v1/conferences/{slug}/program/schedule",                    [401, 403, 403, 403, 403, 403, 403, 200, 200],
            isolation: .shared),

        // Webhooks: W has one delivery
        //                                                                                         anon strg auth coAu revw conf othO orgz admn
        Row("createWebhook", .post, "/v1/conferences/{slug}/webhooks",                              [401, 403, 403, 403, 403, 403, 403, 201, 201],
            json: ["url": "http://127.0.0.1:9/{unique}", "events": ["registration.confirmed"]], isolation: .shared),
        Row("listWebhooks", .get, "/v1/conferences/{slug}/webhooks",                                [401, 403, 403, 403, 403, 403, 403, 200, 200]),
        Row("getWebhook", .get, "/v1/conferences/{slug}/webhooks/{W}",                              [401, 403, 403, 403, 403, 403, 403, 200, 200]),
        Row("updateWebhook", .patch, "/v1/conferences/{slug}/webhooks/{W}",                         [401, 403, 403, 403, 403, 403, 403, 200, 200],
            json: ["description": "Synchronisation"], isolation: .shared),
        Row("deleteWebhook", .delete, "/v1/conferences/{slug}/webhooks/{W}",                        [401, 403, 403, 403, 403, 403, 403, 204, 204]),
        Row("rotateWebhookSecret", .post, "/v1/conferences/{slug}/webhooks/{W}/secret",             [401, 403, 403, 403, 403, 403, 403, 200, 200],
            isolation: .shared),
        Row("listWebhookDeliveries", .get, "/v1/conferences/{slug}/webhooks/{W}/deliveries",        [401, 403, 403, 403, 403, 403, 403, 200, 200]),
        Row("redeliverWebhookDelivery", .post, "/v1/conferences/{slug}/webhooks/{W}/deliveries/{delivery}/redeliver",
                                                                                                    [401, 403, 403, 403, 403, 403, 403, 202, 202],
            isolation: .shared),
    ]
}

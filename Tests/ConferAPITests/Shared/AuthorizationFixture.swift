import Testing
import Foundation

/// The cast and the resources of the authorization matrix (`AuthorizationMatrixTests`), built through the API on a
/// fresh database.
///
/// Conference `{slug}` ("matrix") reviews in double-blind, its call and its registration are open. In it:
/// - `{P}`: a submitted proposal by `author` (its corresponding author), listing `coAuthor` by email; its abstract names
///   the author, so it carries anonymity warnings. `reviewer` and `spareA` are assigned to it; `reviewer` has written
///   review `{R}` (not in the `.unreviewed` variant); `conflicted` declared a conflict of interest with it.
/// - `{D}`: a draft by `author`, also listing `coAuthor`.
/// - `A1`, `A2`: two accepted proposals (of the setup organizer); `A1` is talk `{T}` of session `{S}`, `A2` is unscheduled.
///   Version 1 of the program is published.
/// - `{G}`: `author`'s registration (not in the `.unregistered` variant), in category `{K}`.
/// - `{W}`: a webhook with delivery `{delivery}`; `{topic}`: a topic; `spareB`: a reviewer assigned to nothing.
/// - `{topic2}`, `{room2}`, `{K2}`: a work area, a room and a category nothing uses; `{V}`: a voucher nobody used.
///
/// Conference `{otherSlug}` ("matrix-other") is organized by `otherOrganizer` (and the setup admin).
/// `admin` is a platform administrator who is a member of neither conference.
struct AuthorizationFixture: Sendable {
    /// The columns of the matrix; `forgedToken` (a bearer token nobody was given) is checked too and must always
    /// fare like `anonymous`.
    enum Caller: String, CaseIterable, Sendable, CustomStringConvertible {
        case anonymous, stranger, author, coAuthor, reviewer, conflicted, otherOrganizer, organizer, admin, forgedToken
        var description: String { rawValue }
        /// The nine callers the matrix lists a status for, in column order.
        static let columns: [Caller] = [.anonymous, .stranger, .author, .coAuthor, .reviewer, .conflicted, .otherOrganizer, .organizer, .admin]
    }

    /// What differs from the standard fixture, for the few operations the standard state would block.
    enum Variant: Sendable, Equatable, CustomTestStringConvertible {
        var testDescription: String { "\(self)" }
        case standard
        /// `reviewer` has not reviewed `{P}` yet (to create a review).
        case unreviewed
        /// `author` holds no registration (so that everyone may register).
        case unregistered
    }

    static let slug = "matrix"
    static let otherSlug = "matrix-other"
    static let password = "correct horse battery"

    let app: TestApp
    /// Signed-in callers (every caller but `anonymous` and `forgedToken`).
    let users: [Caller: TestApp.User]
    /// The values of the placeholders of the matrix's paths, by name without braces.
    let ids: [String: String]

    func token(_ caller: Caller) -> String? {
        switch caller {
        case .anonymous: nil
        case .forgedToken: "forged-\(UUID().uuidString)"
        default: users[caller]?.token
        }
    }

    func id(_ name: String) -> String { ids[name] ?? "{\(name)}" }

    /// `template` with its `{placeholders}` replaced by this fixture's ids.
    func fill(_ template: String) -> String {
        var path = template
        for (name, value) in ids { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
        return path
    }

    var base: String { "/v1/conferences/\(Self.slug)" }

    // MARK: Building

    /// Runs `body` on a new application whose database holds the fixture.
    static func run(_ variant: Variant = .standard, _ body: @escaping @Sendable (AuthorizationFixture) async throws -> Void) async throws {
        await FixtureGate.shared.acquire()
        do {
            try await TestApp.run { app in try await body(try await make(app, variant: variant)) }
        } catch {
            await FixtureGate.shared.release()
            throw error
        }
        await FixtureGate.shared.release()
    }

    static func make(_ app: TestApp, variant: Variant) async throws -> AuthorizationFixture {
        let setup = try await app.admin()
        let base = "/v1/conferences/\(slug)"
        _ = try await app.createConference(slug, by: setup, body: TestApp.conferenceBody(slug: slug)
            .with("submissionDeadline", "2099-05-30T23:59:59+02:00").with("notificationDate", "2099-07-15T00:00:00+02:00")
            .with("registrationOpens", "2020-01-01T00:00:00Z").with("registrationCloses", "2099-01-01T00:00:00Z")
            .with("reviewMode", "double-blind"))
        _ = try await app.createConference(otherSlug, by: setup)

        // The cast, signed up in parallel.
        let cast: [(Caller?, String, String)] = [
            (.stranger, "Sam Stranger", "Association des usagers"),
            (.author, "Claire Martin", "Université Rennes 2"),
            (.coAuthor, "Karim Benali", "Université de Lille"),
            (.reviewer, "Rita Reviewer", "Institut international 1"),
            (.conflicted, "Conrad Conflicted", "Institut international 2"),
            (.otherOrganizer, "Olga Otherorganizer", "Université de Montréal"),
            (.organizer, "Oscar Organizer", "MSHB"),
            (nil, "Spare A", "Institut international 3"),
            (nil, "Spare B", "Institut international 4"),
        ]
        let signedUp = try await withThrowingTaskGroup(of: (Int, TestApp.User).self) { group in
            for (index, person) in cast.enumerated() {
                group.addTask { (index, try await app.signUp(person.1, affiliation: person.2)) }
            }
            group.addTask { (-1, try await app.admin()) }
            return try await group.reduce(into: [Int: TestApp.User]()) { $0[$1.0] = $1.1 }
        }
        var users: [Caller: TestApp.User] = [.admin: signedUp[-1]!]
        for (index, person) in cast.enumerated() { if let caller = person.0 { users[caller] = signedUp[index]! } }
        let spareA = signedUp[7]!, spareB = signedUp[8]!
        let author = users[.author]!, coAuthor = users[.coAuthor]!, reviewer = users[.reviewer]!

        func expect(_ status: Int, _ reply: Reply) throws -> Reply {
            guard reply.status == status else { throw Unexpected(reply) }
            return reply
        }
        func put(_ conference: String, _ user: TestApp.User, _ role: JSON) async throws {
            _ = try expect(201, try await app.put("/v1/conferences/\(conference)/members/\(user.id)", token: setup.token, json: ["roles": [role]]))
        }
        try await put(slug, users[.organizer]!, "organizer")
        try await put(otherSlug, users[.otherOrganizer]!, "organizer")
        for member in [reviewer, users[.conflicted]!, spareA, spareB] { try await put(slug, member, "reviewer") }

        let topic = try expect(201, try await app.post("\(base)/topics", token: setup.token, json: ["kind": "topic", "title": "Pair-aidance"]))
        let topicId = topic.json["id"].string!
        let spareTopic = try expect(201, try await app.post("\(base)/topics", token: setup.token, json: ["kind": "area", "title": "Sans usage"]))
        // Created before any proposal is submitted, so that submitting P leaves a delivery in its log.
        let webhook = try expect(201, try await app.post("\(base)/webhooks", token: setup.token, json: [
            "url": "http://127.0.0.1:9/matrix", "events": ["submission.submitted"], "description": "Matrix",
        ]))
        let webhookId = webhook.json["id"].string!

        // P, submitted; D, a draft; both by the author, listing the co-author.
        let authors: JSON = [
            ["name": "Claire Martin", "email": .string(author.email), "affiliation": "Université Rennes 2", "presenting": true],
            ["name": "Karim Benali", "email": .string(coAuthor.email), "affiliation": "Université de Lille", "presenting": false],
        ]
        let p = try expect(201, try await app.post("\(base)/submissions", token: author.token, json: [
            "title": "Les pairs-aidants en santé mentale", "format": "oral", "language": "fr", "topicId": .string(topicId),
            "abstract": "Comme l'a montré Claire Martin (Université Rennes 2), les pairs-aidants transforment les services de psychiatrie.",
            "keywords": ["pair-aidance"], "authors": authors,
        ]))
        let pId = p.json["id"].string!
        _ = try expect(200, try await app.post("\(base)/submissions/\(pId)/submit", token: author.token))
        let d = try expect(201, try await app.post("\(base)/submissions", token: author.token, json: [
            "title": "Former les formateurs", "abstract": "Un brouillon sur la formation des équipes accueillant des pairs.",
            "format": "poster", "language": "fr", "authors": authors,
        ]))

        // Two accepted proposals for the program.
        var accepted: [String] = []
        for (index, title) in ["Groupes d'entraide mutuelle", "Médiateurs de santé pairs"].enumerated() {
            let created = try expect(201, try await app.post("\(base)/submissions", token: setup.token, json: [
                "title": .string(title), "abstract": .string("Résumé \(index) : une étude des dispositifs d'entraide en France."),
                "format": "oral", "language": "fr",
                "authors": [["name": .string("Orateur \(index)"), "email": .string("speaker\(index)@example.org"), "presenting": true]],
            ]))
            let id = created.json["id"].string!
            _ = try expect(200, try await app.post("\(base)/submissions/\(id)/submit", token: setup.token))
            _ = try expect(200, try await app.post("\(base)/submissions/\(id)/decision", token: setup.token, json: ["decision": "accepted"]))
            accepted.append(id)
        }

        // Review of P: two assignments, one declared conflict, one review.
        for member in [reviewer, spareA] {
            _ = try expect(201, try await app.post("\(base)/submissions/\(pId)/assignments", token: setup.token, json: ["reviewerId": .string(member.id)]))
        }
        _ = try expect(201, try await app.post("\(base)/conflicts", token: users[.conflicted]!.token, json: [
            "submissionId": .string(pId), "reason": "Co-wrote a book with the authors",
        ]))
        var ids: [String: String] = [:]
        if variant != .unreviewed {
            let review = try expect(201, try await app.post("\(base)/submissions/\(pId)/reviews", token: reviewer.token, json: [
                "score": 4, "confidence": 3, "commentsForAuthors": "Une contribution utile.",
            ]))
            ids["R"] = review.json["id"].string!
        }

        // The program: a room, a session with A1's talk, version 1 published.
        let room = try expect(201, try await app.post("\(base)/rooms", token: setup.token, json: ["name": "Amphi B", "capacity": 80]))
        let roomId = room.json["id"].string!
        let spareRoom = try expect(201, try await app.post("\(base)/rooms", token: setup.token, json: ["name": "Salle vide", "capacity": 20]))
        let session = try expect(201, try await app.post("\(base)/sessions", token: setup.token, json: [
            "title": "Pair-aidance", "roomId": .string(roomId), "kind": "parallel",
            "startsAt": "2019-11-14T09:00:00+01:00", "endsAt": "2019-11-14T10:30:00+01:00",
        ]))
        let sessionId = session.json["id"].string!
        let talk = try expect(201, try await app.post("\(base)/sessions/\(sessionId)/talks", token: setup.token, json: [
            "submissionId": .string(accepted[0]), "startsAt": "2019-11-14T09:00:00+01:00", "durationMinutes": 20,
        ]))
        _ = try expect(201, try await app.post("\(base)/program/releases", token: setup.token, json: ["note": "Version 1"]))

        // Registration.
        let category = try expect(201, try await app.post("\(base)/registration-categories", token: setup.token, json: [
            "name": "Plein tarif", "price": ["amount": 12000, "currency": "EUR"],
        ]))
        let categoryId = category.json["id"].string!
        let spareCategory = try expect(201, try await app.post("\(base)/registration-categories", token: setup.token, json: [
            "name": "Tarif solidaire", "price": ["amount": 0, "currency": "EUR"],
        ]))
        let voucher = try expect(201, try await app.post("\(base)/vouchers", token: setup.token, json: [
            "code": "MATRIX-V", "discountPercent": 20, "maxUses": 5,
        ]))
        if variant != .unregistered {
            let registration = try expect(201, try await app.post("\(base)/registrations", token: author.token, json: ["categoryId": .string(categoryId)]))
            ids["G"] = registration.json["id"].string!
        }

        let deliveries = try expect(200, try await app.get("\(base)/webhooks/\(webhookId)/deliveries", token: setup.token))
        guard let deliveryId = deliveries.json["items"][0]["id"].string else { throw Unexpected(deliveries) }

        ids.merge([
            "slug": slug, "otherSlug": otherSlug, "P": pId, "D": d.json["id"].string!, "A1": accepted[0], "A2": accepted[1],
            "topic": topicId, "K": categoryId, "room": roomId, "S": sessionId, "T": talk.json["id"].string!,
            "topic2": spareTopic.json["id"].string!, "room2": spareRoom.json["id"].string!, "K2": spareCategory.json["id"].string!,
            "V": voucher.json["id"].string!,
            "W": webhookId, "delivery": deliveryId,
            // The fixture sends no mail: an id no outbox holds.
            "M": UUID().uuidString.lowercased(),
            "author": author.id, "reviewer": reviewer.id, "stranger": users[.stranger]!.id, "strangerEmail": users[.stranger]!.email,
            "spareA": spareA.id, "spareB": spareB.id,
        ]) { current, _ in current }
        return AuthorizationFixture(app: app, users: users, ids: ids)
    }
}

/// Bounds how many fixtures (databases and connection pools) exist at once, however many test cases run in parallel.
actor FixtureGate {
    static let shared = FixtureGate(limit: 6)
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { available = limit }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { available += 1 } else { waiters.removeFirst().resume() }
    }
}

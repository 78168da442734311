import Foundation
import Testing

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
    /// Used by nothing, so that deleting them succeeds.
    var spareTopicId: String
    var spareRoomId: String
    var spareCategoryId: String
    /// Never used, so that deleting it succeeds.
    var voucherId: String

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
        let voucherId = try id(try await app.post("\(base)/vouchers", token: token, json: ["code": .string(voucherCode), "discountPercent": 10, "maxUses": 5]))
        let spareTopicId = try id(try await app.post("\(base)/topics", token: token, json: ["kind": "area", "title": "Sans usage"]))
        let spareRoomId = try id(try await app.post("\(base)/rooms", token: token, json: ["name": "Salle vide", "capacity": 20]))
        let spareCategoryId = try id(try await app.post("\(base)/registration-categories", token: token, json: [
            "name": "Tarif solidaire", "price": ["amount": 0, "currency": "EUR"],
        ]))
        let newcomer = try await app.signUp("Nouvelle Venue")

        let log = try await app.get("\(base)/webhooks/\(webhookId)/deliveries", token: token)
        guard let deliveryId = log.json["items"][0]["id"].string else { throw Unexpected(log) }

        return HostileFixture(
            admin: admin, author: author, reviewerA: reviewers[0], reviewerB: reviewers[1], reviewerC: reviewers[2],
            attendee: attendee, newcomer: newcomer, slug: slug, topicId: topicId, draftId: draftId, submittedId: submittedId,
            reviewId: reviewId, scheduledId: scheduledId, unscheduledId: unscheduledId, categoryId: categoryId,
            registrationId: registrationId, voucherCode: voucherCode, roomId: roomId, sessionId: sessionId, talkId: talkId,
            webhookId: webhookId, deliveryId: deliveryId, spareTopicId: spareTopicId, spareRoomId: spareRoomId,
            spareCategoryId: spareCategoryId, voucherId: voucherId)
    }
}

import ConferDomain
import ConferPersistence
import Foundation
import Testing

@Suite("Review: scored reviews, blind modes, decisions and notification")
struct ReviewsTests {
    static func review(_ score: Int, _ comment: String, committee: String? = nil) -> JSON {
        var body: JSON = ["score": .number(Double(score)), "confidence": 4, "commentsForAuthors": .string(comment)]
        if let committee { body["commentsForCommittee"] = .string(committee) }
        return body
    }

    @Test func assignedReviewersReviewOnceAndUntilTheDecision() async throws {
        try await TestApp.run { app in
            let round = try await ReviewRound.make(app, proposals: 2, reviewerCount: 3, sharing: 0)
            let admin = round.call.admin.token
            for reviewer in round.reviewers.prefix(2) {
                _ = try await app.post("\(round.submission(0))/assignments", token: admin, json: ["reviewerId": .string(reviewer.id)])
            }
            let reviews = "\(round.submission(0))/reviews"
            #expect(try await app.post(reviews, token: round.reviewers[2].token, json: Self.review(5, "Bien")).status == 403)
            #expect(try await app.post(reviews, token: round.authors[0].token, json: Self.review(5, "Moi")).status == 403)
            let bad = try await app.post(reviews, token: round.reviewers[0].token, json: ["score": 6, "confidence": 0, "commentsForAuthors": "x"])
            #expect(Set(bad.errorFields) == ["score", "confidence"])

            let first = try await app.post(reviews, token: round.reviewers[0].token, json: Self.review(4, "Solide.", committee: "Accepter."))
            #expect(first.status == 201)
            let reviewId = try #require(first.json["id"].string)
            #expect(try await app.post(reviews, token: round.reviewers[0].token, json: Self.review(3, "Encore")).status == 409)
            let changed = try await app.request(.put, "\(reviews)/\(reviewId)", token: round.reviewers[0].token,
                                                json: Self.review(5, "Très solide.", committee: "Accepter."), headers: ["If-Match": "\"1\""])
            #expect(changed.status == 200)
            #expect(changed.json["score"] == 5)
            #expect(try await app.request(.put, "\(reviews)/\(reviewId)", token: round.reviewers[1].token, json: Self.review(1, "Non")).status == 403)

            // The second reviewer reads the others only after writing their own.
            #expect(try await app.get(reviews, token: round.reviewers[1].token).status == 403)
            _ = try await app.post(reviews, token: round.reviewers[1].token, json: Self.review(2, "Fragile."))
            let committee = try await app.get(reviews, token: round.reviewers[1].token)
            #expect(committee.json["items"].array.count == 2)
            #expect(committee.json["items"][0]["commentsForCommittee"] == "Accepter.")
            #expect(try await app.get(reviews, token: round.authors[0].token).status == 403)

            let ranked = try await app.get("\(round.call.submissions)?status=submitted&sort=score", token: admin)
            #expect(ranked.json["items"][0]["id"].string == round.submissions[0])
            #expect(ranked.json["items"][0]["reviewSummary"] == ["count": 2, "meanScore": .number(3.5)])
            #expect(ranked.json["items"][1]["reviewSummary"] == ["count": 0])
            #expect(try await app.get("\(round.call.submissions)?sort=score", token: round.authors[0].token).status == 403)

            let decided = try await app.post("\(round.submission(0))/decision", token: admin, json: ["decision": "accepted", "format": "poster"])
            #expect(decided.status == 200)
            #expect(decided.json["status"] == "accepted")
            #expect(decided.json["format"] == "poster")
            #expect(try await app.post("\(round.submission(0))/decision", token: round.reviewers[0].token, json: ["decision": "rejected"]).status == 403)
            let closed = try await app.request(.put, "\(reviews)/\(reviewId)", token: round.reviewers[0].token, json: Self.review(1, "Trop tard"))
            #expect(closed.status == 409)
            #expect(closed.json["type"].string?.hasSuffix("review-closed") == true)
            // Before notification the authors still read "submitted", and their filters cannot tell either.
            #expect(try await app.get(round.submission(0), token: round.authors[0].token).json["status"] == "submitted")
            #expect(try await app.get("\(round.call.submissions)?status=accepted", token: round.authors[0].token).json["items"] == [])
            #expect(try await app.get("\(round.call.submissions)?status=submitted", token: round.authors[0].token).json["items"].array.count == 1)
            #expect(try await app.get("\(round.call.submissions)?status=accepted", token: admin).json["items"].array.count == 1)
        }
    }

    @Test func doubleBlindReviewersNeverSeeAuthors() async throws {
        try await TestApp.run { app in
            let round = try await ReviewRound.make(app, proposals: 3, reviewerCount: 2, sharing: 0)
            let admin = round.call.admin.token
            let reviewer = round.reviewers[0]
            for index in 0..<3 {
                _ = try await app.post("\(round.submission(index))/assignments", token: admin, json: ["reviewerId": .string(reviewer.id)])
            }
            _ = try await app.post("\(round.submission(0))/reviews", token: reviewer.token, json: Self.review(4, "Bien"))
            var bodies: [Reply] = []
            bodies.append(try await app.get(round.call.submissions, token: reviewer.token))
            bodies.append(try await app.get("\(round.call.submissions)?q=pair-aidance", token: reviewer.token))
            bodies.append(try await app.get("/v1/conferences/\(round.call.slug)/assignments", token: reviewer.token))
            for index in 0..<3 {
                bodies.append(try await app.get(round.submission(index), token: reviewer.token))
                bodies.append(try await app.get("\(round.submission(index))/reviews", token: reviewer.token))
            }
            #expect(bodies[0].json["items"].array.count == 3)
            #expect(bodies[3].status == 200)
            #expect(try await app.get("\(round.submission(0))/history", token: reviewer.token).status == 403)
            for reply in bodies {
                for (author, affiliation) in zip(round.authors, round.affiliations) {
                    #expect(!reply.text.contains("Auteur"), "an author's name leaked: \(reply.text.prefix(200))")
                    #expect(!reply.text.contains(author.email))
                    #expect(!reply.text.contains(affiliation))
                }
            }
            // The same reviewer in single-blind review sees the authors.
            _ = try await app.patch("/v1/conferences/\(round.call.slug)", token: admin, json: ["reviewMode": "single-blind"])
            #expect(try await app.get(round.submission(0), token: reviewer.token).text.contains(round.authors[0].email))
        }
    }

    @Test func decisionsAreNotifiedOncePerAuthorInTheProposalsLanguage() async throws {
        try await TestApp.run { app in
            let round = try await ReviewRound.make(app, proposals: 3, reviewerCount: 1, sharing: 0)
            let admin = round.call.admin.token
            _ = try await app.post("\(round.submission(0))/assignments", token: admin, json: ["reviewerId": .string(round.reviewers[0].id)])
            _ = try await app.post("\(round.submission(0))/reviews", token: round.reviewers[0].token,
                                   json: Self.review(5, "Une contribution originale.", committee: "Secret du comité"))
            #expect(try await app.post("\(round.submission(0))/decision", token: admin, json: ["decision": "accepted"]).status == 200)  // fr
            #expect(try await app.post("\(round.submission(1))/decision", token: admin, json: ["decision": "rejected"]).status == 200)  // en

            let notify = try await app.post("/v1/conferences/\(round.call.slug)/notifications", token: admin, json: ["kind": "decisions"])
            #expect(notify.status == 200)
            #expect(notify.json["queued"] == 2)
            #expect(try await app.post("/v1/conferences/\(round.call.slug)/notifications", token: admin, json: ["kind": "decisions"]).json["queued"] == 0)
            #expect(try await app.post("/v1/conferences/\(round.call.slug)/notifications", token: admin, json: ["kind": "reminders"]).status == 422)

            let outbox = try await app.get("/v1/conferences/\(round.call.slug)/outbox", token: admin)
            let messages = outbox.json["items"].array
            #expect(messages.count == 2)
            let french = try #require(messages.first { $0["to"].string == round.authors[0].email })
            #expect(french["language"] == "fr")
            #expect(french["subject"].string?.contains("acceptée") == true)
            #expect(french["body"].string?.contains("Une contribution originale.") == true)
            #expect(french["body"].string?.contains("Secret du comité") == false)
            #expect(french["status"] == "queued")
            let english = try #require(messages.first { $0["to"].string == round.authors[1].email })
            #expect(english["subject"].string?.contains("rejected") == true)
            #expect(try await app.get("/v1/conferences/\(round.call.slug)/outbox", token: round.reviewers[0].token).status == 403)

            // Notified authors see the decision and the reviews, without committee comments or reviewer identity.
            #expect(try await app.get(round.submission(0), token: round.authors[0].token).json["status"] == "accepted")
            let forAuthors = try await app.get("\(round.submission(0))/reviews", token: round.authors[0].token)
            #expect(forAuthors.status == 200)
            #expect(forAuthors.json["items"][0]["commentsForAuthors"] == "Une contribution originale.")
            #expect(forAuthors.json["items"][0].keys.isDisjoint(with: ["commentsForCommittee", "reviewerId", "reviewerName"]))
            #expect(try await app.post("\(round.submission(0))/decision", token: admin, json: ["decision": "rejected"]).status == 409)
        }
    }

    @Test func failedDeliveriesRetryWithBackoffAndShowInTheOutbox() async throws {
        try await TestApp.run { app in
            let round = try await ReviewRound.make(app, proposals: 1, reviewerCount: 1, sharing: 0)
            let admin = round.call.admin.token
            _ = try await app.post("\(round.submission(0))/decision", token: admin, json: ["decision": "accepted"])
            _ = try await app.post("/v1/conferences/\(round.call.slug)/notifications", token: admin, json: ["kind": "decisions"])
            let transport = FlakyTransport(failures: 3)
            let relay = app.mailRelay(transport)
            var now = Date()
            for attempt in 1...3 {
                #expect(try await relay.deliverDue(now: now) == 1)
                let message = try await app.get("/v1/conferences/\(round.call.slug)/outbox", token: admin).json["items"][0]
                #expect(message["status"] == "queued")
                #expect(message["attempts"] == .number(Double(attempt)))
                #expect(message["lastError"].string?.contains("SMTP 451") == true)
                #expect(try await relay.deliverDue(now: now) == 0)  // backing off
                now = now.addingTimeInterval(DeliveryPolicy.delay(afterAttempt: attempt) + 1)
            }
            #expect(try await relay.deliverDue(now: now) == 1)
            let sent = try await app.get("/v1/conferences/\(round.call.slug)/outbox?status=sent", token: admin).json["items"]
            #expect(sent.array.count == 1)
            #expect(sent[0]["attempts"] == 4)
            #expect(await transport.sent == 1)
            #expect(try await relay.deliverDue(now: now.addingTimeInterval(86_400)) == 0)
        }
    }
}

/// A transport that fails its first `failures` sends.
actor FlakyTransport: MessageTransport {
    var failures: Int
    var sent = 0

    init(failures: Int) { self.failures = failures }

    func send(_ messages: [OutboxMessage]) async -> [MailOutcome] {
        messages.map { _ in
            if failures > 0 {
                failures -= 1
                return .deferred("SMTP 451 temporary failure")
            }
            sent += 1
            return .sent
        }
    }
}

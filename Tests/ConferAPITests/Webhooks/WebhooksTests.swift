import Foundation
import Testing

@Suite("Webhooks: registration, signed delivery, retries and the delivery log")
struct WebhooksTests {
    /// Creates a webhook for `events` pointing at `receiver`, as the call's organizer; returns its id and secret.
    static func register(
        _ app: TestApp, _ call: OpenCall, _ receiver: WebhookReceiver, events: [JSON]
    ) async throws -> (id: String, secret: String) {
        let created = try await app.post(
            "/v1/conferences/\(call.slug)/webhooks", token: call.admin.token,
            json: ["url": .string(receiver.url), "events": .array(events), "description": "CRM sync"])
        guard created.status == 201, let id = created.json["id"].string, let secret = created.json["secret"].string else {
            throw Unexpected(created)
        }
        return (id, secret)
    }

    /// An open call with a webhook for `submission.submitted`, and one proposal submitted: one event to deliver.
    static func submittedProposalWithWebhook(
        _ app: TestApp, _ receiver: WebhookReceiver
    ) async throws -> (OpenCall, (id: String, secret: String)) {
        let call = try await OpenCall.make(app)
        let hook = try await register(app, call, receiver, events: ["submission.submitted"])
        let author = try await app.signUp("Claire")
        let draft = try await app.post(call.submissions, token: author.token, json: call.proposal(by: author))
        guard let id = draft.json["id"].string else { throw Unexpected(draft) }
        let submitted = try await app.post("\(call.submissions)/\(id)/submit", token: author.token)
        guard submitted.status == 200 else { throw Unexpected(submitted) }
        return (call, hook)
    }

    @Test func eachStateChangeIsDeliveredOnceSignedAndLogged() async throws {
        try await WebhookReceiver.run { receiver in
            try await TestApp.run { app in
                let call = try await OpenCall.make(app)
                let hook = try await Self.register(app, call, receiver, events: ["submission.submitted", "submission.withdrawn"])
                #expect(hook.secret.hasPrefix("whsec_"))

                let author = try await app.signUp("Claire")
                let draft = try await app.post(call.submissions, token: author.token, json: call.proposal(by: author))
                let id = try #require(draft.json["id"].string)
                // Editing a draft raises no subscribed event; submitting and withdrawing raise one each.
                #expect(try await app.patch("\(call.submissions)/\(id)", token: author.token, json: ["title": "Pairs"]).status == 200)
                #expect(try await app.post("\(call.submissions)/\(id)/submit", token: author.token).status == 200)
                #expect(try await app.post("\(call.submissions)/\(id)/withdraw", token: author.token).status == 200)
                // A refused change raises nothing: a second withdrawal is a conflict.
                #expect(try await app.post("\(call.submissions)/\(id)/withdraw", token: author.token).status == 409)

                #expect(try await app.webhookRelay.deliverDue(now: Date()) == 2)
                #expect(try await app.webhookRelay.deliverDue(now: Date().addingTimeInterval(3600)) == 0)

                let received = await receiver.received
                #expect(received.map { $0.json["type"].string } == ["submission.submitted", "submission.withdrawn"])
                for request in received {
                    #expect(request.verifies(secret: hook.secret))
                    #expect(!request.verifies(secret: "whsec_" + Data(repeating: 7, count: 32).base64EncodedString()))
                    #expect(request.json["id"].string == request.id)
                    #expect(request.json["conference"]["slug"].string == call.slug)
                    #expect(request.json["data"]["submissionId"].string == id)
                    #expect(abs((Double(request.timestamp) ?? 0) - Date().timeIntervalSince1970) < 60)
                    #expect(request.json["createdAt"].string != nil)
                }
                #expect(received[1].json["data"]["status"].string == "withdrawn")

                let log = try await app.get("/v1/conferences/\(call.slug)/webhooks/\(hook.id)/deliveries", token: call.admin.token)
                #expect(log.status == 200)
                #expect(log.json["items"].array.count == 2)
                for delivery in log.json["items"].array {
                    #expect(delivery["status"].string == "succeeded")
                    #expect(delivery["attempts"].array.map { $0["statusCode"].int } == [204])
                    #expect(delivery["attempts"][0]["durationMs"].int != nil)
                    #expect(delivery["deliveredAt"].string != nil)
                }
                // Newest first; the payload is byte for byte what the receiver got.
                #expect(log.json["items"][0]["eventType"].string == "submission.withdrawn")
                #expect(log.json["items"][0]["payload"].string == received[1].body)
            }
        }
    }

    @Test func failedAttemptsAreRetriedOnTheScheduleAndTheLogShowsEveryOne() async throws {
        try await WebhookReceiver.run(answer: { n in n <= 3 ? .internalServerError : .ok }) { receiver in
            try await TestApp.run { app in
                let (call, hook) = try await Self.submittedProposalWithWebhook(app, receiver)

                let relay = app.webhookRelay
                let t0 = Date()
                #expect(try await relay.deliverDue(now: t0) == 1)
                // Retries wait 5 s, then 5 min, then 30 min: not due before.
                #expect(try await relay.deliverDue(now: t0.addingTimeInterval(4)) == 0)
                #expect(try await relay.deliverDue(now: t0.addingTimeInterval(6)) == 1)
                #expect(try await relay.deliverDue(now: t0.addingTimeInterval(6 + 290)) == 0)
                #expect(try await relay.deliverDue(now: t0.addingTimeInterval(6 + 301)) == 1)
                let pending = try await app.get(
                    "/v1/conferences/\(call.slug)/webhooks/\(hook.id)/deliveries?status=pending", token: call.admin.token)
                #expect(pending.json["items"].array.count == 1)
                #expect(pending.json["items"][0]["nextAttemptAt"].string != nil)
                #expect(try await relay.deliverDue(now: t0.addingTimeInterval(6 + 301 + 1801)) == 1)

                let received = await receiver.received
                #expect(received.count == 4)
                #expect(Set(received.map(\.id)).count == 1, "every retry carries the same Webhook-Id")
                #expect(Set(received.map(\.body)).count == 1, "and the same body")
                #expect(received.allSatisfy { $0.verifies(secret: hook.secret) })

                let log = try await app.get("/v1/conferences/\(call.slug)/webhooks/\(hook.id)/deliveries", token: call.admin.token)
                let delivery = log.json["items"][0]
                #expect(delivery["status"].string == "succeeded")
                #expect(delivery["attempts"].array.map { $0["statusCode"].int } == [500, 500, 500, 200])
                #expect(delivery["attempts"][0]["error"].string?.contains("500") == true)

                // Redelivery queues it again at once, keeping the log.
                let deliveryId = try #require(delivery["id"].string)
                let again = try await app.post(
                    "/v1/conferences/\(call.slug)/webhooks/\(hook.id)/deliveries/\(deliveryId)/redeliver", token: call.admin.token)
                #expect(again.status == 202)
                #expect(again.json["status"].string == "pending")
                #expect(try await relay.deliverDue(now: Date()) == 1)
                #expect(await receiver.received.count == 5)
                let after = try await app.get("/v1/conferences/\(call.slug)/webhooks/\(hook.id)/deliveries", token: call.admin.token)
                #expect(after.json["items"][0]["attempts"].array.count == 5)
                #expect(after.json["items"][0]["status"].string == "succeeded")
            }
        }
    }

    @Test func aDeliveryThatNeverSucceedsFailsAfterTheLastRetry() async throws {
        try await WebhookReceiver.run(answer: { _ in .badGateway }) { receiver in
            try await TestApp.run { app in
                let (call, hook) = try await Self.submittedProposalWithWebhook(app, receiver)
                var now = Date()
                for _ in 1...8 {
                    #expect(try await app.webhookRelay.deliverDue(now: now) == 1)
                    now.addTimeInterval(11 * 3600)
                }
                #expect(try await app.webhookRelay.deliverDue(now: now) == 0)
                let log = try await app.get(
                    "/v1/conferences/\(call.slug)/webhooks/\(hook.id)/deliveries?status=failed", token: call.admin.token)
                #expect(log.json["items"].array.count == 1)
                #expect(log.json["items"][0]["attempts"].array.count == 8)
            }
        }
    }

    @Test func reviewDecisionNotificationAndProgramEventsAreRaised() async throws {
        try await WebhookReceiver.run { receiver in
            try await TestApp.run { app in
                let round = try await ReviewRound.make(app, proposals: 2, reviewerCount: 2, sharing: 0)
                let call = round.call
                let admin = call.admin.token
                _ = try await Self.register(app, call, receiver, events: [
                    "review.submitted", "decision.made", "notification.queued", "program.released",
                ])
                let reviewer = round.reviewers[0]
                #expect(try await app.post("\(round.submission(0))/assignments", token: admin, json: ["reviewerId": .string(reviewer.id)]).status == 201)
                #expect(try await app.post("\(round.submission(0))/reviews", token: reviewer.token, json: ReviewsTests.review(4, "Bien")).status == 201)
                #expect(try await app.post("\(round.submission(0))/decision", token: admin, json: ["decision": "accepted"]).status == 200)
                #expect(try await app.post("/v1/conferences/\(call.slug)/notifications", token: admin, json: ["kind": "decisions"]).status == 200)
                #expect(try await app.post("/v1/conferences/\(call.slug)/program/releases", token: admin, json: ["note": "v1"]).status == 201)
                while try await app.webhookRelay.deliverDue(now: Date()) > 0 {}

                let received = await receiver.received
                #expect(received.map { $0.json["type"].string } == ["review.submitted", "decision.made", "notification.queued", "program.released"])
                #expect(received[0].json["data"]["score"] == 4)
                #expect(received[1].json["data"]["decision"].string == "accepted")
                #expect(received[2].json["data"]["messages"] == 1)
                #expect(received[3].json["data"]["version"] == 1)
                // No author names travel in submission events: a double-blind committee's tools may listen.
                #expect(!received.contains { $0.body.contains("Auteur0") })
            }
        }
    }

    @Test func registrationEventsFollowTheWaitingList() async throws {
        try await WebhookReceiver.run { receiver in
            try await TestApp.run { app in
                let reg = try await OpenRegistration.make(app)
                let created = try await app.post(
                    "\(reg.base)/webhooks", token: reg.admin.token,
                    json: ["url": .string(receiver.url), "events": [
                        "registration.confirmed", "registration.waitlisted", "registration.promoted", "registration.cancelled",
                    ]])
                #expect(created.status == 201)
                let category = try await reg.category(app, capacity: 1)
                let first = try await app.signUp("Claire")
                let second = try await app.signUp("Malik")
                let one = try await app.post("\(reg.base)/registrations", token: first.token, json: ["categoryId": .string(category)])
                let two = try await app.post("\(reg.base)/registrations", token: second.token, json: ["categoryId": .string(category)])
                let oneId = try #require(one.json["id"].string)
                #expect(try await app.post("\(reg.base)/registrations/\(oneId)/cancel", token: first.token).status == 200)
                while try await app.webhookRelay.deliverDue(now: Date()) > 0 {}

                let received = await receiver.received
                #expect(received.map { $0.json["type"].string } == [
                    "registration.confirmed", "registration.waitlisted", "registration.promoted", "registration.cancelled",
                ])
                #expect(received[1].json["data"]["waitlistPosition"] == 1)
                #expect(received[2].json["data"]["registrationId"].string == two.json["id"].string)
                #expect(received[2].json["data"]["status"].string == "confirmed")
                #expect(received[3].json["data"]["registrationId"].string == oneId)
            }
        }
    }

    @Test func organizersManageWebhooksAndNobodyElseSeesThem() async throws {
        try await TestApp.run(allowPrivateWebhookTargets: false) { app in
            let call = try await OpenCall.make(app)
            let hooks = "/v1/conferences/\(call.slug)/webhooks"
            let body: JSON = ["url": "https://hooks.example.org/confer", "events": ["registration.confirmed"]]
            let stranger = try await app.signUp("Stranger")

            #expect(try await app.post(hooks, json: body).status == 401)
            #expect(try await app.post(hooks, token: stranger.token, json: body).status == 403)
            #expect(try await app.get(hooks, token: stranger.token).status == 403)

            for (url, _) in [("http://127.0.0.1:9000/x", 0), ("http://169.254.169.254/latest/meta-data", 0),
                             ("http://localhost/hook", 0), ("ftp://hooks.example.org/", 0)] {
                let refused = try await app.post(hooks, token: call.admin.token, json: body.with("url", .string(url)))
                #expect(refused.status == 422, "\(url)")
                #expect(refused.errorFields == ["url"], "\(url)")
                #expect(refused.isProblem)
            }
            let unknown = try await app.post(hooks, token: call.admin.token, json: body.with("events", ["paper.eaten"]))
            #expect(unknown.status == 422 && unknown.isProblem, "\(unknown)")
            #expect(unknown.errorFields == ["events[0]"])

            let created = try await app.post(hooks, token: call.admin.token, json: body)
            #expect(created.status == 201)
            let id = try #require(created.json["id"].string)
            let secret = try #require(created.json["secret"].string)
            #expect(created.header("Location") == "\(hooks)/\(id)")
            #expect(created.json["active"] == true)

            let listed = try await app.get(hooks, token: call.admin.token)
            #expect(listed.json["items"].array.count == 1)
            #expect(listed.json["items"][0]["secret"] == .null, "the secret is shown only at creation and rotation")
            #expect(!listed.text.contains(secret))

            let read = try await app.get("\(hooks)/\(id)", token: call.admin.token)
            #expect(read.header("ETag") == "\"1\"")
            let paused = try await app.patch(
                "\(hooks)/\(id)", token: call.admin.token, json: ["active": false, "events": ["registration.confirmed", "registration.cancelled"]],
                headers: ["If-Match": "\"1\""])
            #expect(paused.status == 200)
            #expect(paused.json["active"] == false)
            #expect(paused.json["events"].array.count == 2)
            let stale = try await app.patch("\(hooks)/\(id)", token: call.admin.token, json: ["active": true], headers: ["If-Match": "\"1\""])
            #expect(stale.status == 412)

            let rotated = try await app.post("\(hooks)/\(id)/secret", token: call.admin.token)
            #expect(rotated.status == 200)
            #expect(rotated.json["secret"].string?.hasPrefix("whsec_") == true)
            #expect(rotated.json["secret"].string != secret)

            // Another conference's organizer does not reach this one's webhooks.
            let other = try await OpenCall.make(app, slug: "other-2027")
            #expect(try await app.get("/v1/conferences/\(other.slug)/webhooks/\(id)", token: call.admin.token).status == 404)
            #expect(try await app.get("\(hooks)/not-a-uuid", token: call.admin.token).status == 404)

            #expect(try await app.delete("\(hooks)/\(id)", token: call.admin.token).status == 204)
            #expect(try await app.get("\(hooks)/\(id)", token: call.admin.token).status == 404)
            #expect(try await app.delete("\(hooks)/\(id)", token: call.admin.token).status == 404)
        }
    }
}

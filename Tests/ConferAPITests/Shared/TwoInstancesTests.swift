import Foundation
import Testing

/// How Confer scales past one machine: several processes on one database, with no state of their own that
/// correctness depends on.
@Suite("Two instances, one database")
struct TwoInstancesTests {
    @Test func idempotencyCapacityDeliveriesAndRevocationHoldAcrossInstances() async throws {
        try await WebhookReceiver.run { receiver in
            let database = try await TestDatabase.shared.create()
            let a = try await ServerProcess.start(
                databaseURL: database, port: try await ServerProcess.freePort(), environment: ["LOG_LEVEL": "info"])
            defer { a.kill() }
            let b = try await ServerProcess.start(
                databaseURL: database, port: try await ServerProcess.freePort(), environment: ["LOG_LEVEL": "info"])
            defer { b.kill() }
            let servers = [a, b]
            let admin = try await a.signIn()
            let slug = try await a.openConference("scale-2027", token: admin)
            let base = "/v1/conferences/\(slug)"
            let hook = try await b.request(.POST, "\(base)/webhooks", token: admin, json: [
                "url": .string(receiver.url), "events": ["registration.confirmed", "registration.waitlisted"],
            ])
            #expect(hook.status == 201)

            // Idempotency keys are in the database: a retry on the other instance replays the first answer.
            let author = try await a.signUp("Claire")
            let body: JSON = [
                "title": "Les pairs-aidants", "abstract": "Résumé.", "format": "oral", "language": "fr",
                "authors": [["name": "Claire Martin", "email": .string(author.email), "presenting": true]],
            ]
            let first = try await a.request(.POST, "\(base)/submissions", token: author.token, json: body, headers: ["Idempotency-Key": "k-1"])
            let replay = try await b.request(.POST, "\(base)/submissions", token: author.token, json: body, headers: ["Idempotency-Key": "k-1"])
            #expect(first.status == 201 && replay.status == 201)
            #expect(first.json["id"] == replay.json["id"])
            let mine = try await b.request(.GET, "\(base)/submissions", token: author.token)
            #expect(mine.json["items"].array.count == 1)

            // Capacity holds with registrations spread over both instances.
            let category = try await a.request(.POST, "\(base)/registration-categories", token: admin, json: [
                "name": "Atelier", "price": ["amount": 0, "currency": "EUR"], "capacity": 10,
            ])
            let categoryId = try #require(category.json["id"].string)
            var people: [TestApp.User] = []
            for n in 0..<40 { people.append(try await servers[n % 2].signUp("Personne\(n)")) }
            let replies = try await withThrowingTaskGroup(of: JSON.self) { group in
                for (n, person) in people.enumerated() {
                    group.addTask {
                        try await servers[n % 2].request(
                            .POST, "\(base)/registrations", token: person.token, json: ["categoryId": .string(categoryId)]).json
                    }
                }
                return try await group.reduce(into: [JSON]()) { $0.append($1) }
            }
            #expect(replies.filter { $0["status"] == "confirmed" }.count == 10)
            let positions = replies.compactMap { $0["waitlistPosition"].int }.sorted()
            #expect(positions == Array(1...30))

            // Each webhook delivery goes out once, whichever instance's worker claimed it.
            var delivered: [WebhookReceiver.Received] = []
            for _ in 0..<60 where delivered.count < 40 {
                try await Task.sleep(for: .milliseconds(500))
                delivered = await receiver.received
            }
            try await Task.sleep(for: .seconds(2))
            delivered = await receiver.received
            #expect(delivered.count == 40, "40 registrations, 40 events")
            #expect(Set(delivered.map(\.id)).count == delivered.count, "no event delivered twice")

            // A token revoked on one instance is refused by the other within 5 seconds (its cache's lifetime).
            let claire = try await a.signIn(author.email, "correct horse battery")
            #expect(try await b.request(.GET, "/v1/me", token: claire).status == 200)
            #expect(try await a.request(.DELETE, "/v1/tokens/current", token: claire).status == 204)
            let revokedAt = ContinuousClock.now
            var refused = false
            // Judged by when each request was sent, so that a slow machine's latency does not count against B.
            var lastAcceptedSentAt = revokedAt
            while !refused && ContinuousClock.now - revokedAt < .seconds(10) {
                let sentAt = ContinuousClock.now
                refused = try await b.request(.GET, "/v1/me", token: claire).status == 401
                if !refused {
                    lastAcceptedSentAt = sentAt
                    try await Task.sleep(for: .milliseconds(200))
                }
            }
            #expect(refused)
            #expect(lastAcceptedSentAt - revokedAt <= .seconds(5), "no longer accepted 5 s after the revocation")

            // Outbox messages (confirmations, the waiting list's, the cancellation and the promotion) are each sent
            // once, by one instance.
            let firstConfirmed = try #require(replies.first { $0["status"] == "confirmed" }?["id"].string)
            let holder = try #require(people.first { person in replies.contains { $0["id"].string == firstConfirmed && $0["accountId"].string == person.id } })
            #expect(try await b.request(.POST, "\(base)/registrations/\(firstConfirmed)/cancel", token: holder.token).status == 200)
            // Both relays poll; wait (up to 20 s) until every message has gone, then 1 s more for a second send to show.
            var outbox: [JSON] = []
            for _ in 0..<40 {
                outbox = try await a.request(.GET, "\(base)/outbox?limit=200", token: admin).json["items"].array
                if outbox.count == replies.count + 2 && outbox.allSatisfy({ $0["status"] == "sent" }) { break }
                try await Task.sleep(for: .milliseconds(500))
            }
            try await Task.sleep(for: .seconds(1))
            let sent = (a.logTail(limit: 1 << 22) + b.logTail(limit: 1 << 22)).components(separatedBy: "outbox message").count - 1
            #expect(outbox.count == replies.count + 2, "a letter per registration, the cancellation's and the promotion's")
            #expect(outbox.allSatisfy { $0["status"] == "sent" })
            #expect(outbox.filter { $0["kind"] == "registration-promoted" }.count == 1)
            #expect(sent == outbox.count, "every message logged by exactly one instance")

            // Token hygiene: no token, password or webhook secret in either log, at info level.
            let logs = a.logTail(limit: 1 << 22) + b.logTail(limit: 1 << 22)
            #expect(logs.contains("POST /v1/tokens 201"), "the access log is there")
            for secret in [admin, claire, author.token, "correct horse battery", ServerProcess.adminPassword] {
                #expect(!logs.contains(secret))
            }
            #expect(!logs.contains(try #require(hook.json["secret"].string)))
        }
    }
}

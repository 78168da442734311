import Foundation
import Testing

@Suite("Webhooks: nothing lost when the server dies between a change and its delivery")
struct WebhookDurabilityTests {
    @Test func aServerKilledBeforeDeliveringDeliversAfterRestart() async throws {
        try await WebhookReceiver.run(armed: false) { receiver in
            let database = try await TestDatabase.shared.create()
            let port = try await ServerProcess.freePort()
            var server = try await ServerProcess.start(databaseURL: database, port: port)
            defer { server.kill() }
            let admin = try await server.signIn()
            let slug = "durable-2027"
            let conference = TestApp.conferenceBody(slug: slug)
                .with("submissionDeadline", "2099-05-30T23:59:59+02:00").with("notificationDate", "2099-07-15T00:00:00+02:00")
            #expect(try await server.request(.POST, "/v1/conferences", token: admin, json: conference).status == 201)
            let hook = try await server.request(
                .POST, "/v1/conferences/\(slug)/webhooks", token: admin,
                json: ["url": .string(receiver.url), "events": ["submission.submitted"]])
            #expect(hook.status == 201)
            let hookId = try #require(hook.json["id"].string)
            let secret = try #require(hook.json["secret"].string)

            let email = "claire-\(UUID().uuidString.prefix(6))@example.org"
            #expect(try await server.request(.POST, "/v1/accounts", json: [
                "email": .string(email), "password": "correct horse battery", "name": "Claire Martin",
            ]).status == 201)
            let author = try await server.signIn(email, "correct horse battery")
            let draft = try await server.request(.POST, "/v1/conferences/\(slug)/submissions", token: author, json: [
                "title": "Les pairs-aidants", "abstract": "Résumé.", "format": "oral", "language": "fr",
                "authors": [["name": "Claire Martin", "email": .string(email), "presenting": true]],
            ])
            let id = try #require(draft.json["id"].string)
            // The change commits and is acknowledged; the receiver refuses everything so far (503); then the
            // process dies without any chance to clean up.
            #expect(try await server.request(.POST, "/v1/conferences/\(slug)/submissions/\(id)/submit", token: author).status == 200)
            server.kill()
            #expect(await receiver.received.allSatisfy { $0.answeredWith >= 500 })

            await receiver.arm()
            server = try await ServerProcess.start(databaseURL: database, port: port)
            let token = try await server.signIn()
            // Retries come 5 s after a failed attempt, or 30 s after one cut short by the kill.
            var delivered = false
            for _ in 0..<90 where !delivered {
                try await Task.sleep(for: .seconds(1))
                let log = try await server.request(.GET, "/v1/conferences/\(slug)/webhooks/\(hookId)/deliveries", token: token)
                delivered = log.json["items"][0]["status"].string == "succeeded"
            }
            #expect(delivered, "\(server.logTail())")
            try await Task.sleep(for: .seconds(1))
            // At least once: if the kill cut an attempt short after the receiver had it, nobody recorded that
            // attempt and it is made again once its lease runs out. Receivers drop repeats by Webhook-Id.
            let successes = await receiver.received.filter { $0.answeredWith < 300 }
            #expect(!successes.isEmpty, "delivered")
            #expect(Set(successes.map(\.id)).count == 1, "one event, whatever the number of attempts")
            let event = try #require(successes.first)
            #expect(event.verifies(secret: secret))
            #expect(event.json["type"].string == "submission.submitted")
            #expect(event.json["data"]["submissionId"].string == id)
        }
    }
}

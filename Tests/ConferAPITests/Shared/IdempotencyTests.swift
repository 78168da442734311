import Foundation
import Testing

@Suite("Idempotency-Key on creates")
struct IdempotencyTests {
    static func account(_ email: String) -> JSON {
        ["email": .string(email), "password": "correct horse battery", "name": "Claire"]
    }

    @Test func theSameKeyAndBodyReplaysTheFirstResponse() async throws {
        try await TestApp.run { app in
            let first = try await app.post("/v1/accounts", json: Self.account("claire@example.org"), headers: ["Idempotency-Key": "k-1"])
            let second = try await app.post("/v1/accounts", json: Self.account("claire@example.org"), headers: ["Idempotency-Key": "k-1"])
            #expect(first.status == 201)
            #expect(second.status == 201)
            #expect(second.json["id"] == first.json["id"])
            #expect(second.header("Location") == first.header("Location"))
            #expect(second.header("Idempotency-Replayed") == "true")
        }
    }

    @Test func theSameKeyWithAnotherBodyIsRefused() async throws {
        try await TestApp.run { app in
            _ = try await app.post("/v1/accounts", json: Self.account("claire@example.org"), headers: ["Idempotency-Key": "k-1"])
            let other = try await app.post("/v1/accounts", json: Self.account("marc@example.org"), headers: ["Idempotency-Key": "k-1"])
            #expect(other.status == 422)
            #expect(other.errorFields == ["Idempotency-Key"])
        }
    }

    @Test func tenConcurrentRequestsWithOneKeyCreateOneAccount() async throws {
        try await TestApp.run { app in
            let replies = try await withThrowingTaskGroup(of: Reply.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        try await app.post("/v1/accounts", json: Self.account("claire@example.org"), headers: ["Idempotency-Key": "same"])
                    }
                }
                return try await group.reduce(into: [Reply]()) { $0.append($1) }
            }
            #expect(replies.allSatisfy { $0.status == 201 })
            #expect(Set(replies.map { $0.json["id"] }).count == 1)
            let count = try await app.repositories.database.client.query("SELECT count(*)::int FROM accounts")
            for try await n in count.decode(Int.self) { #expect(n == 1) }
        }
    }

    @Test func aRefusedRequestDoesNotBurnItsKey() async throws {
        try await TestApp.run { app in
            let bad = try await app.post("/v1/accounts", json: Self.account("not-an-email"), headers: ["Idempotency-Key": "k-2"])
            #expect(bad.status == 422)
            let good = try await app.post("/v1/accounts", json: Self.account("not-an-email"), headers: ["Idempotency-Key": "k-2"])
            #expect(good.status == 422)
            #expect(good.header("Idempotency-Replayed") == nil)
        }
    }
}

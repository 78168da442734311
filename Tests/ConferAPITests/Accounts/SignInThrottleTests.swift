import Foundation
import Testing

@Suite("Sign-in throttling against password guessing")
struct SignInThrottleAPITests {
    static func attempt(_ app: TestApp, _ email: String, _ password: String, from address: String) async throws -> Reply {
        try await app.post("/v1/tokens", json: ["email": .string(email), "password": .string(password)],
                           headers: ["X-Forwarded-For": address])
    }

    @Test func tenFailuresForOneAccountBlockItEvenWithTheRightPassword() async throws {
        try await TestApp.run { app in
            let claire = try await app.signUp("Claire")
            for n in 1...10 {
                let wrong = try await Self.attempt(app, claire.email, "guess \(n)", from: "203.0.113.\(n)")
                #expect(wrong.status == 401)
            }
            let blocked = try await Self.attempt(app, claire.email, "correct horse battery", from: "198.51.100.7")
            #expect(blocked.status == 429)
            #expect(blocked.isProblem)
            let retryAfter = try #require(blocked.header("Retry-After").flatMap(Int.init))
            #expect((1...300).contains(retryAfter))
            // Other accounts are not affected, from any address.
            let malik = try await app.signUp("Malik")
            #expect(try await Self.attempt(app, malik.email, "correct horse battery", from: "203.0.113.1").status == 201)
            // Unknown accounts count too, so guessing which emails exist gains nothing.
            for n in 1...10 { _ = try await Self.attempt(app, "nobody@example.org", "guess \(n)", from: "192.0.2.\(n)") }
            #expect(try await Self.attempt(app, "nobody@example.org", "guess", from: "192.0.2.99").status == 429)
        }
    }

    @Test func thirtyFailuresFromOneAddressBlockItButSuccessesAreNeverCounted() async throws {
        try await TestApp.run { app in
            let office = "198.51.100.20"
            // Many colleagues behind one address sign in successfully: nothing is counted.
            var people: [TestApp.User] = []
            for n in 0..<12 { people.append(try await app.signUp("Collègue\(n)")) }
            for person in people {
                #expect(try await Self.attempt(app, person.email, "correct horse battery", from: office).status == 201)
                #expect(try await Self.attempt(app, person.email, "correct horse battery", from: office).status == 201)
            }
            // A guesser spraying many accounts from one address is stopped after 30 failures.
            for n in 0..<30 {
                #expect(try await Self.attempt(app, "target\(n)@example.org", "Winter2019!", from: office).status == 401)
            }
            let blocked = try await Self.attempt(app, people[0].email, "correct horse battery", from: office)
            #expect(blocked.status == 429)
            #expect(blocked.header("Retry-After") != nil)
            // The same person from elsewhere is fine: their account itself had no failures.
            #expect(try await Self.attempt(app, people[0].email, "correct horse battery", from: "203.0.113.50").status == 201)
        }
    }
}

@Suite("CORS for third-party frontends")
struct CORSTests {
    @Test func allowedOriginsGetPreflightAndHeadersOthersDoNot() async throws {
        try await TestApp.run { app in
            let preflight = try await app.request(.options, "/v1/conferences", headers: [
                "Origin": "https://program.example.org", "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type, idempotency-key",
            ])
            #expect(preflight.status == 204)
            #expect(preflight.header("Access-Control-Allow-Origin") == "https://program.example.org")
            #expect(preflight.header("Access-Control-Allow-Methods")?.contains("PATCH") == true)
            #expect(preflight.header("Access-Control-Allow-Headers")?.contains("Idempotency-Key") == true)

            let read = try await app.get("/v1/conferences", headers: ["Origin": "https://program.example.org"])
            #expect(read.status == 200)
            #expect(read.header("Access-Control-Allow-Origin") == "https://program.example.org")
            #expect(read.header("Access-Control-Expose-Headers")?.contains("ETag") == true)
            #expect(read.header("Vary")?.contains("Origin") == true)
            // Errors carry the headers too, so a frontend can read the problem.
            let missing = try await app.get("/v1/conferences/nope", headers: ["Origin": "https://program.example.org"])
            #expect(missing.status == 404)
            #expect(missing.header("Access-Control-Allow-Origin") == "https://program.example.org")

            let foreign = try await app.get("/v1/conferences", headers: ["Origin": "https://evil.example"])
            #expect(foreign.status == 200)
            #expect(foreign.header("Access-Control-Allow-Origin") == nil)
            let foreignPreflight = try await app.request(.options, "/v1/conferences", headers: [
                "Origin": "https://evil.example", "Access-Control-Request-Method": "DELETE",
            ])
            #expect(foreignPreflight.status == 403)
            #expect(foreignPreflight.isProblem)
        }
    }

    @Test func authenticatedResponsesAreNeverCached() async throws {
        try await TestApp.run { app in
            let claire = try await app.signUp("Claire")
            #expect(try await app.get("/v1/me", token: claire.token).header("Cache-Control") == "no-store")
            #expect(try await app.get("/v1/me", token: "cf_wrong").header("Cache-Control") == "no-store")
        }
    }
}

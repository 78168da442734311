import Foundation
import Testing

@Suite("Accounts: tokens and the caller")
struct TokensTests {
    @Test func signInGivesAnExpiringTokenThatOpensMe() async throws {
        try await TestApp.run { app in
            let claire = try await app.signUp("Claire", email: "claire@example.org")
            let reply = try await app.post("/v1/tokens", json: ["email": "Claire@Example.org", "password": "correct horse battery"])
            #expect(reply.status == 201)
            #expect(reply.header("Location") == "/v1/tokens/current")
            #expect(reply.json["accountId"].string == claire.id)
            let token = try #require(reply.json["token"].string)
            #expect(token.count >= 43)
            let expires = try #require(reply.json["expiresAt"].string.flatMap { try? Date.ISO8601FormatStyle().parse($0) })
            #expect(abs(expires.timeIntervalSinceNow - 30 * 24 * 3600) < 120)

            let me = try await app.get("/v1/me", token: token)
            #expect(me.status == 200)
            #expect(me.json["account"]["id"].string == claire.id)
            #expect(me.json["memberships"] == [])
            #expect(me.header("Cache-Control") == "no-store")
        }
    }

    @Test func wrongCredentialsAre401WithoutSayingWhichPartIsWrong() async throws {
        try await TestApp.run { app in
            _ = try await app.signUp("Claire", email: "claire@example.org")
            let wrongPassword = try await app.post("/v1/tokens", json: ["email": "claire@example.org", "password": "wrong password!"])
            let unknownEmail = try await app.post("/v1/tokens", json: ["email": "nobody@example.org", "password": "wrong password!"])
            #expect(wrongPassword.status == 401)
            #expect(unknownEmail.status == 401)
            #expect(wrongPassword.isProblem)
            #expect(wrongPassword.json["detail"] == unknownEmail.json["detail"])
        }
    }

    @Test func missingMalformedAndUnknownTokensAre401() async throws {
        try await TestApp.run { app in
            #expect(try await app.get("/v1/me").status == 401)
            let unknown = try await app.get("/v1/me", token: "cf_not-a-real-token")
            #expect(unknown.status == 401)
            #expect(unknown.header("WWW-Authenticate") == "Bearer")
            #expect(unknown.isProblem)
            let basic = try await app.get("/v1/me", headers: ["Authorization": "Basic dXNlcjpwYXNz"])
            #expect(basic.status == 401)
        }
    }

    @Test func aRevokedTokenIsRefusedFromThenOn() async throws {
        try await TestApp.run { app in
            let claire = try await app.signUp("Claire")
            let other = try await app.signIn(claire.email, "correct horse battery")
            #expect(try await app.get("/v1/me", token: claire.token).status == 200)
            #expect(try await app.delete("/v1/tokens/current", token: claire.token).status == 204)
            #expect(try await app.get("/v1/me", token: claire.token).status == 401)
            #expect(try await app.delete("/v1/tokens/current", token: claire.token).status == 401)
            // Only that token: the account's other sessions go on.
            #expect(try await app.get("/v1/me", token: other).status == 200)
        }
    }

    @Test func tokensAreStoredOnlyAsDigests() async throws {
        try await TestApp.run { app in
            let claire = try await app.signUp("Claire")
            let rows = try await app.repositories.database.client.query("SELECT encode(digest, 'hex') AS d FROM tokens")
            var digests: [String] = []
            for try await digest in rows.decode(String.self) { digests.append(digest) }
            #expect(digests.count == 1)
            #expect(digests.allSatisfy { $0.count == 64 && !claire.token.contains($0) })
        }
    }
}

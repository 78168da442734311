import Foundation
import Testing

@Suite("Bad input: clear 4xx problems, nothing stored, the server keeps serving")
struct HostileInputTests {
    @Test func malformedJSONIs400() async throws {
        try await TestApp.run { app in
            let reply = try await app.request(.post, "/v1/accounts", raw: "{\"email\": ", headers: ["Content-Type": "application/json"])
            #expect(reply.status == 400)
            #expect(reply.isProblem)
            #expect(reply.json["type"].string?.hasSuffix("malformed-json") == true)
            #expect(reply.json["requestId"].string == reply.header("X-Request-Id"))
        }
    }

    @Test func wrongTypesAndMissingFieldsAre422NamingTheField() async throws {
        try await TestApp.run { app in
            let wrongType = try await app.post("/v1/accounts", json: ["email": 42, "password": "correct horse battery", "name": "X"])
            #expect(wrongType.status == 422)
            #expect(wrongType.errorFields == ["email"])
            let missing = try await app.post("/v1/accounts", json: ["email": "a@example.org", "name": "X"])
            #expect(missing.status == 422)
            #expect(missing.errorFields == ["password"])
            let notAnObject = try await app.request(.post, "/v1/accounts", raw: "[1,2]", headers: ["Content-Type": "application/json"])
            #expect(notAnObject.status == 400 || notAnObject.status == 422)
            #expect(notAnObject.isProblem)
        }
    }

    @Test func bodiesOverOneMebibyteAre413() async throws {
        try await TestApp.run { app in
            let huge = "{\"email\":\"" + String(repeating: "a", count: 2 << 20) + "\"}"
            let reply = try await app.request(.post, "/v1/accounts", raw: huge, headers: ["Content-Type": "application/json"])
            #expect(reply.status == 413)
            #expect(reply.isProblem)
            #expect(try await app.get("/health").status == 200)
        }
    }

    @Test func nonJSONBodiesAre415() async throws {
        try await TestApp.run { app in
            let reply = try await app.request(.post, "/v1/accounts", raw: "email=a@b.org", headers: ["Content-Type": "application/x-www-form-urlencoded"])
            #expect(reply.status == 415)
            #expect(reply.isProblem)
            let none = try await app.request(.post, "/v1/accounts", raw: "{}")
            #expect(none.status == 415)
        }
    }

    @Test func sqlLookingAndUnicodeTextIsStoredVerbatim() async throws {
        try await TestApp.run { app in
            let name = "Robert'); DROP TABLE accounts;-- Zoë Ñandú 🎉 «pair-aidance»"
            let reply = try await app.post("/v1/accounts", json: [
                "email": "bobby@example.org", "password": "correct horse battery 🎉", "name": .string(name),
                "affiliation": "École des hautes études en santé publique (EHESP)",
            ])
            #expect(reply.status == 201)
            #expect(reply.json["name"].string == name)
            let token = try await app.signIn("bobby@example.org", "correct horse battery 🎉")
            #expect(try await app.get("/v1/me", token: token).json["account"]["name"].string == name)
        }
    }

    @Test func nulCharactersAndHugeStringsAreRefusedAndNothingIsWritten() async throws {
        try await TestApp.run { app in
            let nul = try await app.post("/v1/accounts", json: ["email": "nul@example.org", "password": "correct horse battery", "name": "A\u{0}B"])
            #expect(nul.status == 422)
            #expect(nul.errorFields == ["name"])
            let long = try await app.post("/v1/accounts", json: [
                "email": "long@example.org", "password": "correct horse battery", "name": .string(String(repeating: "é", count: 100_000)),
            ])
            #expect(long.status == 422)
            let rows = try await app.repositories.database.client.query("SELECT count(*)::int FROM accounts")
            for try await n in rows.decode(Int.self) { #expect(n == 0) }
        }
    }

    @Test func unsupportedAcceptHeadersAreDisregardedNotFailed() async throws {
        try await TestApp.run { app in
            let html = try await app.get("/v1/conferences", headers: ["Accept": "text/html"])
            #expect(html.status == 200)
            #expect(html.header("Content-Type")?.hasPrefix("application/json") == true)
            let admin = try await app.admin()
            _ = try await app.createConference("accept-2027", by: admin)
            // CSV where none is offered cannot be honoured: a clear 406, never a 500.
            let csv = try await app.get("/v1/conferences/accept-2027/topics", headers: ["Accept": "text/csv"])
            #expect(csv.status == 406)
            #expect(csv.isProblem)
        }
    }

    @Test func unknownRoutesAre404Problems() async throws {
        try await TestApp.run { app in
            let reply = try await app.get("/v1/nothing-here")
            #expect(reply.status == 404)
            #expect(reply.isProblem)
        }
    }

    @Test func healthReportsTheDatabase() async throws {
        try await TestApp.run { app in
            // The probe allows its `SELECT 1` 2 seconds; opening the new pool's first connection, on a machine busy
            // with the other tests, is not what it measures: a read opens one first.
            #expect(try await app.get("/v1/conferences").status == 200)
            let reply = try await app.get("/health")
            #expect(reply.status == 200)
            #expect(reply.json == ["status": "ok", "database": "ok"])
        }
    }
}

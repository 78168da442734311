import Foundation
import Testing

@Suite("Accounts: sign-up and reading accounts")
struct AccountsTests {
    @Test func signUpReturnsTheAccountWithLocationAndNeverThePassword() async throws {
        try await TestApp.run { app in
            let reply = try await app.post("/v1/accounts", json: [
                "email": "Claire.Martin@Univ-Rennes.fr", "password": "correct horse battery",
                "name": "Claire Martin", "affiliation": "Université Rennes 2", "country": "FR",
            ])
            #expect(reply.status == 201)
            let id = try #require(reply.json["id"].string)
            #expect(reply.header("Location") == "/v1/accounts/\(id)")
            #expect(reply.header("ETag") == "\"1\"")
            #expect(reply.json["email"] == "Claire.Martin@Univ-Rennes.fr")
            #expect(reply.json["affiliation"] == "Université Rennes 2")
            #expect(reply.json["isAdmin"] == false)
            #expect(!reply.text.contains("correct horse battery"))
            #expect(!reply.json.keys.contains("password") && !reply.json.keys.contains("passwordHash"))
        }
    }

    @Test func emailsAreUniqueWhateverTheirCase() async throws {
        try await TestApp.run { app in
            _ = try await app.signUp("Claire", email: "claire@example.org")
            let again = try await app.post("/v1/accounts", json: [
                "email": "CLAIRE@Example.org", "password": "another password", "name": "Claire bis",
            ])
            #expect(again.status == 409)
            #expect(again.isProblem)
            #expect(again.json["type"].string?.hasSuffix("email-taken") == true)
        }
    }

    @Test func shortPasswordsAndBadEmailsAreRefusedNamingEachField() async throws {
        try await TestApp.run { app in
            let reply = try await app.post("/v1/accounts", json: [
                "email": "not-an-email", "password": "123456789", "name": "  ", "country": "France",
            ])
            #expect(reply.status == 422)
            #expect(reply.isProblem)
            #expect(Set(reply.errorFields) == ["email", "password", "name", "country"])
            #expect(reply.json["status"] == 422)
            #expect(reply.json["title"].string?.isEmpty == false)
            #expect(reply.json["detail"].string?.isEmpty == false)
        }
    }

    @Test func anAccountIsVisibleToItselfAndAdminsOnly() async throws {
        try await TestApp.run { app in
            let claire = try await app.signUp("Claire")
            let marc = try await app.signUp("Marc")
            let admin = try await app.admin()
            #expect(try await app.get("/v1/accounts/\(claire.id)", token: claire.token).status == 200)
            #expect(try await app.get("/v1/accounts/\(claire.id)", token: admin.token).status == 200)
            #expect(try await app.get("/v1/accounts/\(claire.id)", token: marc.token).status == 404)
            #expect(try await app.get("/v1/accounts/\(claire.id)").status == 401)
            #expect(try await app.get("/v1/accounts/not-a-uuid", token: claire.token).status == 404)
        }
    }
}

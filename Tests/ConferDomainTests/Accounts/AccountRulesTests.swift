import Foundation
import Testing
@testable import ConferDomain

@Suite("AccountRules")
struct AccountRulesTests {
    static func signUp(
        email: String = "alice@example.org", password: String = "correct horse", name: String = "Alice Martin",
        affiliation: String? = "Université Rennes 2", country: String? = "FR"
    ) throws(DomainError) -> NewAccount {
        try AccountRules.validate(email: email, password: password, name: name, affiliation: affiliation, country: country)
    }

    @Test("A valid sign-up is kept, with its texts trimmed")
    func validSignUp() throws {
        let account = try Self.signUp(
            email: "  alice@example.org\n", password: "  spaces count  ", name: "  Alice Martin ",
            affiliation: " Université Rennes 2 ", country: "FR")
        #expect(account.email == "alice@example.org")
        #expect(account.password == "  spaces count  ")  // passwords are never altered
        #expect(account.name == "Alice Martin")
        #expect(account.affiliation == "Université Rennes 2")
        #expect(account.country == "FR")
    }

    @Test("A blank affiliation is stored as absent")
    func blankAffiliation() throws {
        #expect(try Self.signUp(affiliation: "   ").affiliation == nil)
        #expect(try Self.signUp(affiliation: nil).affiliation == nil)
        #expect(try Self.signUp(country: nil).country == nil)
    }

    @Test("Implausible emails are refused on email", arguments: [
        "no-at-sign", "a@b", "a b@c.org", "@example.org", "alice@", "a@@example.org", "a@b@example.org",
        "alice@example..org", "alice@.example.org", "alice@example.org.", "alice@-example.org", "alice@example-.org",
        "al\u{7}ice@example.org", "", "   ",
    ])
    func implausibleEmail(email: String) {
        #expect(throws: DomainError.validation([
            FieldIssue(field: "email", message: "must be an email address such as name@example.org"),
        ])) {
            try Self.signUp(email: email)
        }
    }

    @Test("Plausible emails are accepted", arguments: [
        "a@b.c", "alice.martin+confer@univ-rennes2.fr", "élodie@exemple.fr", "x@sub.domain.example.org",
    ])
    func plausibleEmail(email: String) throws {
        #expect(try Self.signUp(email: email).email == email)
    }

    @Test("The email's local part is at most 64 characters and the whole at most 254 bytes")
    func emailLengths() {
        let local64 = String(repeating: "a", count: 64) + "@example.org"
        #expect(AccountRules.isPlausibleEmail(local64))
        #expect(!AccountRules.isPlausibleEmail("a" + local64))
        let domain = String(repeating: "d", count: 63) + "." + String(repeating: "e", count: 63) + "."
            + String(repeating: "f", count: 63) + ".org"
        #expect(AccountRules.isPlausibleEmail("abc@" + domain))  // 4 + 63 * 3 + 6 = 199 bytes
        let long = String(repeating: "a", count: 60) + "@" + String(repeating: "b", count: 190) + ".org"  // 255 bytes
        #expect(long.utf8.count == 255)
        #expect(!AccountRules.isPlausibleEmail(long))
        #expect(AccountRules.isPlausibleEmail(String(long.dropFirst())))
    }

    @Test("A password of 9 characters is refused on password")
    func shortPassword() {
        #expect(throws: DomainError.validation([
            FieldIssue(field: "password", message: "must be at least 10 characters long"),
        ])) {
            try Self.signUp(password: "123456789")
        }
    }

    @Test("A password of exactly 10 characters is accepted")
    func tenCharacterPassword() throws {
        #expect(try Self.signUp(password: "1234567890").password == "1234567890")
    }

    @Test("Password length counts characters: emoji count as one each")
    func emojiPassword() throws {
        let password = "clé🔑👩‍👩‍👧‍👦mdp🎉!"  // 10 characters, far more bytes and scalars
        #expect(password.count == 10)
        #expect(try Self.signUp(password: password).password == password)
        #expect(throws: DomainError.self) { try Self.signUp(password: "clé🔑👩‍👩‍👧‍👦mdp!") }  // 9 characters
    }

    @Test("A password over 1,024 characters or with a NUL is refused")
    func longOrNulPassword() {
        #expect(throws: DomainError.validation([
            FieldIssue(field: "password", message: "must be at most 1024 characters long"),
        ])) {
            try Self.signUp(password: String(repeating: "p", count: 1025))
        }
        #expect(throws: DomainError.validation([
            FieldIssue(field: "password", message: "must not contain NUL characters"),
        ])) {
            try Self.signUp(password: "0123456789\u{0}")
        }
        #expect((try? Self.signUp(password: String(repeating: "p", count: 1024))) != nil)
    }

    @Test("The country must be an upper-case ISO 3166-1 alpha-2 code", arguments: ["fr", "FRA", "F", "", "Fr", "ÉÉ", "F1"])
    func badCountry(country: String) {
        #expect(throws: DomainError.validation([
            FieldIssue(field: "country", message: "must be an ISO 3166-1 alpha-2 code such as FR"),
        ])) {
            try Self.signUp(country: country)
        }
    }

    @Test("Names are required, not blank and at most 200 characters")
    func names() {
        #expect(throws: DomainError.validation([FieldIssue(field: "name", message: "must not be blank")])) {
            try Self.signUp(name: "  ")
        }
        #expect(throws: DomainError.validation([
            FieldIssue(field: "name", message: "must be at most 200 characters long (it has 201)"),
        ])) {
            try Self.signUp(name: String(repeating: "é", count: 201))
        }
        #expect(throws: DomainError.validation([
            FieldIssue(field: "affiliation", message: "must be at most 300 characters long (it has 301)"),
        ])) {
            try Self.signUp(affiliation: String(repeating: "a", count: 301))
        }
    }

    @Test("Every problem of a sign-up is reported at once, in field order")
    func severalIssues() throws {
        let error = try #require(domainError { () throws(DomainError) in
            try Self.signUp(email: "a@b", password: "short", name: "", affiliation: "ok", country: "fra")
        })
        #expect(error.fields == ["email", "password", "name", "country"])
    }

    @Test("requireAdmin: no caller is unauthenticated")
    func requireAdminWithoutCaller() {
        #expect(throws: DomainError.unauthenticated("This needs a bearer token from POST /v1/tokens.")) {
            try AccountRules.requireAdmin(nil)
        }
    }

    @Test("requireAdmin: a caller who is not an administrator is forbidden")
    func requireAdminNonAdmin() {
        #expect(throws: DomainError.forbidden("Only platform administrators may do this.")) {
            try AccountRules.requireAdmin(Fixtures.alice)
        }
    }

    @Test("requireAdmin: an administrator is returned")
    func requireAdminAdmin() throws {
        #expect(try AccountRules.requireAdmin(Fixtures.admin) == Fixtures.admin)
    }

    @Test("An account is readable by itself and by administrators only")
    func canRead() {
        #expect(AccountRules.canRead(account: Fixtures.alice.accountId, caller: Fixtures.alice))
        #expect(!AccountRules.canRead(account: Fixtures.alice.accountId, caller: Fixtures.bob))
        #expect(AccountRules.canRead(account: Fixtures.alice.accountId, caller: Fixtures.admin))
        #expect(AccountRules.canRead(account: UUID(), caller: Fixtures.admin))
    }

    @Test("Caller.required gives the caller or 401")
    func callerRequired() throws {
        let some: Caller? = Fixtures.bob
        #expect(try some.required() == Fixtures.bob)
        let none: Caller? = nil
        #expect(throws: DomainError.unauthenticated("This needs a bearer token from POST /v1/tokens.")) {
            try none.required()
        }
    }

    @Test("nilIfEmpty turns only the empty string into nil")
    func nilIfEmpty() {
        #expect("".nilIfEmpty == nil)
        #expect(" ".nilIfEmpty == " ")
        #expect("EXPAIRs".nilIfEmpty == "EXPAIRs")
    }
}

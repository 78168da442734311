import Foundation
import Testing
@testable import ConferDomain

@Suite("WebhookRules.create")
struct WebhookRulesCreateTests {
    typealias F = WebhookFixtures

    @Test("Defaults: active, no description, generated secret, version 1; events deduplicated in declaration order")
    func happyPath() throws {
        let webhook = try F.create(F.input(events: [
            "registration.confirmed", "submission.submitted", "registration.confirmed", "decision.made",
        ]))
        #expect(webhook == Webhook(
            id: F.webhookId, conferenceId: Fixtures.conferenceId, url: F.url,
            events: [.submissionSubmitted, .decisionMade, .registrationConfirmed], description: nil, active: true,
            secret: F.generatedSecret, createdBy: Fixtures.alice.accountId, createdAt: Fixtures.created,
            updatedAt: Fixtures.created, version: 1))
    }

    @Test("Every event type has its contract name")
    func eventNames() {
        #expect(WebhookEventType.allCases.map(\.rawValue) == [
            "submission.submitted", "submission.withdrawn", "review.submitted", "decision.made",
            "notification.queued", "registration.confirmed", "registration.waitlisted", "registration.promoted",
            "registration.cancelled", "program.released",
        ])
    }

    @Test("Given fields are kept: description trimmed, inactive, custom secret")
    func givenFields() throws {
        var input = F.input(events: ["program.released"])
        input.description = .some("  Programme feed \n")
        input.active = false
        input.secret = F.referenceSecret
        let webhook = try F.create(input)
        #expect(webhook.description == "Programme feed")
        #expect(webhook.active == false)
        #expect(webhook.secret == F.referenceSecret)
        #expect(webhook.events == [.programReleased])
    }

    @Test("A blank description is absent")
    func blankDescription() throws {
        var input = F.input()
        input.description = .some("   ")
        #expect(try F.create(input).description == nil)
    }

    @Test("url and events are required, and every issue is reported at once")
    func required() {
        var input = F.input(url: nil, events: nil)
        input.secret = "whsec_short"
        #expect(F.issues(input).map(\.field) == ["url", "events", "secret"])
        #expect(F.issues(input).first == FieldIssue(field: "url", message: "is required"))
    }

    @Test("An unknown event is named by its index and the valid names are listed")
    func unknownEvent() {
        let issues = F.issues(F.input(events: ["submission.submitted", "talk.scheduled"]))
        #expect(issues.map(\.field) == ["events[1]"])
        #expect(issues.first?.message.hasPrefix("must be one of submission.submitted, submission.withdrawn,") == true)
        #expect(issues.first?.message.hasSuffix("program.released") == true)
    }

    @Test("Events must not be empty")
    func emptyEvents() {
        #expect(F.issues(F.input(events: [])) == [FieldIssue(field: "events", message: "must name at least one event")])
    }

    @Test("A description over 500 characters is refused")
    func longDescription() throws {
        var input = F.input()
        input.description = .some(String(repeating: "é", count: 501))
        #expect(F.issues(input) == [
            FieldIssue(field: "description", message: "must be at most 500 characters long (it has 501)"),
        ])
        input.description = .some(String(repeating: "é", count: 500))
        #expect(try F.create(input).description?.count == 500)
    }

    @Test("URL problems are issues on url", arguments: [
        ("ftp://hooks.example.org/x", "must use http or https"),
        ("http:///x", "must name a host"),
        ("http:hooks.example.org", "must name a host"),
        ("hooks.example.org/x", "must be an absolute http or https URL"),
        ("https://user:pass@hooks.example.org/", "must not contain a user name or password"),
        ("https://user@hooks.example.org/", "must not contain a user name or password"),
        ("https://hooks.example.org/x#top", "must not contain a fragment (#…)"),
        ("https://hooks.example.org:99999/", "must have a port between 1 and 65535"),
        ("https://hooks example.org/", "must be an absolute http or https URL"),
    ])
    func badURL(url: String, message: String) {
        #expect(F.issues(F.input(url: url)) == [FieldIssue(field: "url", message: message)])
    }

    @Test("A URL over 2000 characters is refused")
    func longURL() {
        let url = "https://hooks.example.org/" + String(repeating: "a", count: 1975)
        #expect(F.issues(F.input(url: url)) == [
            FieldIssue(field: "url", message: "must be at most 2000 characters long (it has 2001)"),
        ])
    }

    @Test("A custom secret must be whsec_ and base64 of 24–64 bytes", arguments: [
        "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",                         // no prefix
        "whsec_",                                                   // nothing after it
        "whsec_not base64!",
        "whsec_AAAAAAAAAAAAAAAAAAAAAA==",                           // 16 bytes
        "whsec_" + String(repeating: "A", count: 88) + "=",         // 65 bytes
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS",                    // truncated, bad padding
    ])
    func badSecret(secret: String) {
        var input = F.input()
        input.secret = secret
        #expect(F.issues(input) == [
            FieldIssue(field: "secret", message: "must be \"whsec_\" followed by base64 of 24 to 64 bytes"),
        ])
        #expect(!WebhookRules.isValidSecret(secret))
    }

    @Test("Secrets of 24, 32 and 64 bytes are valid")
    func goodSecrets() {
        #expect(WebhookRules.isValidSecret(WebhookFixtures.referenceSecret))
        #expect(WebhookRules.isValidSecret(WebhookFixtures.generatedSecret))
        #expect(WebhookRules.isValidSecret("whsec_" + Data(repeating: 7, count: 64).base64EncodedString()))
    }
}

@Suite("WebhookRules.apply and rotate")
struct WebhookRulesUpdateTests {
    typealias F = WebhookFixtures

    static func apply(_ input: WebhookInput, to webhook: Webhook, allowPrivate: Bool = false) throws(DomainError) -> Webhook {
        try WebhookRules.apply(input, to: webhook, now: Fixtures.later, allowPrivateTargets: allowPrivate)
    }

    @Test("Only given fields change; version and updatedAt move")
    func partial() throws {
        let webhook = try F.webhook()
        var input = WebhookInput()
        input.active = false
        let next = try Self.apply(input, to: webhook)
        var expected = webhook
        expected.active = false
        expected.version = 2
        expected.updatedAt = Fixtures.later
        #expect(next == expected)
        #expect(next.createdAt == Fixtures.created)
    }

    @Test("An empty update still counts as a change")
    func emptyUpdate() throws {
        let webhook = try F.webhook()
        let next = try Self.apply(WebhookInput(), to: webhook)
        #expect(next.version == 2)
        #expect(next.description == "Sync to the CRM")
    }

    @Test("url and events are replaced")
    func replaceURLAndEvents() throws {
        var input = WebhookInput()
        input.url = "https://other.example.net/in"
        input.events = ["program.released", "review.submitted", "program.released"]
        let next = try Self.apply(input, to: try F.webhook())
        #expect(next.url == "https://other.example.net/in")
        #expect(next.events == [.reviewSubmitted, .programReleased])
    }

    @Test("description .some(nil) clears it; nil leaves it")
    func clearDescription() throws {
        let webhook = try F.webhook()
        var input = WebhookInput()
        input.description = .some(nil)
        #expect(try Self.apply(input, to: webhook).description == nil)
        #expect(try Self.apply(WebhookInput(), to: webhook).description == "Sync to the CRM")
    }

    @Test("The secret is not changed by an update")
    func refusesSecret() throws {
        var input = WebhookInput()
        input.secret = F.referenceSecret
        input.events = []
        input.url = "http://127.0.0.1/"
        let webhook = try F.webhook()
        let error = domainError { () throws(DomainError) in try Self.apply(input, to: webhook) }
        #expect(error?.fields == ["url", "events", "secret"])
        #expect(error?.issues.last == FieldIssue(
            field: "secret", message: "cannot be changed here: it is rotated with POST …/webhooks/{id}/secret"))
    }

    @Test("A private target may be set only when allowed")
    func privateTargetOnUpdate() throws {
        var input = WebhookInput()
        input.url = "http://localhost:9000/hook"
        let webhook = try F.webhook()
        #expect(domainError { () throws(DomainError) in try Self.apply(input, to: webhook) }?.fields == ["url"])
        #expect(try Self.apply(input, to: webhook, allowPrivate: true).url == "http://localhost:9000/hook")
    }

    @Test("rotate replaces only the secret and bumps the version")
    func rotate() throws {
        let webhook = try F.webhook()
        let next = WebhookRules.rotate(webhook, newSecret: F.referenceSecret, now: Fixtures.later)
        var expected = webhook
        expected.secret = F.referenceSecret
        expected.version = 2
        expected.updatedAt = Fixtures.later
        #expect(next == expected)
    }
}

import Foundation
@testable import ConferDomain

/// Shared data of the webhook tests.
enum WebhookFixtures {
    static let webhookId = UUID(uuidString: "00000000-0000-0000-0000-0000000000E1")!
    /// "whsec_" + base64 of the bytes 0…31, as the server would generate.
    static let generatedSecret = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
    /// The secret of the Standard Webhooks reference test vector (24 bytes).
    static let referenceSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let url = "https://hooks.example.org/confer"

    static func input(
        url: String? = url, events: [String]? = ["registration.confirmed", "submission.submitted"]
    ) -> WebhookInput {
        var input = WebhookInput()
        input.url = url
        input.events = events
        return input
    }

    static func create(_ input: WebhookInput, allowPrivate: Bool = false) throws(DomainError) -> Webhook {
        try WebhookRules.create(
            input, id: webhookId, conferenceId: Fixtures.conferenceId, createdBy: Fixtures.alice.accountId,
            generatedSecret: generatedSecret, now: Fixtures.created, allowPrivateTargets: allowPrivate)
    }

    static func webhook() throws -> Webhook {
        var input = input()
        input.description = .some("Sync to the CRM")
        return try create(input)
    }

    /// The issues of a create request that is expected to fail.
    static func issues(_ input: WebhookInput, allowPrivate: Bool = false) -> [FieldIssue] {
        domainError { () throws(DomainError) in try create(input, allowPrivate: allowPrivate) }?.issues ?? []
    }
}

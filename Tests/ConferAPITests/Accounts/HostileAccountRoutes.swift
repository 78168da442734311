import Foundation
import HTTPTypes
import Testing

/// The account routes of `HostileWritesTests`.
extension HostileWriteRoute {
    static let accountRoutes: [HostileWriteRoute] = [
        HostileWriteRoute(
            operationId: "createAccount", method: .post, template: "/v1/accounts", caller: .anonymous, parameters: { _ in [:] },
            body: { _ in ["email": "nouvelle@example.org", "password": "correct horse battery", "name": "Nouvelle Personne",
                          "affiliation": "Université Rennes 2", "country": "FR"] },
            fields: [
                HostileField("email", .string, required: true),
                // A passphrase is free text (10–1024 characters, no NUL): injection strings are valid passwords.
                HostileField("password", .text(nonBlank: true), required: true),
                HostileField("name", .text(nonBlank: true), required: true),
                HostileField("affiliation", .text(nonBlank: false)),
                HostileField("country", .string),
            ],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "createToken", method: .post, template: "/v1/tokens", caller: .anonymous, parameters: { _ in [:] },
            body: { f in ["email": .string(f.author.email), "password": "correct horse battery"] },
            // Credentials: anything but the right ones is refused (401, 422 or, once throttled, 429).
            fields: [HostileField("email", .string, required: true), HostileField("password", .string, required: true)],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "revokeCurrentToken", method: .delete, template: "/v1/tokens/current", caller: .author, parameters: { _ in [:] },
            controlStatus: 204),
    ]
}

import ConferDomain
import Foundation

/// The operator creates the platform administrator (`create-admin`), or makes an existing account one and resets its
/// password.
public struct BootstrapAdmin: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(email: String, password: String, name: String) async throws -> Account {
        let account = try AccountRules.validate(email: email, password: password, name: name, affiliation: nil, country: nil)
        let hash = try await context.passwords.hash(account.password)
        let now = context.now
        return try await context.store.transaction { tx in
            try await tx.upsertAdmin(email: account.email, name: account.name, passwordHash: hash, now: now)
        }
    }
}

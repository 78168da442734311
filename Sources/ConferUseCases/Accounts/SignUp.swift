import ConferDomain
import Foundation

/// Anyone creates an account; the password is kept only as a bcrypt hash.
public struct SignUp: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(email: String, password: String, name: String, affiliation: String?, country: String?) async throws -> Account {
        let new = try AccountRules.validate(email: email, password: password, name: name, affiliation: affiliation, country: country)
        let hash = try await context.passwords.hash(new.password)
        let now = context.now
        return try await context.store.transaction { tx in
            try await tx.insertAccount(new, passwordHash: hash, isAdmin: false, now: now)
        }
    }
}

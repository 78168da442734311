import ConferDomain
import Foundation

/// An account signs in with its email and password and gets a bearer token, shown once. Failures are throttled per
/// account and per client address; unknown emails take as long as wrong passwords.
public struct SignIn: Sendable {
    let context: UseCaseContext
    /// A hash of a random password, verified against when an email is unknown.
    let decoyHash: String

    public init(_ context: UseCaseContext, decoyHash: String) {
        self.context = context
        self.decoyHash = decoyHash
    }

    /// A new token, its expiry, and the account's id.
    public func run(email: String, password: String, clientAddress: String?) async throws -> (token: String, expiresAt: Date, accountId: UUID) {
        let now = context.now
        // Checked before the password, so a blocked guesser learns nothing, even from a right guess.
        let keys = SignInThrottle.keys(email: email, clientAddress: clientAddress)
        let failures = try await context.signInThrottle.failures(keys: keys.map(\.value), since: now.addingTimeInterval(-SignInThrottle.window))
        try SignInThrottle.check(keys, failures: failures, now: now)
        let found = try await context.accounts.credentials(email: email)
        var verified = false
        if password.count <= AccountRules.maximumPasswordLength {
            verified = try await context.passwords.verify(password, against: found?.passwordHash ?? decoyHash)
        }
        guard let found, verified else {
            try await context.store.transaction { tx in try await tx.recordSignInFailure(keys: keys.map(\.value), at: now) }
            throw DomainError.unauthenticated("The email or the password is wrong.")
        }
        let token = TokenIssuer.newToken()
        let expiresAt = now.addingTimeInterval(AccountRules.tokenLifetime)
        try await context.store.transaction { tx in
            try await tx.insertToken(accountId: found.account.id, digest: TokenIssuer.digest(of: token), expiresAt: expiresAt, now: now)
        }
        return (token, expiresAt, found.account.id)
    }
}

import Foundation

/// Storage of accounts.
public protocol AccountRepository: Sendable {
    /// Stores a new account; an email already taken (ignoring case) is a `conflict("email-taken")`.
    func create(_ account: NewAccount, passwordHash: String, isAdmin: Bool, now: Date) async throws -> Account
    /// Creates the platform administrator, or makes an existing account with that email one and resets its password.
    func upsertAdmin(email: String, name: String, passwordHash: String, now: Date) async throws -> Account
    /// The account with this id.
    func find(id: UUID) async throws -> Account?
    /// The account with this email (ignoring case) and its password hash, for sign-in.
    func credentials(email: String) async throws -> (account: Account, passwordHash: String)?
    /// The conferences in which the account has roles.
    func memberships(accountId: UUID) async throws -> [MembershipSummary]
}

/// Storage of sign-in tokens. Only SHA-256 digests of tokens are ever stored.
public protocol TokenRepository: Sendable {
    /// Records a new token's digest.
    func create(accountId: UUID, digest: [UInt8], expiresAt: Date, now: Date) async throws
    /// The caller a token digest stands for, if it exists, is not revoked and has not expired.
    func caller(digest: [UInt8], now: Date) async throws -> Caller?
    /// Revokes a token; later requests with it get 401.
    func revoke(digest: [UInt8], now: Date) async throws
}

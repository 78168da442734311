import Foundation

/// What a use case's transaction reads and writes of accounts and their tokens.
public protocol AccountTransaction: Sendable {
    func account(_ id: UUID) async throws -> Account?
    /// The accounts with these ids, in no particular order.
    func accounts(_ ids: [UUID]) async throws -> [Account]
    /// Stores a new account; an email already taken (ignoring case) is `Duplicate.accountEmail`.
    func insertAccount(_ account: NewAccount, passwordHash: String, isAdmin: Bool, now: Date) async throws -> Account
    /// Creates the platform administrator, or makes the account with that email one and resets its password.
    func upsertAdmin(email: String, name: String, passwordHash: String, now: Date) async throws -> Account
    /// Records a new sign-in token's digest (never the token).
    func insertToken(accountId: UUID, digest: [UInt8], expiresAt: Date, now: Date) async throws
    /// Revokes a token; later requests with it get 401.
    func revokeToken(digest: [UInt8], now: Date) async throws
    /// Counts a failed sign-in against each throttling key.
    func recordSignInFailure(keys: [String], at: Date) async throws
}

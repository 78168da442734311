import Foundation

/// Reads of accounts, outside any transaction.
public protocol AccountRepository: Sendable {
    /// The account with this id.
    func find(id: UUID) async throws -> Account?
    /// The account with this email (ignoring case) and its password hash, for sign-in.
    func credentials(email: String) async throws -> (account: Account, passwordHash: String)?
    /// The conferences in which the account has roles.
    func memberships(accountId: UUID) async throws -> [MembershipSummary]
}

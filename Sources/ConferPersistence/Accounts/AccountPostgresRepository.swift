import ConferDomain
import Foundation
import PostgresNIO

/// Reads of accounts in PostgreSQL.
public struct AccountPostgresRepository: AccountRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func find(id: UUID) async throws -> Account? {
        let rows = try await db.query("SELECT \(unescaped: Account.columns) FROM accounts WHERE id = \(id)")
        return try rows.first.map(Account.init(row:))
    }

    public func credentials(email: String) async throws -> (account: Account, passwordHash: String)? {
        let rows = try await db.query(
            """
            SELECT \(unescaped: Account.columns), password_hash FROM accounts
            WHERE lower(email) = lower(\(email.trimmingCharacters(in: .whitespacesAndNewlines)))
            """)
        guard let row = rows.first else { return nil }
        return (try Account(row: row), try row.column("password_hash", as: String.self))
    }

    public func memberships(accountId: UUID) async throws -> [MembershipSummary] {
        let rows = try await db.query(
            """
            SELECT c.id, c.slug, c.languages, c.texts::text AS texts, m.roles
            FROM members m JOIN conferences c ON c.id = m.conference_id
            WHERE m.account_id = \(accountId)
            ORDER BY c.start_date DESC, c.id DESC
            """)
        return try rows.map { row in
            let r = row.makeRandomAccess()
            return MembershipSummary(
                conferenceId: try r["id"].decode(UUID.self),
                slug: try r["slug"].decode(String.self),
                languages: try r["languages"].decode([String].self),
                texts: try JSONColumn.decodeTranslations(try r["texts"].decode(String.self)),
                roles: try r["roles"].decode([String].self).compactMap(Role.init(rawValue:)).sorted())
        }
    }
}

import ConferDomain
import Foundation
import PostgresNIO

/// Accounts in PostgreSQL.
public struct AccountPostgresRepository: AccountRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func create(_ account: NewAccount, passwordHash: String, isAdmin: Bool, now: Date) async throws -> Account {
        do {
            let rows = try await db.query(
                """
                INSERT INTO accounts (id, email, name, affiliation, country, password_hash, is_admin, created_at, updated_at)
                VALUES (\(UUID()), \(account.email), \(account.name), \(account.affiliation), \(account.country),
                        \(passwordHash), \(isAdmin), \(now), \(now))
                RETURNING \(unescaped: Account.columns)
                """)
            return try Account(row: rows[0])
        } catch let error as DomainError {
            if case .conflict = error {
                throw DomainError.conflict(code: "email-taken", detail: "An account with this email already exists.")
            }
            throw error
        }
    }

    public func upsertAdmin(email: String, name: String, passwordHash: String, now: Date) async throws -> Account {
        let rows = try await db.query(
            """
            INSERT INTO accounts (id, email, name, password_hash, is_admin, created_at, updated_at)
            VALUES (\(UUID()), \(email), \(name), \(passwordHash), true, \(now), \(now))
            ON CONFLICT (lower(email)) DO UPDATE
               SET is_admin = true, password_hash = EXCLUDED.password_hash, updated_at = EXCLUDED.updated_at,
                   version = accounts.version + 1
            RETURNING \(unescaped: Account.columns)
            """)
        return try Account(row: rows[0])
    }

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

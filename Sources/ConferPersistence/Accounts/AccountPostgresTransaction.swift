import ConferDomain
import Foundation
import NIOCore
import PostgresNIO

extension PostgresTransaction {
    func account(_ id: UUID) async throws -> Account? {
        try await rows("SELECT \(unescaped: Account.columns) FROM accounts WHERE id = \(id)").first.map(Account.init(row:))
    }

    func accounts(_ ids: [UUID]) async throws -> [Account] {
        guard !ids.isEmpty else { return [] }
        return try await rows("SELECT \(unescaped: Account.columns) FROM accounts WHERE id = ANY (\(ids))").map(Account.init(row:))
    }

    func insertAccount(_ account: NewAccount, passwordHash: String, isAdmin: Bool, now: Date) async throws -> Account {
        let rows = try await rows(
            """
            INSERT INTO accounts (id, email, name, affiliation, country, password_hash, is_admin, created_at, updated_at)
            VALUES (\(UUID()), \(account.email), \(account.name), \(account.affiliation), \(account.country),
                    \(passwordHash), \(isAdmin), \(now), \(now))
            RETURNING \(unescaped: Account.columns)
            """)
        return try Account(row: rows[0])
    }

    func upsertAdmin(email: String, name: String, passwordHash: String, now: Date) async throws -> Account {
        let rows = try await rows(
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

    func insertToken(accountId: UUID, digest: [UInt8], expiresAt: Date, now: Date) async throws {
        try await rows(
            """
            INSERT INTO tokens (digest, account_id, created_at, expires_at)
            VALUES (\(ByteBuffer(bytes: digest)), \(accountId), \(now), \(expiresAt))
            """)
    }

    func revokeToken(digest: [UInt8], now: Date) async throws {
        try await rows("UPDATE tokens SET revoked_at = \(now) WHERE digest = \(ByteBuffer(bytes: digest)) AND revoked_at IS NULL")
    }

    func recordSignInFailure(keys: [String], at: Date) async throws {
        // Failures older than the window no longer count: they are dropped as new ones come.
        let expired = at.addingTimeInterval(-SignInThrottle.window)
        try await rows(
            """
            WITH forgotten AS (DELETE FROM sign_in_failures WHERE key = ANY (\(keys)) AND at <= \(expired))
            INSERT INTO sign_in_failures (key, at) SELECT unnest(\(keys)::text[]), \(at)
            """)
    }
}

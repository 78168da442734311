import ConferDomain
import Foundation
import NIOCore
import PostgresNIO

/// Sign-in tokens in PostgreSQL, stored only as SHA-256 digests.
public struct TokenPostgresRepository: TokenRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func caller(digest: [UInt8], now: Date) async throws -> Caller? {
        let rows = try await db.query(
            """
            SELECT a.id, a.email, a.name, a.is_admin
            FROM tokens t JOIN accounts a ON a.id = t.account_id
            WHERE t.digest = \(ByteBuffer(bytes: digest)) AND t.revoked_at IS NULL AND t.expires_at > \(now)
            """)
        guard let row = rows.first else { return nil }
        let r = row.makeRandomAccess()
        return Caller(
            accountId: try r["id"].decode(UUID.self), email: try r["email"].decode(String.self),
            name: try r["name"].decode(String.self), isAdmin: try r["is_admin"].decode(Bool.self))
    }
}

import ConferDomain
import Foundation
import Logging
import PostgresNIO

/// Reads of committee memberships in PostgreSQL.
public struct MemberPostgresRepository: MemberRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func find(conferenceId: UUID, accountId: UUID) async throws -> Member? {
        let rows = try await db.query(
            """
            SELECT \(unescaped: Member.columns) FROM members m JOIN accounts a ON a.id = m.account_id
            WHERE m.conference_id = \(conferenceId) AND m.account_id = \(accountId)
            """)
        return try rows.first.map(Member.init(row:))
    }

    public func list(conferenceId: UUID, role: Role?, page: PageRequest) async throws -> Page<Member> {
        let after = KeysetCursor(page)
        let rows = try await db.query(
            """
            SELECT \(unescaped: Member.columns) FROM members m JOIN accounts a ON a.id = m.account_id
            WHERE m.conference_id = \(conferenceId)
              AND (\(role?.rawValue)::text IS NULL OR \(role?.rawValue)::text = ANY (m.roles))
              AND (\(after.id)::uuid IS NULL OR (m.created_at, m.account_id) > (\(after.key)::timestamptz, \(after.id)::uuid))
            ORDER BY m.created_at, m.account_id LIMIT \(page.limit + 1)
            """)
        return try KeysetCursor.creationOrderPage(rows, limit: page.limit, item: Member.init(row:), id: \.accountId)
    }
}

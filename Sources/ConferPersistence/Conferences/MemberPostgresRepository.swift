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
        let after = page.after.flatMap { $0.count == 2 ? $0 : nil }
        let afterId = after.flatMap { UUID(uuidString: $0[1]) }
        let rows = try await db.query(
            """
            SELECT \(unescaped: Member.columns) FROM members m JOIN accounts a ON a.id = m.account_id
            WHERE m.conference_id = \(conferenceId)
              AND (\(role?.rawValue)::text IS NULL OR \(role?.rawValue)::text = ANY (m.roles))
              AND (\(afterId)::uuid IS NULL OR (m.created_at, m.account_id) > (\(after?[0])::timestamptz, \(afterId)::uuid))
            ORDER BY m.created_at, m.account_id LIMIT \(page.limit + 1)
            """)
        let members = try rows.map { (try Member(row: $0), try $0.column("created_key", as: String.self)) }
        return Page(fetched: members, limit: page.limit) { [$0.1, $0.0.accountId.uuidString] }.map(\.0)
    }
}

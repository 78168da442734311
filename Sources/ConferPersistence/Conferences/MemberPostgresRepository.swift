import ConferDomain
import Foundation
import Logging
import PostgresNIO

/// Committee memberships in PostgreSQL.
public struct MemberPostgresRepository: MemberRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func put(
        conferenceId: UUID, accountId: UUID, roles: [Role], topicIds: [UUID]?, now: Date
    ) async throws -> (member: Member, created: Bool) {
        try await db.transaction { connection in
            if let topicIds, !topicIds.isEmpty {
                let known = try await connection.rows(
                    "SELECT count(*)::int AS n FROM topics WHERE conference_id = \(conferenceId) AND id = ANY (\(topicIds))",
                    logger: db.logger)
                guard try known.first?.column("n", as: Int.self) == Set(topicIds).count else {
                    throw DomainError.invalid("topicIds", "names a topic that is not a work area or topic of this conference")
                }
            }
            let organizers = try await lockedOrganizers(conferenceId, connection)
            let account = try await connection.rows("SELECT 1 FROM accounts WHERE id = \(accountId)", logger: db.logger)
            guard !account.isEmpty else { throw DomainError.notFound("No account has the id \(accountId).") }
            guard MemberRules.keepsAnOrganizer(organizers: organizers, accountId: accountId, newRoles: roles) else {
                throw MemberRules.lastOrganizer
            }
            let upsert = try await connection.rows(
                """
                INSERT INTO members (conference_id, account_id, roles, topic_ids, created_at, updated_at)
                VALUES (\(conferenceId), \(accountId), \(roles.map(\.rawValue)), \(topicIds ?? []), \(now), \(now))
                ON CONFLICT (conference_id, account_id) DO UPDATE
                   SET roles = EXCLUDED.roles, updated_at = EXCLUDED.updated_at, version = members.version + 1,
                       topic_ids = CASE WHEN \(topicIds == nil) THEN members.topic_ids ELSE EXCLUDED.topic_ids END
                RETURNING (xmax = 0) AS created
                """, logger: db.logger)
            let created = try upsert[0].column("created", as: Bool.self)
            let rows = try await connection.rows(
                """
                SELECT \(unescaped: Member.columns) FROM members m JOIN accounts a ON a.id = m.account_id
                WHERE m.conference_id = \(conferenceId) AND m.account_id = \(accountId)
                """, logger: db.logger)
            return (try Member(row: rows[0]), created)
        }
    }

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

    public func remove(conferenceId: UUID, accountId: UUID) async throws {
        try await db.transaction { connection in
            let organizers = try await lockedOrganizers(conferenceId, connection)
            let existing = try await connection.rows(
                "SELECT 1 FROM members WHERE conference_id = \(conferenceId) AND account_id = \(accountId)",
                logger: db.logger)
            guard !existing.isEmpty else {
                throw DomainError.notFound("Account \(accountId) is not a member of this conference.")
            }
            guard MemberRules.keepsAnOrganizer(organizers: organizers, accountId: accountId, newRoles: nil) else {
                throw MemberRules.lastOrganizer
            }
            try await connection.rows(
                "DELETE FROM members WHERE conference_id = \(conferenceId) AND account_id = \(accountId)",
                logger: db.logger)
        }
    }

    /// Locks the conference row, so that concurrent committee changes see each other's organizers, and returns them.
    private func lockedOrganizers(_ conferenceId: UUID, _ connection: PostgresConnection) async throws -> Set<UUID> {
        let lock = try await connection.rows(
            "SELECT 1 FROM conferences WHERE id = \(conferenceId) FOR UPDATE", logger: db.logger)
        guard !lock.isEmpty else { throw DomainError.notFound("No such conference.") }
        let rows = try await connection.rows(
            "SELECT account_id FROM members WHERE conference_id = \(conferenceId) AND 'organizer' = ANY (roles)",
            logger: db.logger)
        return Set(try rows.map { try $0.column("account_id", as: UUID.self) })
    }
}

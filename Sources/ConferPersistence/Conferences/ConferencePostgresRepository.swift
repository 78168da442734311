import ConferDomain
import Foundation
import PostgresNIO

/// Conferences in PostgreSQL.
public struct ConferencePostgresRepository: ConferenceRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func create(_ c: Conference, organizerId: UUID) async throws -> Conference {
        do {
            return try await db.transaction { connection in
                let rows = try await connection.rows(
                    """
                    INSERT INTO conferences (id, slug, languages, texts, start_date, end_date, timezone,
                        submission_deadline, notification_date, program_date, registration_opens, registration_closes,
                        abstract_max_length, review_mode, reviews_per_submission, created_at, updated_at, version)
                    VALUES (\(c.id), \(c.slug), \(c.languages), \(JSONColumn.encode(c.texts))::jsonb,
                        \(c.startDate.description)::date, \(c.endDate.description)::date, \(c.timezone),
                        \(c.submissionDeadline), \(c.notificationDate), \(c.programDate), \(c.registrationOpens),
                        \(c.registrationCloses), \(c.abstractMaxLength), \(c.reviewMode.rawValue),
                        \(c.reviewsPerSubmission), \(c.createdAt), \(c.updatedAt), 1)
                    RETURNING \(unescaped: Conference.columns)
                    """, logger: db.logger)
                try await connection.rows(
                    """
                    INSERT INTO members (conference_id, account_id, roles, created_at, updated_at)
                    VALUES (\(c.id), \(organizerId), \(["organizer"]), \(c.createdAt), \(c.createdAt))
                    """, logger: db.logger)
                return try Conference(row: rows[0])
            }
        } catch let error as DomainError {
            if case .conflict = error {
                throw DomainError.conflict(code: "slug-taken", detail: "A conference with the slug \(c.slug) already exists.")
            }
            throw error
        }
    }

    public func find(slug: String) async throws -> Conference? {
        let rows = try await db.query("SELECT \(unescaped: Conference.columns) FROM conferences WHERE slug = \(slug)")
        return try rows.first.map(Conference.init(row:))
    }

    public func find(slug: String, rolesOf accountId: UUID) async throws -> (Conference, Set<Role>)? {
        let rows = try await db.query(
            """
            SELECT \(unescaped: Conference.columns),
                   (SELECT roles FROM members m WHERE m.conference_id = conferences.id AND m.account_id = \(accountId)) AS member_roles
            FROM conferences WHERE slug = \(slug)
            """)
        guard let row = rows.first else { return nil }
        let roles = try row.column("member_roles", as: [String]?.self) ?? []
        return (try Conference(row: row), Set(roles.compactMap(Role.init(rawValue:))))
    }

    public func list(_ page: PageRequest) async throws -> Page<Conference> {
        let rows: [PostgresRow]
        if let after = page.after, after.count == 2, let id = UUID(uuidString: after[1]) {
            rows = try await db.query(
                """
                SELECT \(unescaped: Conference.columns) FROM conferences
                WHERE (start_date, id) < (\(after[0])::date, \(id))
                ORDER BY start_date DESC, id DESC LIMIT \(page.limit + 1)
                """)
        } else {
            rows = try await db.query(
                """
                SELECT \(unescaped: Conference.columns) FROM conferences
                ORDER BY start_date DESC, id DESC LIMIT \(page.limit + 1)
                """)
        }
        return Page(fetched: try rows.map(Conference.init(row:)), limit: page.limit) {
            [$0.startDate.description, $0.id.uuidString]
        }
    }

    public func update(_ c: Conference, ifVersion: Int) async throws -> Conference? {
        let rows = try await db.query(
            """
            UPDATE conferences SET languages = \(c.languages), texts = \(JSONColumn.encode(c.texts))::jsonb,
                start_date = \(c.startDate.description)::date, end_date = \(c.endDate.description)::date,
                timezone = \(c.timezone), submission_deadline = \(c.submissionDeadline),
                notification_date = \(c.notificationDate), program_date = \(c.programDate),
                registration_opens = \(c.registrationOpens), registration_closes = \(c.registrationCloses),
                abstract_max_length = \(c.abstractMaxLength), review_mode = \(c.reviewMode.rawValue),
                reviews_per_submission = \(c.reviewsPerSubmission), updated_at = \(c.updatedAt),
                version = version + 1
            WHERE id = \(c.id) AND version = \(ifVersion)
            RETURNING \(unescaped: Conference.columns)
            """)
        return try rows.first.map(Conference.init(row:))
    }

    public func roles(conferenceId: UUID, accountId: UUID) async throws -> Set<Role> {
        let rows = try await db.query(
            "SELECT roles FROM members WHERE conference_id = \(conferenceId) AND account_id = \(accountId)")
        guard let row = rows.first else { return [] }
        return Set(try row.column("roles", as: [String].self).compactMap(Role.init(rawValue:)))
    }
}

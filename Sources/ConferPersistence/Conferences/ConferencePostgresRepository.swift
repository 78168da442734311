import ConferDomain
import Foundation
import PostgresNIO

/// Reads of conferences in PostgreSQL.
public struct ConferencePostgresRepository: ConferenceRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

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

    public func conferences(ids: [UUID]) async throws -> [Conference] {
        guard !ids.isEmpty else { return [] }
        return try await db.query("SELECT \(unescaped: Conference.columns) FROM conferences WHERE id = ANY (\(ids))")
            .map(Conference.init(row:))
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

    public func roles(conferenceId: UUID, accountId: UUID) async throws -> Set<Role> {
        let rows = try await db.query(
            "SELECT roles FROM members WHERE conference_id = \(conferenceId) AND account_id = \(accountId)")
        guard let row = rows.first else { return [] }
        return Set(try row.column("roles", as: [String].self).compactMap(Role.init(rawValue:)))
    }
}

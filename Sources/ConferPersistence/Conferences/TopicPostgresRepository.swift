import ConferDomain
import Foundation
import PostgresNIO

/// Work areas and topics in PostgreSQL.
public struct TopicPostgresRepository: TopicRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func create(_ t: Topic) async throws -> Topic {
        try await db.transaction { connection in
            // The conference row lock orders concurrent creates, so positions never collide.
            try await connection.rows("SELECT 1 FROM conferences WHERE id = \(t.conferenceId) FOR UPDATE", logger: db.logger)
            let rows = try await connection.rows(
                """
                INSERT INTO topics (id, conference_id, kind, texts, position, created_at, updated_at)
                SELECT \(t.id), \(t.conferenceId), \(t.kind.rawValue), \(JSONColumn.encode(t.texts))::jsonb,
                       coalesce(max(position), 0) + 1, \(t.createdAt), \(t.updatedAt)
                FROM topics WHERE conference_id = \(t.conferenceId)
                RETURNING \(unescaped: Topic.columns)
                """, logger: db.logger)
            return try Topic(row: rows[0])
        }
    }

    public func find(conferenceId: UUID, id: UUID) async throws -> Topic? {
        let rows = try await db.query(
            "SELECT \(unescaped: Topic.columns) FROM topics WHERE conference_id = \(conferenceId) AND id = \(id)")
        return try rows.first.map(Topic.init(row:))
    }

    public func list(conferenceId: UUID, kind: TopicKind?, page: PageRequest) async throws -> Page<Topic> {
        let afterPosition = page.after.flatMap { $0.first.flatMap { Int($0) } } ?? 0
        let rows = try await db.query(
            """
            SELECT \(unescaped: Topic.columns) FROM topics
            WHERE conference_id = \(conferenceId) AND position > \(afterPosition)
              AND (\(kind?.rawValue)::text IS NULL OR kind = \(kind?.rawValue)::text)
            ORDER BY position LIMIT \(page.limit + 1)
            """)
        return Page(fetched: try rows.map(Topic.init(row:)), limit: page.limit) { [String($0.position)] }
    }
}

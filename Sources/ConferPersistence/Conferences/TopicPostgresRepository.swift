import ConferDomain
import Foundation
import PostgresNIO

/// Reads of work areas and topics in PostgreSQL.
public struct TopicPostgresRepository: TopicRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

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

import ConferDomain
import Foundation
import Logging
import PostgresNIO

/// Reads of assignments, conflicts, reviews and the outbox in PostgreSQL.
public struct ReviewPostgresRepository: ReviewRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func reviewers(conferenceId: UUID) async throws -> [ReviewerProfile] {
        try await Self.reviewers(conferenceId: conferenceId) { try await db.query($0) }
    }

    public func declaredConflicts(conferenceId: UUID, submissionId: UUID?) async throws -> [DeclaredConflict] {
        try await Self.declaredConflicts(conferenceId: conferenceId, submissionId: submissionId) { try await db.query($0) }
    }

    /// Committee members holding the reviewer role, through any executor (the pool, or a transaction's connection).
    static func reviewers(
        conferenceId: UUID, _ query: (PostgresQuery) async throws -> [PostgresRow]
    ) async throws -> [ReviewerProfile] {
        let rows = try await query(
            """
            SELECT m.account_id, a.name, a.email, a.affiliation, m.topic_ids
            FROM members m JOIN accounts a ON a.id = m.account_id
            WHERE m.conference_id = \(conferenceId) AND 'reviewer' = ANY (m.roles)
            ORDER BY m.account_id
            """)
        return try rows.map { row in
            let r = row.makeRandomAccess()
            return ReviewerProfile(
                accountId: try r["account_id"].decode(UUID.self), name: try r["name"].decode(String.self),
                email: try r["email"].decode(String.self), affiliation: try r["affiliation"].decode(String?.self),
                topicIds: try r["topic_ids"].decode([UUID].self))
        }
    }

    /// Declared conflicts of a conference (or of one proposal), through any executor.
    static func declaredConflicts(
        conferenceId: UUID, submissionId: UUID?, _ query: (PostgresQuery) async throws -> [PostgresRow]
    ) async throws -> [DeclaredConflict] {
        let rows = try await query(
            """
            SELECT submission_id, reviewer_id, declared_by, reason, created_at FROM conflicts
            WHERE conference_id = \(conferenceId) AND (\(submissionId)::uuid IS NULL OR submission_id = \(submissionId)::uuid)
            ORDER BY created_at, submission_id, reviewer_id
            """)
        return try rows.map { row in
            let r = row.makeRandomAccess()
            return DeclaredConflict(
                submissionId: try r["submission_id"].decode(UUID.self), reviewerId: try r["reviewer_id"].decode(UUID.self),
                declaredBy: try r["declared_by"].decode(UUID.self), reason: try r["reason"].decode(String?.self),
                createdAt: try r["created_at"].decode(Date.self))
        }
    }

    public func isAssigned(submissionId: UUID, reviewerId: UUID) async throws -> Bool {
        !(try await db.query(
            "SELECT 1 FROM assignments WHERE submission_id = \(submissionId) AND reviewer_id = \(reviewerId)")).isEmpty
    }

    public func assignments(conferenceId: UUID, reviewerId: UUID?, page: PageRequest) async throws -> Page<Assignment> {
        let after = KeysetCursor(page)
        let rows = try await db.query(
            """
            SELECT \(unescaped: Assignment.columns) FROM assignments a
            WHERE a.conference_id = \(conferenceId) AND (\(reviewerId)::uuid IS NULL OR a.reviewer_id = \(reviewerId)::uuid)
              AND (\(after.id)::uuid IS NULL OR (a.created_at, a.id) > (\(after.key)::timestamptz, \(after.id)::uuid))
            ORDER BY a.created_at, a.id LIMIT \(page.limit + 1)
            """)
        return try KeysetCursor.creationOrderPage(rows, limit: page.limit, item: Assignment.init(row:), id: \.id)
    }

    public func assignments(reviewerId: UUID, page: PageRequest) async throws -> Page<Assignment> {
        let after = KeysetCursor(page)
        let rows = try await db.query(
            """
            SELECT \(unescaped: Assignment.columns) FROM assignments a
            WHERE a.reviewer_id = \(reviewerId)
              AND (\(after.id)::uuid IS NULL OR (a.created_at, a.id) > (\(after.key)::timestamptz, \(after.id)::uuid))
            ORDER BY a.created_at, a.id LIMIT \(page.limit + 1)
            """)
        return try KeysetCursor.creationOrderPage(rows, limit: page.limit, item: Assignment.init(row:), id: \.id)
    }

    public func reviews(submissionId: UUID) async throws -> [Review] {
        try await db.query(
            "SELECT \(unescaped: Review.columns) FROM reviews r WHERE r.submission_id = \(submissionId) ORDER BY r.created_at, r.id")
            .map(Review.init(row:))
    }

    public func summaries(submissionIds: [UUID]) async throws -> [UUID: ReviewSummary] {
        guard !submissionIds.isEmpty else { return [:] }
        let rows = try await db.query(
            """
            SELECT submission_id, count(*)::int AS n, avg(score)::float8 AS mean FROM reviews
            WHERE submission_id = ANY (\(submissionIds)) GROUP BY submission_id
            """)
        var summaries: [UUID: ReviewSummary] = [:]
        for row in rows {
            let r = row.makeRandomAccess()
            summaries[try r["submission_id"].decode(UUID.self)] = ReviewSummary(
                count: try r["n"].decode(Int.self), meanScore: try r["mean"].decode(Double?.self))
        }
        return summaries
    }

    public func outbox(conferenceId: UUID, status: OutboxMessage.Status?, page: PageRequest) async throws -> Page<OutboxMessage> {
        let after = KeysetCursor(page)
        let rows = try await db.query(
            """
            SELECT \(unescaped: OutboxMessage.columns) FROM outbox_messages
            WHERE conference_id = \(conferenceId) AND (\(status?.rawValue)::text IS NULL OR status = \(status?.rawValue)::text)
              AND (\(after.id)::uuid IS NULL OR (created_at, id) > (\(after.key)::timestamptz, \(after.id)::uuid))
            ORDER BY created_at, id LIMIT \(page.limit + 1)
            """)
        return try KeysetCursor.creationOrderPage(rows, limit: page.limit, item: OutboxMessage.init(row:), id: \.id)
    }

    public func outboxMessage(conferenceId: UUID, id: UUID) async throws -> OutboxMessage? {
        try await db.query(
            """
            SELECT \(unescaped: OutboxMessage.columns), \(unescaped: OutboxMessage.senderColumns("outbox_messages"))
            FROM outbox_messages WHERE conference_id = \(conferenceId) AND id = \(id)
            """).first.map(OutboxMessage.init(row:))
    }
}

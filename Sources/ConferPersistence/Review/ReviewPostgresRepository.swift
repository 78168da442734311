import ConferDomain
import Foundation
import Logging
import PostgresNIO

/// Assignments, conflicts, reviews and decision notices in PostgreSQL.
public struct ReviewPostgresRepository: ReviewRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func reviewers(conferenceId: UUID) async throws -> [ReviewerProfile] {
        let rows = try await db.query(
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

    public func declaredConflicts(conferenceId: UUID, submissionId: UUID?) async throws -> [DeclaredConflict] {
        let rows = try await db.query(
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

    public func declareConflict(_ c: DeclaredConflict, conferenceId: UUID) async throws {
        try await db.transaction { connection in
            try await connection.rows(
                """
                INSERT INTO conflicts (conference_id, submission_id, reviewer_id, declared_by, reason, created_at)
                VALUES (\(conferenceId), \(c.submissionId), \(c.reviewerId), \(c.declaredBy), \(c.reason), \(c.createdAt))
                ON CONFLICT (submission_id, reviewer_id) DO NOTHING
                """, logger: db.logger)
            // A reviewer in conflict neither keeps the duty nor leaves an opinion behind.
            try await connection.rows(
                "DELETE FROM reviews WHERE submission_id = \(c.submissionId) AND reviewer_id = \(c.reviewerId)", logger: db.logger)
            try await connection.rows(
                "DELETE FROM assignments WHERE submission_id = \(c.submissionId) AND reviewer_id = \(c.reviewerId)", logger: db.logger)
        }
    }

    public func assign(_ a: Assignment, assignedBy: UUID) async throws -> Assignment {
        do {
            try await db.query(
                """
                INSERT INTO assignments (id, conference_id, submission_id, reviewer_id, assigned_by, automatic, created_at)
                VALUES (\(a.id), \(a.conferenceId), \(a.submissionId), \(a.reviewerId), \(assignedBy), \(a.automatic), \(a.createdAt))
                """)
            return a
        } catch DomainError.conflict {
            throw DomainError.conflict(code: "already-assigned", detail: "This reviewer is already assigned to this proposal.")
        }
    }

    public func assignAll(_ assignments: [Assignment], assignedBy: UUID) async throws {
        guard let first = assignments.first else { return }
        try await db.query(
            """
            INSERT INTO assignments (id, conference_id, submission_id, reviewer_id, assigned_by, automatic, created_at)
            SELECT x.id, \(first.conferenceId), x.submission_id, x.reviewer_id, \(assignedBy), true, \(first.createdAt)
            FROM unnest(\(assignments.map(\.id)), \(assignments.map(\.submissionId)), \(assignments.map(\.reviewerId)))
                 AS x(id, submission_id, reviewer_id)
            ON CONFLICT (submission_id, reviewer_id) DO NOTHING
            """)
    }

    public func unassign(submissionId: UUID, reviewerId: UUID) async throws {
        try await db.transaction { connection in
            let reviewed = try await connection.rows(
                "SELECT 1 FROM reviews WHERE submission_id = \(submissionId) AND reviewer_id = \(reviewerId)", logger: db.logger)
            guard reviewed.isEmpty else {
                throw DomainError.conflict(code: "already-reviewed", detail: "This reviewer has already reviewed the proposal.")
            }
            let deleted = try await connection.rows(
                "DELETE FROM assignments WHERE submission_id = \(submissionId) AND reviewer_id = \(reviewerId) RETURNING id",
                logger: db.logger)
            guard !deleted.isEmpty else { throw DomainError.notFound("This reviewer is not assigned to this proposal.") }
        }
    }

    public func isAssigned(submissionId: UUID, reviewerId: UUID) async throws -> Bool {
        !(try await db.query(
            "SELECT 1 FROM assignments WHERE submission_id = \(submissionId) AND reviewer_id = \(reviewerId)")).isEmpty
    }

    public func assignments(conferenceId: UUID, reviewerId: UUID?, page: PageRequest) async throws -> Page<Assignment> {
        let after = page.after.flatMap { $0.count == 2 ? $0 : nil }
        let afterId = after.flatMap { UUID(uuidString: $0[1]) }
        let rows = try await db.query(
            """
            SELECT \(unescaped: Assignment.columns) FROM assignments a
            WHERE a.conference_id = \(conferenceId) AND (\(reviewerId)::uuid IS NULL OR a.reviewer_id = \(reviewerId)::uuid)
              AND (\(afterId)::uuid IS NULL OR (a.created_at, a.id) > (\(after?[0])::timestamptz, \(afterId)::uuid))
            ORDER BY a.created_at, a.id LIMIT \(page.limit + 1)
            """)
        let keyed = try rows.map { (try Assignment(row: $0), try $0.column("created_key", as: String.self)) }
        return Page(fetched: keyed, limit: page.limit) { [$0.1, $0.0.id.uuidString] }.map(\.0)
    }

    public func allAssignments(conferenceId: UUID) async throws -> [Assignment] {
        try await db.query("SELECT \(unescaped: Assignment.columns) FROM assignments a WHERE a.conference_id = \(conferenceId)")
            .map(Assignment.init(row:))
    }

    public func createReview(_ v: Review) async throws -> Review {
        do {
            return try await db.transaction { connection in
                let rows = try await connection.rows(
                    """
                    WITH inserted AS (
                        INSERT INTO reviews (id, conference_id, submission_id, reviewer_id, score, confidence,
                            comments_for_authors, comments_for_committee, created_at, updated_at)
                        VALUES (\(v.id), \(v.conferenceId), \(v.submissionId), \(v.reviewerId), \(v.score), \(v.confidence),
                            \(v.commentsForAuthors), \(v.commentsForCommittee), \(v.createdAt), \(v.updatedAt))
                        RETURNING *)
                    SELECT \(unescaped: Review.columns) FROM inserted r
                    """, logger: db.logger)
                let review = try Review(row: rows[0])
                try await connection.emit(WebhookEvent.reviewSubmitted(review), logger: db.logger)
                return review
            }
        } catch DomainError.conflict {
            throw DomainError.conflict(code: "already-reviewed", detail: "You have already reviewed this proposal; change your review with PUT.")
        }
    }

    public func updateReview(_ v: Review, ifVersion: Int) async throws -> Review? {
        let rows = try await db.query(
            """
            WITH updated AS (
                UPDATE reviews SET score = \(v.score), confidence = \(v.confidence),
                    comments_for_authors = \(v.commentsForAuthors), comments_for_committee = \(v.commentsForCommittee),
                    updated_at = \(v.updatedAt), version = version + 1
                WHERE id = \(v.id) AND version = \(ifVersion)
                RETURNING *)
            SELECT \(unescaped: Review.columns) FROM updated r
            """)
        return try rows.first.map(Review.init(row:))
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

    public func queueDecisionNotices(
        conferenceId: UUID, now: Date, compose: @escaping @Sendable (Submission, [Review]) -> [OutboundMessage]
    ) async throws -> Int {
        try await db.transaction { connection in
            let logger = db.logger
            // Locking the proposals makes a concurrent second call wait, then find nothing left to notify.
            let rows = try await connection.rows(
                """
                SELECT \(unescaped: Submission.columns) FROM submissions s
                WHERE s.conference_id = \(conferenceId) AND s.status IN ('accepted', 'rejected') AND s.notified_at IS NULL
                ORDER BY s.number FOR UPDATE
                """, logger: logger)
            let submissions = try await SubmissionPostgresRepository.withAuthors(rows) { try await connection.rows($0, logger: logger) }
            guard !submissions.isEmpty else { return 0 }
            let ids = submissions.map(\.id)
            let reviewRows = try await connection.rows(
                "SELECT \(unescaped: Review.columns) FROM reviews r WHERE r.submission_id = ANY (\(ids)) ORDER BY r.created_at, r.id",
                logger: logger)
            let reviews = Dictionary(grouping: try reviewRows.map(Review.init(row:)), by: \.submissionId)
            var queued = 0
            for submission in submissions {
                let messages = compose(submission, reviews[submission.id] ?? [])
                for message in messages {
                    try await connection.enqueue(message, conferenceId: conferenceId, now: now, logger: logger)
                }
                queued += messages.count
                try await connection.emit(
                    WebhookEvent.notificationQueued(submission, messages: messages.count, at: now), logger: logger)
            }
            try await connection.rows("UPDATE submissions SET notified_at = \(now) WHERE id = ANY (\(ids))", logger: logger)
            return queued
        }
    }

    public func outbox(conferenceId: UUID, status: OutboxMessage.Status?, page: PageRequest) async throws -> Page<OutboxMessage> {
        let after = page.after.flatMap { $0.count == 2 ? $0 : nil }
        let afterId = after.flatMap { UUID(uuidString: $0[1]) }
        let rows = try await db.query(
            """
            SELECT \(unescaped: OutboxMessage.columns) FROM outbox_messages
            WHERE conference_id = \(conferenceId) AND (\(status?.rawValue)::text IS NULL OR status = \(status?.rawValue)::text)
              AND (\(afterId)::uuid IS NULL OR (created_at, id) > (\(after?[0])::timestamptz, \(afterId)::uuid))
            ORDER BY created_at, id LIMIT \(page.limit + 1)
            """)
        let keyed = try rows.map { (try OutboxMessage(row: $0), try $0.column("created_key", as: String.self)) }
        return Page(fetched: keyed, limit: page.limit) { [$0.1, $0.0.id.uuidString] }.map(\.0)
    }
}

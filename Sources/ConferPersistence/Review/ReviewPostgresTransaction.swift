import ConferDomain
import Foundation
import PostgresNIO

extension PostgresTransaction {
    func reviewers(conferenceId: UUID) async throws -> [ReviewerProfile] {
        try await ReviewPostgresRepository.reviewers(conferenceId: conferenceId) { try await rows($0) }
    }

    func declaredConflicts(conferenceId: UUID, submissionId: UUID?) async throws -> [DeclaredConflict] {
        try await ReviewPostgresRepository.declaredConflicts(conferenceId: conferenceId, submissionId: submissionId) { try await rows($0) }
    }

    func insertConflict(_ c: DeclaredConflict, conferenceId: UUID) async throws {
        try await rows(
            """
            INSERT INTO conflicts (conference_id, submission_id, reviewer_id, declared_by, reason, created_at)
            VALUES (\(conferenceId), \(c.submissionId), \(c.reviewerId), \(c.declaredBy), \(c.reason), \(c.createdAt))
            ON CONFLICT (submission_id, reviewer_id) DO NOTHING
            """)
    }

    func assignments(conferenceId: UUID) async throws -> [Assignment] {
        try await rows("SELECT \(unescaped: Assignment.columns) FROM assignments a WHERE a.conference_id = \(conferenceId)")
            .map(Assignment.init(row:))
    }

    func isAssigned(submissionId: UUID, reviewerId: UUID) async throws -> Bool {
        !(try await rows("SELECT 1 FROM assignments WHERE submission_id = \(submissionId) AND reviewer_id = \(reviewerId)")).isEmpty
    }

    func insertAssignment(_ a: Assignment, assignedBy: UUID) async throws {
        try await rows(
            """
            INSERT INTO assignments (id, conference_id, submission_id, reviewer_id, assigned_by, automatic, created_at)
            VALUES (\(a.id), \(a.conferenceId), \(a.submissionId), \(a.reviewerId), \(assignedBy), \(a.automatic), \(a.createdAt))
            """)
    }

    func insertAssignments(_ assignments: [Assignment], assignedBy: UUID) async throws {
        guard let first = assignments.first else { return }
        try await rows(
            """
            INSERT INTO assignments (id, conference_id, submission_id, reviewer_id, assigned_by, automatic, created_at)
            SELECT x.id, \(first.conferenceId), x.submission_id, x.reviewer_id, \(assignedBy), true, \(first.createdAt)
            FROM unnest(\(assignments.map(\.id)), \(assignments.map(\.submissionId)), \(assignments.map(\.reviewerId)))
                 AS x(id, submission_id, reviewer_id)
            ON CONFLICT (submission_id, reviewer_id) DO NOTHING
            """)
    }

    func deleteAssignment(submissionId: UUID, reviewerId: UUID) async throws -> Bool {
        !(try await rows(
            "DELETE FROM assignments WHERE submission_id = \(submissionId) AND reviewer_id = \(reviewerId) RETURNING id")).isEmpty
    }

    func review(_ id: UUID, submissionId: UUID, lock: RowLock) async throws -> Review? {
        try await rows(
            "SELECT \(unescaped: Review.columns) FROM reviews r WHERE r.id = \(id) AND r.submission_id = \(submissionId) \(unescaped: lock.sql)")
            .first.map(Review.init(row:))
    }

    func reviews(submissionIds: [UUID]) async throws -> [Review] {
        guard !submissionIds.isEmpty else { return [] }
        return try await rows(
            "SELECT \(unescaped: Review.columns) FROM reviews r WHERE r.submission_id = ANY (\(submissionIds)) ORDER BY r.created_at, r.id")
            .map(Review.init(row:))
    }

    func review(submissionId: UUID, reviewerId: UUID) async throws -> Review? {
        try await rows(
            "SELECT \(unescaped: Review.columns) FROM reviews r WHERE r.submission_id = \(submissionId) AND r.reviewer_id = \(reviewerId)")
            .first.map(Review.init(row:))
    }

    func insertReview(_ v: Review) async throws -> Review {
        let rows = try await rows(
            """
            WITH inserted AS (
                INSERT INTO reviews (id, conference_id, submission_id, reviewer_id, score, confidence,
                    comments_for_authors, comments_for_committee, created_at, updated_at)
                VALUES (\(v.id), \(v.conferenceId), \(v.submissionId), \(v.reviewerId), \(v.score), \(v.confidence),
                    \(v.commentsForAuthors), \(v.commentsForCommittee), \(v.createdAt), \(v.updatedAt))
                RETURNING *)
            SELECT \(unescaped: Review.columns) FROM inserted r
            """)
        return try Review(row: rows[0])
    }

    func updateReview(_ v: Review) async throws -> Review {
        let rows = try await rows(
            """
            WITH updated AS (
                UPDATE reviews SET score = \(v.score), confidence = \(v.confidence),
                    comments_for_authors = \(v.commentsForAuthors), comments_for_committee = \(v.commentsForCommittee),
                    updated_at = \(v.updatedAt), version = version + 1
                WHERE id = \(v.id)
                RETURNING *)
            SELECT \(unescaped: Review.columns) FROM updated r
            """)
        return try Review(row: rows[0])
    }

    func deleteReview(submissionId: UUID, reviewerId: UUID) async throws {
        try await rows("DELETE FROM reviews WHERE submission_id = \(submissionId) AND reviewer_id = \(reviewerId)")
    }
}

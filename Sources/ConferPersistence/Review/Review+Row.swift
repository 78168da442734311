import ConferDomain
import Foundation
import PostgresNIO

extension Review {
    /// Columns of `reviews r` (with the reviewer's name) that `init(row:)` reads.
    static let columns = """
        r.id, r.conference_id, r.submission_id, r.reviewer_id, (SELECT name FROM accounts WHERE id = r.reviewer_id) AS reviewer_name,
        r.score, r.confidence, r.comments_for_authors, r.comments_for_committee, r.created_at, r.updated_at, r.version
        """

    init(row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        self.init(
            id: try r["id"].decode(UUID.self),
            conferenceId: try r["conference_id"].decode(UUID.self),
            submissionId: try r["submission_id"].decode(UUID.self),
            reviewerId: try r["reviewer_id"].decode(UUID.self),
            reviewerName: try r["reviewer_name"].decode(String.self),
            score: try r["score"].decode(Int.self),
            confidence: try r["confidence"].decode(Int.self),
            commentsForAuthors: try r["comments_for_authors"].decode(String.self),
            commentsForCommittee: try r["comments_for_committee"].decode(String?.self),
            createdAt: try r["created_at"].decode(Date.self),
            updatedAt: try r["updated_at"].decode(Date.self),
            version: try r["version"].decode(Int.self))
    }
}

extension Assignment {
    static let columns = """
        a.id, a.conference_id, a.submission_id, a.reviewer_id, a.automatic, a.created_at, a.created_at::text AS created_key,
        EXISTS (SELECT 1 FROM reviews r WHERE r.submission_id = a.submission_id AND r.reviewer_id = a.reviewer_id) AS reviewed
        """

    init(row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        self.init(
            id: try r["id"].decode(UUID.self),
            conferenceId: try r["conference_id"].decode(UUID.self),
            submissionId: try r["submission_id"].decode(UUID.self),
            reviewerId: try r["reviewer_id"].decode(UUID.self),
            automatic: try r["automatic"].decode(Bool.self),
            createdAt: try r["created_at"].decode(Date.self),
            reviewed: try r["reviewed"].decode(Bool.self))
    }
}

extension OutboxMessage {
    static let columns = """
        id, conference_id, kind, submission_id, recipient, recipient_name, language, subject, body, status, attempts,
        next_attempt_at, last_error, created_at, sent_at, created_at::text AS created_key
        """

    init(row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        guard let status = Status(rawValue: try r["status"].decode(String.self)) else {
            throw RowError(description: "outbox row with an unknown status")
        }
        self.init(
            id: try r["id"].decode(UUID.self),
            conferenceId: try r["conference_id"].decode(UUID.self),
            message: OutboundMessage(
                kind: try r["kind"].decode(String.self), submissionId: try r["submission_id"].decode(UUID?.self),
                recipient: try r["recipient"].decode(String.self), recipientName: try r["recipient_name"].decode(String?.self),
                language: try r["language"].decode(String.self), subject: try r["subject"].decode(String.self),
                body: try r["body"].decode(String.self)),
            status: status,
            attempts: try r["attempts"].decode(Int.self),
            nextAttemptAt: try r["next_attempt_at"].decode(Date.self),
            lastError: try r["last_error"].decode(String?.self),
            createdAt: try r["created_at"].decode(Date.self),
            sentAt: try r["sent_at"].decode(Date?.self))
    }
}

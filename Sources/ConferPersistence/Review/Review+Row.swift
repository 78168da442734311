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

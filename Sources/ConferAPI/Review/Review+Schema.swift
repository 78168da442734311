import ConferAPIContract
import ConferDomain
import Foundation

extension Components.Schemas.Review {
    /// A review as the reader may see it: authors never get committee comments, nor identities unless review is open.
    init(_ r: Review, visibility: ReviewVisibility) {
        var showsReviewer = true
        var showsCommitteeComments = true
        if case .authors(let showReviewers) = visibility {
            showsReviewer = showReviewers
            showsCommitteeComments = false
        }
        self.init(
            id: r.id.uuidString.lowercased(), submissionId: r.submissionId.uuidString.lowercased(),
            reviewerId: showsReviewer ? r.reviewerId.uuidString.lowercased() : nil,
            reviewerName: showsReviewer ? r.reviewerName : nil, score: r.score, confidence: r.confidence,
            commentsForAuthors: r.commentsForAuthors, commentsForCommittee: showsCommitteeComments ? r.commentsForCommittee : nil,
            createdAt: r.createdAt, updatedAt: r.updatedAt)
    }
}

extension Components.Schemas.Assignment {
    init(_ a: Assignment) {
        self.init(
            id: a.id.uuidString.lowercased(), submissionId: a.submissionId.uuidString.lowercased(),
            reviewerId: a.reviewerId.uuidString.lowercased(), automatic: a.automatic, createdAt: a.createdAt,
            reviewed: a.reviewed)
    }
}

extension Components.Schemas.Conflict {
    init(_ c: DeclaredConflict) {
        self.init(
            submissionId: c.submissionId.uuidString.lowercased(), reviewerId: c.reviewerId.uuidString.lowercased(),
            declaredBy: c.declaredBy.uuidString.lowercased(), reason: c.reason, createdAt: c.createdAt)
    }
}

extension Components.Schemas.OutboxMessage {
    init(_ m: OutboxMessage) {
        self.init(
            id: m.id.uuidString.lowercased(), kind: m.message.kind, submissionId: m.message.submissionId?.uuidString.lowercased(),
            to: m.message.recipient, toName: m.message.recipientName, language: m.message.language,
            subject: m.message.subject, body: m.message.body, status: .init(m.status),
            attempts: m.attempts, nextAttemptAt: m.status == .queued ? m.nextAttemptAt : nil, lastError: m.lastError,
            createdAt: m.createdAt, sentAt: m.sentAt)
    }
}

extension ReviewInput {
    init(_ body: Components.Schemas.ReviewWrite) {
        self.init(
            score: body.score, confidence: body.confidence, commentsForAuthors: body.commentsForAuthors,
            commentsForCommittee: body.commentsForCommittee)
    }
}

extension Components.Schemas.Decision {
    var domain: Decision {
        switch self {
        case .accepted: .accepted
        case .rejected: .rejected
        }
    }
}

extension Components.Schemas.OutboxStatus {
    init(_ status: OutboxMessage.Status) {
        switch status {
        case .queued: self = .queued
        case .sent: self = .sent
        case .failed: self = .failed
        }
    }

    var domain: OutboxMessage.Status {
        switch self {
        case .queued: .queued
        case .sent: .sent
        case .failed: .failed
        }
    }
}

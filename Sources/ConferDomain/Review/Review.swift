import Foundation

/// A reviewer's scored review of one proposal.
public struct Review: Sendable, Equatable {
    public var id: UUID
    public var conferenceId: UUID
    public var submissionId: UUID
    public var reviewerId: UUID
    /// Set by storage on reads, for organizers and open review.
    public var reviewerName: String
    public var score: Int
    public var confidence: Int
    public var commentsForAuthors: String
    /// Never shown to authors.
    public var commentsForCommittee: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        id: UUID, conferenceId: UUID, submissionId: UUID, reviewerId: UUID, reviewerName: String, score: Int,
        confidence: Int, commentsForAuthors: String, commentsForCommittee: String?, createdAt: Date, updatedAt: Date,
        version: Int
    ) {
        self.id = id
        self.conferenceId = conferenceId
        self.submissionId = submissionId
        self.reviewerId = reviewerId
        self.reviewerName = reviewerName
        self.score = score
        self.confidence = confidence
        self.commentsForAuthors = commentsForAuthors
        self.commentsForCommittee = commentsForCommittee
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}

/// Number of reviews and mean score of a proposal, to help the committee decide.
public struct ReviewSummary: Sendable, Equatable {
    public var count: Int
    public var meanScore: Double?

    public init(count: Int, meanScore: Double?) {
        self.count = count
        self.meanScore = meanScore
    }
}

/// Review rules.
public enum ReviewRules {
    public static let scale = 1...5
    public static let commentsLimit = 20_000

    /// Checks a review's scores and comments.
    public static func validate(score: Int, confidence: Int, commentsForAuthors: String, commentsForCommittee: String?) throws(DomainError) {
        var v = Validator()
        v.require(scale.contains(score), "score", "must be from 1 to 5")
        v.require(scale.contains(confidence), "confidence", "must be from 1 to 5")
        v.text(commentsForAuthors, "commentsForAuthors", max: commentsLimit)
        v.text(commentsForCommittee, "commentsForCommittee", max: commentsLimit)
        try v.finish()
    }

    /// Reviews can be written and changed until the proposal is decided.
    public static func checkOpen(_ submission: Submission) throws(DomainError) {
        guard submission.status == .submitted else {
            throw DomainError.conflict(
                code: "review-closed",
                detail: "Reviews of a proposal that is \(submission.status.rawValue) can no longer be written or changed.")
        }
    }
}

/// Who reads the reviews of a proposal, and what they see (API contract).
public enum ReviewVisibility: Sendable, Equatable {
    /// Organizers: everything.
    case full
    /// A reviewer who has reviewed it: every review with identities, committee comments included.
    case committee
    /// Its authors after notification: comments for authors only, reviewer identity only in open review.
    case authors(showReviewers: Bool)

    /// What `viewer` may see of the reviews of `submission`; nil when they may not see them (403).
    public static func of(
        _ viewer: SubmissionViewer, submission: Submission, conference: Conference, hasOwnReview: Bool
    ) -> ReviewVisibility? {
        switch viewer {
        case .organizer: return .full
        case .reviewer: return hasOwnReview ? .committee : nil
        case .owner, .coAuthor:
            return submission.notifiedAt == nil ? nil : .authors(showReviewers: conference.reviewMode == .open)
        }
    }
}

/// A review as its reviewer writes it.
public struct ReviewInput: Sendable, Equatable {
    public var score: Int
    public var confidence: Int
    public var commentsForAuthors: String
    public var commentsForCommittee: String?

    public init(score: Int, confidence: Int, commentsForAuthors: String, commentsForCommittee: String?) {
        self.score = score
        self.confidence = confidence
        self.commentsForAuthors = commentsForAuthors
        self.commentsForCommittee = commentsForCommittee
    }
}

extension ReviewRules {
    /// Checks a review's scores and comments.
    public static func validate(_ input: ReviewInput) throws(DomainError) {
        try validate(score: input.score, confidence: input.confidence, commentsForAuthors: input.commentsForAuthors,
                     commentsForCommittee: input.commentsForCommittee)
    }

    /// A new review of `submission` by `reviewer`; empty committee comments are none.
    public static func review(_ input: ReviewInput, of submission: Submission, by reviewer: Caller, id: UUID, now: Date) throws(DomainError) -> Review {
        try validate(input)
        return Review(
            id: id, conferenceId: submission.conferenceId, submissionId: submission.id, reviewerId: reviewer.accountId,
            reviewerName: reviewer.name, score: input.score, confidence: input.confidence,
            commentsForAuthors: input.commentsForAuthors, commentsForCommittee: input.commentsForCommittee?.nilIfEmpty,
            createdAt: now, updatedAt: now, version: 1)
    }

    /// The review with its new scores and comments.
    public static func revise(_ current: Review, with input: ReviewInput, now: Date) -> Review {
        var next = current
        next.score = input.score
        next.confidence = input.confidence
        next.commentsForAuthors = input.commentsForAuthors
        next.commentsForCommittee = input.commentsForCommittee?.nilIfEmpty
        next.updatedAt = now
        return next
    }

    /// Only a reviewer assigned to a proposal reviews it (organizers do not write reviews).
    public static func checkReviewer(_ access: ConferenceAccess, assigned: Bool) throws(DomainError) {
        guard access.isReviewer, assigned else {
            throw DomainError.forbidden("Only a reviewer assigned to this proposal may review it.")
        }
    }

    /// Only its reviewer changes a review.
    public static func checkAuthor(of review: Review, _ caller: Caller) throws(DomainError) {
        guard review.reviewerId == caller.accountId else { throw DomainError.forbidden("Only its reviewer may change a review.") }
    }

    /// Only submitted proposals are reviewed, hence assigned.
    public static func checkAssignable(_ submission: Submission) throws(DomainError) {
        guard submission.status == .submitted else {
            throw DomainError.conflict(code: "not-submitted", detail: "Only submitted proposals are reviewed; this one is \(submission.status.rawValue).")
        }
    }

    /// A reviewer who has reviewed a proposal stays on it: their review would lose its author.
    public static func checkUnassignable(hasReview: Bool) throws(DomainError) {
        guard !hasReview else {
            throw DomainError.conflict(code: "already-reviewed", detail: "This reviewer has already reviewed the proposal.")
        }
    }
}

import Foundation

/// A reviewer's duty to review one proposal.
public struct Assignment: Sendable, Equatable {
    public var id: UUID
    public var conferenceId: UUID
    public var submissionId: UUID
    public var reviewerId: UUID
    /// Made by `POST …/auto-assignments` rather than by hand.
    public var automatic: Bool
    public var createdAt: Date
    /// Whether the reviewer has submitted their review.
    public var reviewed: Bool

    public init(
        id: UUID, conferenceId: UUID, submissionId: UUID, reviewerId: UUID, automatic: Bool, createdAt: Date,
        reviewed: Bool
    ) {
        self.id = id
        self.conferenceId = conferenceId
        self.submissionId = submissionId
        self.reviewerId = reviewerId
        self.automatic = automatic
        self.createdAt = createdAt
        self.reviewed = reviewed
    }
}

/// A reviewer's declared conflict with one proposal.
public struct DeclaredConflict: Sendable, Equatable {
    public var submissionId: UUID
    public var reviewerId: UUID
    public var declaredBy: UUID
    public var reason: String?
    public var createdAt: Date

    public init(submissionId: UUID, reviewerId: UUID, declaredBy: UUID, reason: String?, createdAt: Date) {
        self.submissionId = submissionId
        self.reviewerId = reviewerId
        self.declaredBy = declaredBy
        self.reason = reason
        self.createdAt = createdAt
    }
}

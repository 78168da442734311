import Foundation

/// Storage of assignments, conflicts, reviews and the review-related outbox.
public protocol ReviewRepository: Sendable {
    /// Committee members holding the reviewer role, with their affiliation and declared topics.
    func reviewers(conferenceId: UUID) async throws -> [ReviewerProfile]
    /// Declared conflicts of a conference (or of one proposal).
    func declaredConflicts(conferenceId: UUID, submissionId: UUID?) async throws -> [DeclaredConflict]
    /// Records a declared conflict and, in the same transaction, drops the reviewer's assignment and review of it.
    func declareConflict(_ conflict: DeclaredConflict, conferenceId: UUID) async throws
    /// Adds an assignment made by `assignedBy`; an existing one for the same pair is a `conflict("already-assigned")`.
    func assign(_ assignment: Assignment, assignedBy: UUID) async throws -> Assignment
    /// Adds many assignments in one transaction, skipping pairs that already exist.
    func assignAll(_ assignments: [Assignment], assignedBy: UUID) async throws
    /// Removes an assignment; `notFound` if none, `conflict("already-reviewed")` once the review exists.
    func unassign(submissionId: UUID, reviewerId: UUID) async throws
    /// Whether the reviewer is assigned to the proposal.
    func isAssigned(submissionId: UUID, reviewerId: UUID) async throws -> Bool
    /// Assignments of a conference, optionally of one reviewer, oldest first.
    func assignments(conferenceId: UUID, reviewerId: UUID?, page: PageRequest) async throws -> Page<Assignment>
    /// Every assignment of a conference (for auto-assignment).
    func allAssignments(conferenceId: UUID) async throws -> [Assignment]
    /// Stores a new review; a second one by the same reviewer is a `conflict("already-reviewed")`.
    func createReview(_ review: Review) async throws -> Review
    /// Stores a changed review if still at `ifVersion`; nil when another change came first.
    func updateReview(_ review: Review, ifVersion: Int) async throws -> Review?
    /// The reviews of a proposal, oldest first.
    func reviews(submissionId: UUID) async throws -> [Review]
    /// Review counts and mean scores of the given proposals.
    func summaries(submissionIds: [UUID]) async throws -> [UUID: ReviewSummary]
    /// In one transaction: for every decided, not yet notified proposal, queues `compose`'s messages and marks it notified.
    /// Returns the number of messages queued.
    func queueDecisionNotices(
        conferenceId: UUID, now: Date, compose: @escaping @Sendable (Submission, [Review]) -> [OutboundMessage]
    ) async throws -> Int
    /// The outbox of a conference, oldest first, optionally of one status.
    func outbox(conferenceId: UUID, status: OutboxMessage.Status?, page: PageRequest) async throws -> Page<OutboxMessage>
}

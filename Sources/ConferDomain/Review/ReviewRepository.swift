import Foundation

/// Reads of assignments, conflicts, reviews and the outbox, outside any transaction.
public protocol ReviewRepository: Sendable {
    /// Committee members holding the reviewer role, with their affiliation and declared topics.
    func reviewers(conferenceId: UUID) async throws -> [ReviewerProfile]
    /// Declared conflicts of a conference (or of one proposal).
    func declaredConflicts(conferenceId: UUID, submissionId: UUID?) async throws -> [DeclaredConflict]
    /// Whether the reviewer is assigned to the proposal.
    func isAssigned(submissionId: UUID, reviewerId: UUID) async throws -> Bool
    /// Assignments of a conference, optionally of one reviewer, oldest first.
    func assignments(conferenceId: UUID, reviewerId: UUID?, page: PageRequest) async throws -> Page<Assignment>
    /// A page of a reviewer's assignments in every conference, oldest first.
    func assignments(reviewerId: UUID, page: PageRequest) async throws -> Page<Assignment>
    /// The reviews of a proposal, oldest first.
    func reviews(submissionId: UUID) async throws -> [Review]
    /// Review counts and mean scores of the given proposals.
    func summaries(submissionIds: [UUID]) async throws -> [UUID: ReviewSummary]
    /// The outbox of a conference, oldest first, optionally of one status.
    func outbox(conferenceId: UUID, status: OutboxMessage.Status?, page: PageRequest) async throws -> Page<OutboxMessage>
    /// One message of a conference's outbox, with the conference's sender.
    func outboxMessage(conferenceId: UUID, id: UUID) async throws -> OutboxMessage?
}

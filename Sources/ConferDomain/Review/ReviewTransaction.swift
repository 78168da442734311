import Foundation

/// What a use case's transaction reads and writes of the review: the committee's reviewers, assignments, declared
/// conflicts and reviews.
public protocol ReviewTransaction: Sendable {
    /// Committee members holding the reviewer role.
    func reviewers(conferenceId: UUID) async throws -> [ReviewerProfile]
    func declaredConflicts(conferenceId: UUID, submissionId: UUID?) async throws -> [DeclaredConflict]
    /// Records a declared conflict (once per reviewer and proposal).
    func insertConflict(_ conflict: DeclaredConflict, conferenceId: UUID) async throws
    /// Every assignment of the conference.
    func assignments(conferenceId: UUID) async throws -> [Assignment]
    func isAssigned(submissionId: UUID, reviewerId: UUID) async throws -> Bool
    /// Stores an assignment; the same pair twice is `Duplicate.assignment`.
    func insertAssignment(_ assignment: Assignment, assignedBy: UUID) async throws
    /// Stores many assignments, skipping pairs that already exist.
    func insertAssignments(_ assignments: [Assignment], assignedBy: UUID) async throws
    /// Removes an assignment; false when there was none.
    func deleteAssignment(submissionId: UUID, reviewerId: UUID) async throws -> Bool
    /// One review of a proposal.
    func review(_ id: UUID, submissionId: UUID, lock: RowLock) async throws -> Review?
    /// The reviews of these proposals, oldest first.
    func reviews(submissionIds: [UUID]) async throws -> [Review]
    /// The review the reviewer wrote of the proposal, if any.
    func review(submissionId: UUID, reviewerId: UUID) async throws -> Review?
    /// Stores a new review; a second one by the same reviewer is `Duplicate.review`. Returns it as stored.
    func insertReview(_ review: Review) async throws -> Review
    /// Stores a changed review at its next version.
    func updateReview(_ review: Review) async throws -> Review
    func deleteReview(submissionId: UUID, reviewerId: UUID) async throws
}

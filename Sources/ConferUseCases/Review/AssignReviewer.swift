import ConferDomain
import Foundation

/// Organizers assign a committee member to review a submitted proposal, never one in conflict of interest with it.
public struct AssignReviewer: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ submissionId: String, reviewerId: UUID, in conference: Conference, by access: ConferenceAccess) async throws -> Assignment {
        let organizer = try access.requireOrganizer()
        let now = context.now
        return try await context.store.transaction { tx in
            let submission = try await ReviewSteps.submission(submissionId, in: conference, tx)
            guard let reviewer = try await tx.reviewers(conferenceId: conference.id).first(where: { $0.accountId == reviewerId }) else {
                throw DomainError.invalid("reviewerId", "is not a member of this conference's scientific committee (reviewer role)")
            }
            try ReviewRules.checkAssignable(submission)
            let declared = try await tx.declaredConflicts(conferenceId: conference.id, submissionId: submission.id)
            if let reason = ConflictRules.conflict(
                reviewer: reviewer, submission: submission, declared: declared.contains { $0.reviewerId == reviewerId }) {
                throw ConflictRules.refusal(reason)
            }
            let assignment = Assignment(
                id: UUID(), conferenceId: conference.id, submissionId: submission.id, reviewerId: reviewerId, automatic: false,
                createdAt: now, reviewed: false)
            try await tx.insertAssignment(assignment, assignedBy: organizer.accountId)
            return assignment
        }
    }
}

/// Reads the review use cases share.
enum ReviewSteps {
    /// A proposal of the conference by id; 404 when there is none.
    static func submission(_ id: String, in conference: Conference, _ tx: any Transaction, lock: RowLock = .none) async throws -> Submission {
        guard let submissionId = UUID(exactly: id),
              let submission = try await tx.submission(submissionId, conferenceId: conference.id, lock: lock)
        else { throw SubmissionAccess.notFound(id) }
        return submission
    }

    /// A proposal as a committee member or one of its authors may know it: anyone else is told it does not exist.
    static func knownSubmission(_ id: String, in conference: Conference, by access: ConferenceAccess, _ tx: any Transaction) async throws -> Submission {
        let submission = try await self.submission(id, in: conference, tx)
        guard SubmissionAccess.isKnown(submission, to: access) else { throw SubmissionAccess.notFound(id) }
        return submission
    }
}

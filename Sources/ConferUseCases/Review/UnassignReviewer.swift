import ConferDomain
import Foundation

/// Organizers take a reviewer off a proposal, as long as they have not reviewed it.
public struct UnassignReviewer: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ submissionId: String, reviewerId: UUID, in conference: Conference, by access: ConferenceAccess) async throws {
        try access.requireOrganizer()
        try await context.store.transaction { tx in
            let submission = try await ReviewSteps.submission(submissionId, in: conference, tx)
            try ReviewRules.checkUnassignable(hasReview: try await tx.review(submissionId: submission.id, reviewerId: reviewerId) != nil)
            guard try await tx.deleteAssignment(submissionId: submission.id, reviewerId: reviewerId) else {
                throw DomainError.notFound("This reviewer is not assigned to this proposal.")
            }
        }
    }
}

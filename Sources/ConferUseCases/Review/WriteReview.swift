import ConferDomain
import Foundation

/// The reviewer assigned to a proposal reviews it, once, until it is decided.
public struct WriteReview: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ submissionId: String, _ input: ReviewInput, in conference: Conference, by access: ConferenceAccess) async throws -> Review {
        let caller = try access.caller.required()
        let now = context.now
        return try await context.store.transaction { tx in
            let submission = try await ReviewSteps.knownSubmission(submissionId, in: conference, by: access, tx)
            try ReviewRules.checkReviewer(access, assigned: try await tx.isAssigned(submissionId: submission.id, reviewerId: caller.accountId))
            try ReviewRules.checkOpen(submission)
            let review = try ReviewRules.review(input, of: submission, by: caller, id: UUID(), now: now)
            let stored = try await tx.insertReview(review)
            try await tx.publish([.reviewWritten(stored)], conference: conference, engine: context.templates)
            return stored
        }
    }
}

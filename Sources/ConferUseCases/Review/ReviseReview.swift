import ConferDomain
import Foundation

/// Its reviewer changes a review until the proposal is decided.
public struct ReviseReview: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(
        _ submissionId: String, reviewId: String, _ input: ReviewInput, ifMatch: String?, in conference: Conference,
        by access: ConferenceAccess
    ) async throws -> Review {
        let caller = try access.caller.required()
        try ReviewRules.validate(input)
        let now = context.now
        return try await context.store.transaction { tx in
            let submission = try await ReviewSteps.knownSubmission(submissionId, in: conference, by: access, tx)
            guard let id = UUID(exactly: reviewId), let current = try await tx.review(id, submissionId: submission.id, lock: .forUpdate) else {
                throw DomainError.notFound("There is no review \(reviewId) of this proposal.")
            }
            try ReviewRules.checkAuthor(of: current, caller)
            try ETag.check(ifMatch: ifMatch, version: current.version)
            try ReviewRules.checkOpen(submission)
            return try await tx.updateReview(ReviewRules.revise(current, with: input, now: now))
        }
    }
}

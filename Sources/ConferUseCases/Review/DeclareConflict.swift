import ConferDomain
import Foundation

/// A reviewer declares a conflict of interest with a proposal (organizers for any reviewer). A reviewer in conflict
/// neither keeps the duty nor leaves an opinion behind: their assignment and review of it go.
public struct DeclareConflict: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(
        submissionId: UUID, reviewerId: UUID?, reason: String?, in conference: Conference, by access: ConferenceAccess
    ) async throws -> DeclaredConflict {
        let caller = try access.caller.required()
        let reviewerId = reviewerId ?? caller.accountId
        try ConflictRules.checkDeclarer(access, for: reviewerId)
        try ConflictRules.validate(reason: reason)
        let conflict = DeclaredConflict(
            submissionId: submissionId, reviewerId: reviewerId, declaredBy: caller.accountId, reason: reason?.nilIfEmpty,
            createdAt: context.now)
        return try await context.store.transaction { tx in
            guard try await tx.reviewers(conferenceId: conference.id).contains(where: { $0.accountId == reviewerId }) else {
                throw DomainError.invalid("reviewerId", "is not a member of this conference's scientific committee (reviewer role)")
            }
            guard try await tx.submission(submissionId, conferenceId: conference.id, lock: .none) != nil else {
                throw DomainError.notFound("There is no proposal \(submissionId.uuidString.lowercased()) in this conference.")
            }
            try await tx.insertConflict(conflict, conferenceId: conference.id)
            try await tx.deleteReview(submissionId: submissionId, reviewerId: reviewerId)
            _ = try await tx.deleteAssignment(submissionId: submissionId, reviewerId: reviewerId)
            return conflict
        }
    }
}

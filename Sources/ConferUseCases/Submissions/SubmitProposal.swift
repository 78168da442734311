import ConferDomain
import Foundation

/// Its corresponding author (or an organizer) submits a draft, until the deadline for authors.
public struct SubmitProposal: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ id: String, in conference: Conference, by access: ConferenceAccess) async throws -> (Submission, SubmissionViewer) {
        let now = context.now
        return try await ProposalChanges.apply(id, in: conference, by: access, context: context) { current, viewer, _ in
            try SubmissionAccess.checkAuthorChange(viewer, conference: conference, now: now)
            return (try SubmissionState.submit(current, now: now), .submitted)
        }
    }
}

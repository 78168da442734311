import ConferDomain
import Foundation

/// Its corresponding author (or an organizer) deletes a draft; a proposal once submitted is withdrawn instead.
public struct DeleteProposal: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ id: String, in conference: Conference, by access: ConferenceAccess) async throws {
        _ = try access.caller.required()
        guard let submissionId = UUID(exactly: id) else { throw SubmissionAccess.notFound(id) }
        try await context.store.transaction { tx in
            guard let current = try await tx.submission(submissionId, conferenceId: conference.id, lock: .forUpdate),
                  let viewer = try await ProposalChanges.viewer(access, current, tx)
            else { throw SubmissionAccess.notFound(id) }
            try SubmissionAccess.requireEditor(viewer)
            try SubmissionState.checkDeletable(current)
            try await tx.deleteSubmission(current.id)
        }
    }
}

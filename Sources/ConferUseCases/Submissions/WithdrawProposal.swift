import ConferDomain
import Foundation

/// Its corresponding author (or an organizer) withdraws a proposal; an accepted one may be withdrawn after the
/// deadline, and leaves the program.
public struct WithdrawProposal: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ id: String, in conference: Conference, by access: ConferenceAccess) async throws -> (Submission, SubmissionViewer) {
        let now = context.now
        return try await ProposalChanges.apply(id, in: conference, by: access, context: context) { current, viewer, _ in
            try SubmissionAccess.checkAuthorChange(viewer, conference: conference, now: now, deadlineApplies: current.status != .accepted)
            return (try SubmissionState.withdraw(current, now: now), .withdrawn)
        }
    }
}

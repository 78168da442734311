import ConferDomain
import Foundation

/// Organizers accept or reject a submitted proposal, or change their decision until its authors are notified.
public struct DecideSubmission: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(
        _ id: String, _ decision: Decision, format: SubmissionFormat?, in conference: Conference, by access: ConferenceAccess
    ) async throws -> (Submission, SubmissionViewer) {
        let now = context.now
        return try await ProposalChanges.apply(id, in: conference, by: access, context: context) { current, viewer, _ in
            try SubmissionAccess.requireOrganizer(viewer)
            return (try SubmissionState.decide(current, decision, format: format, now: now), decision == .accepted ? .accepted : .rejected)
        }
    }
}

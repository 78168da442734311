import ConferDomain
import Foundation

/// Its corresponding author (or an organizer) edits a proposal's texts while it is a draft or submitted, until the
/// deadline for authors.
public struct EditProposal: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(
        _ id: String, _ input: SubmissionInput, ifMatch: String?, in conference: Conference, by access: ConferenceAccess
    ) async throws -> (Submission, SubmissionViewer) {
        let now = context.now
        let topicExists = try await TopicCheck.exists(input, in: conference, context.topics)
        return try await ProposalChanges.apply(id, in: conference, by: access, context: context) { current, viewer, _ in
            try SubmissionAccess.checkAuthorChange(viewer, conference: conference, now: now)
            try ETag.check(ifMatch: ifMatch, version: current.version)
            guard SubmissionState.isEditable(current.status) else {
                throw DomainError.conflict(code: "not-editable", detail: "A proposal that is \(current.status.rawValue) can no longer be edited.")
            }
            return (try SubmissionRules.apply(input, to: current, conference: conference, topicExists: topicExists, now: now), .edited)
        }
    }
}

import ConferDomain
import Foundation

/// A signed-in author (or an organizer) creates a draft proposal, until the deadline for authors.
public struct CreateProposal: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ input: SubmissionInput, in conference: Conference, by access: ConferenceAccess) async throws -> (Submission, SubmissionViewer) {
        let caller = try access.caller.required()
        let viewer: SubmissionViewer = access.isOrganizer ? .organizer : .owner
        let now = context.now
        try SubmissionAccess.checkDeadline(conference, viewer: viewer, now: now)
        let topicExists = try await TopicCheck.exists(input, in: conference, context.topics)
        var draft = try SubmissionRules.create(input, conference: conference, owner: caller, topicExists: topicExists, id: UUID(), now: now)
        draft.number = try await context.submissions.nextNumber(conferenceId: conference.id)
        guard let change = ProposalChange.between(nil, draft, action: .created, by: caller, as: viewer, now: now) else {
            preconditionFailure("a new proposal is always a change")
        }
        let created = try await context.store.transaction { tx in try await tx.save(change, isNew: true, conference: conference, engine: context.templates) }
        return (created, viewer)
    }
}

/// Whether the topic a request names (if it names one) belongs to the conference.
enum TopicCheck {
    static func exists(_ input: SubmissionInput, in conference: Conference, _ topics: any TopicRepository) async throws -> Bool {
        guard case .some(.some(let topicId)) = input.topicId else { return true }
        return try await topics.find(conferenceId: conference.id, id: topicId) != nil
    }
}

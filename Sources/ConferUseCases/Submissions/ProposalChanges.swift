import ConferDomain
import Foundation

/// The steps every change of an existing proposal shares: read it locked, find how the caller relates to it (404 for
/// a proposal they may not know of), let the use case's own rule decide, and store what changed.
enum ProposalChanges {
    /// Applies `decide` to the proposal `id` in one transaction. `decide` authorizes the caller and returns the next
    /// state and the action to record; nothing is written when nothing changed.
    static func apply(
        _ id: String, in conference: Conference, by access: ConferenceAccess, context: UseCaseContext,
        _ decide: @escaping @Sendable (Submission, SubmissionViewer, any Transaction) async throws -> (Submission, SubmissionAction)
    ) async throws -> (Submission, SubmissionViewer) {
        let caller = try access.caller.required()
        guard let submissionId = UUID(exactly: id) else { throw SubmissionAccess.notFound(id) }
        let now = context.now
        return try await context.store.transaction { tx in
            guard let current = try await tx.submission(submissionId, conferenceId: conference.id, lock: .forUpdate),
                  let viewer = try await viewer(access, current, tx)
            else { throw SubmissionAccess.notFound(id) }
            let (next, action) = try await decide(current, viewer, tx)
            guard let change = ProposalChange.between(current, next, action: action, by: caller, as: viewer, now: now) else {
                return (current, viewer)
            }
            return (try await tx.save(change, isNew: false, conference: conference, engine: context.templates), viewer)
        }
    }

    /// How the caller relates to the proposal; reviewers see it only while assigned to it.
    static func viewer(_ access: ConferenceAccess, _ submission: Submission, _ tx: any Transaction) async throws -> SubmissionViewer? {
        if let viewer = SubmissionAccess.viewer(access, submission: submission) { return viewer }
        guard let caller = access.caller, access.isReviewer,
              try await tx.isAssigned(submissionId: submission.id, reviewerId: caller.accountId)
        else { return nil }
        return SubmissionAccess.viewer(access, submission: submission, assigned: true)
    }
}

extension Transaction {
    /// Stores a change of a proposal: its warnings completed with the owner's most similar proposal, its talk removed
    /// when it leaves the program, and its event published. Returns the proposal as stored.
    func save(
        _ change: ProposalChange, isNew: Bool, conference: Conference, engine: any TemplateEngine
    ) async throws -> Submission {
        var submission = change.submission
        let similar = NearDuplicates.isChecked(submission)
            ? try await mostSimilar(
                to: submission.title + " " + submission.abstract, ownerId: submission.ownerId, excluding: submission.id,
                conferenceId: submission.conferenceId, threshold: NearDuplicates.threshold)
            : nil
        submission.warnings = NearDuplicates.warnings(of: submission, mostSimilar: similar)
        let stored: Submission
        if isNew {
            try await insert(submission, history: change.history)
            stored = submission
        } else {
            stored = try await update(submission, history: change.history)
        }
        if change.leavesProgram { try await deleteTalks(ofSubmission: stored.id) }
        try await publish([change.event(stored)], conference: conference, engine: engine)
        return stored
    }
}

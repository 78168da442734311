import Foundation

/// A step of a proposal's life as the domain decided it: the proposal to store, its history entry, and what follows.
public struct ProposalChange: Sendable, Equatable {
    public var submission: Submission
    public var history: HistoryEntry
    /// A withdrawn proposal leaves the program: its talk goes, and the next release lists it as removed.
    public var leavesProgram: Bool

    /// The change from `current` (nil for a new proposal) to `next` made by `caller` as `viewer`; nil when nothing
    /// changed, so that nothing is written.
    public static func between(
        _ current: Submission?, _ next: Submission, action: SubmissionAction, by caller: Caller, as viewer: SubmissionViewer,
        now: Date
    ) -> ProposalChange? {
        let changes = SubmissionDiff.changes(from: current, to: next)
        guard current == nil || !changes.isEmpty else { return nil }
        let history = HistoryEntry(
            submissionId: next.id, actorId: caller.accountId, actorName: caller.name,
            actorRole: SubmissionAccess.actorRole(viewer), action: action, changes: changes, at: now)
        return ProposalChange(submission: next, history: history, leavesProgram: next.status == .withdrawn && current?.status != .withdrawn)
    }

    /// What it makes happen, with the proposal as stored.
    public func event(_ stored: Submission) -> DomainEvent { .proposal(stored, history.action, at: history.at) }
}

extension NearDuplicates {
    /// Whether a save looks for its owner's similar proposals: a withdrawn proposal competes with none.
    public static func isChecked(_ s: Submission) -> Bool { s.status != .withdrawn }

    /// The proposal's warnings once the most similar of its owner's other live proposals is known (nil: none reaches
    /// `threshold`). Recomputed on every save, so fixing the text clears them.
    public static func warnings(of s: Submission, mostSimilar: (number: Int, score: Double)?) -> [SubmissionWarning] {
        let own = s.warnings.filter(\.isAnonymity)
        guard let mostSimilar else { return own }
        return own + [.possibleDuplicate(ofNumber: mostSimilar.number, score: mostSimilar.score)]
    }
}

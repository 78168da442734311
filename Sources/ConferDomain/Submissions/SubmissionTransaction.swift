import Foundation

/// What a use case's transaction reads and writes of proposals. A proposal, its authors and its history entry are
/// written together.
public protocol SubmissionTransaction: Sendable {
    /// One proposal of a conference with its authors.
    func submission(_ id: UUID, conferenceId: UUID, lock: RowLock) async throws -> Submission?
    /// The conference's proposals in one of `statuses`, with their authors, by number.
    func submissions(conferenceId: UUID, statuses: [SubmissionStatus], lock: RowLock) async throws -> [Submission]
    /// The owner's live proposal (not withdrawn, not `excluding`) whose title and abstract are most similar to `text`,
    /// if its similarity reaches `threshold`: its number and the similarity.
    func mostSimilar(
        to text: String, ownerId: UUID, excluding: UUID, conferenceId: UUID, threshold: Double
    ) async throws -> (number: Int, score: Double)?
    /// Stores a new proposal with its authors and first history entry.
    func insert(_ submission: Submission, history: HistoryEntry) async throws
    /// Stores a changed proposal with its authors and a history entry; returns it at its stored version.
    func update(_ submission: Submission, history: HistoryEntry) async throws -> Submission
    /// Deletes a proposal with its authors and history.
    func deleteSubmission(_ id: UUID) async throws
    /// Records that the authors of these proposals were told their decision.
    func markNotified(_ ids: [UUID], at: Date) async throws
}

import Foundation

/// Storage of proposals with their authors and history.
public protocol SubmissionRepository: Sendable {
    /// Stores a new proposal, its authors and its first history entry in one transaction; assigns its number.
    /// Adds a `possibleDuplicate` warning when its owner already has a similar proposal in the conference.
    func create(_ submission: Submission, history: HistoryEntry) async throws -> Submission
    /// One proposal of a conference, with its authors.
    func find(conferenceId: UUID, id: UUID) async throws -> Submission?
    /// A page of proposals matching `query`, with their authors (a constant number of statements).
    func list(conferenceId: UUID, query: SubmissionQuery, page: PageRequest) async throws -> Page<Submission>
    /// Every proposal matching `query`, for exports.
    func all(conferenceId: UUID, query: SubmissionQuery) async throws -> [Submission]
    /// Stores a changed proposal and its history entry if it is still at `ifVersion`; nil when another change came first.
    func update(_ submission: Submission, ifVersion: Int, history: HistoryEntry) async throws -> Submission?
    /// A page of a proposal's history, oldest first.
    func history(submissionId: UUID, page: PageRequest) async throws -> Page<HistoryEntry>
    /// The conference's proposals most similar to this one, above `NearDuplicates.threshold`, best first.
    func similar(conferenceId: UUID, submissionId: UUID, limit: Int) async throws -> [SimilarSubmission]
    /// Counts by status, format and topic.
    func stats(conferenceId: UUID) async throws -> SubmissionStats
}

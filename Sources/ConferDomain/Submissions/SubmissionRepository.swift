import Foundation

/// Reads of proposals with their authors and history, outside any transaction.
public protocol SubmissionRepository: Sendable {
    /// Takes the conference's next proposal number, in a statement of its own: every proposal of a conference takes it
    /// from the same row, so that row must be locked for one statement, not for the transaction that stores the
    /// proposal (measured with scripts/bench: 64 authors submitting at once queued behind it at 14 proposals a second).
    /// A proposal that then fails to be stored leaves a gap; numbers stay unique and increasing.
    func nextNumber(conferenceId: UUID) async throws -> Int
    /// One proposal of a conference, with its authors.
    func find(conferenceId: UUID, id: UUID) async throws -> Submission?
    /// A page of proposals matching `query`, with their authors (a constant number of statements).
    func list(conferenceId: UUID, query: SubmissionQuery, page: PageRequest) async throws -> Page<Submission>
    /// Every proposal matching `query`, for exports.
    func all(conferenceId: UUID, query: SubmissionQuery) async throws -> [Submission]
    /// A page of a proposal's history, oldest first.
    func history(submissionId: UUID, page: PageRequest) async throws -> Page<HistoryEntry>
    /// The conference's proposals most similar to this one, above `NearDuplicates.threshold`, best first.
    func similar(conferenceId: UUID, submissionId: UUID, limit: Int) async throws -> [SimilarSubmission]
    /// A page of the proposals an account created or is listed on by email, in every conference, oldest first.
    func mine(accountId: UUID, email: String, page: PageRequest) async throws -> Page<Submission>
    /// Counts by status, format and topic.
    func stats(conferenceId: UUID) async throws -> SubmissionStats
}

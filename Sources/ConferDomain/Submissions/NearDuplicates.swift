import Foundation

/// Proposals of one conference whose title and abstract read almost the same: the same work sent twice, or to two
/// work areas. Similarity is trigram similarity (PostgreSQL `pg_trgm`), from 0 (nothing shared) to 1 (same text).
public enum NearDuplicates {
    /// Texts that differ by a few words score above 0.8; unrelated abstracts of one field stay under 0.35.
    public static let threshold = 0.5
    public static let defaultLimit = 10
    public static let maxLimit = 50
}

/// A proposal found similar to another, with its score.
public struct SimilarSubmission: Sendable, Equatable {
    public var submission: Submission
    public var score: Double

    public init(submission: Submission, score: Double) {
        self.submission = submission
        self.score = score
    }
}

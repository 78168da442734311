import Foundation
@testable import ConferDomain

/// Reviewers, reviews and decided proposals of the reference conference, for the review domain tests.
enum ReviewFixtures {
    /// The instant organizers decide, after the deadline and before the notification date.
    static let decided = Fixtures.instant("2019-07-01T10:00:00+02:00")
    /// The instant authors are notified.
    static let notified = Fixtures.instant("2019-07-15T09:00:00+02:00")
    /// A later instant, for a second decision.
    static let redecided = Fixtures.instant("2019-07-03T18:00:00+02:00")

    /// A deterministic account id: `00000000-0000-0000-0000-00000000Exxx`, `n` in hexadecimal.
    static func accountId(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-00000000E%03X", n))!
    }

    /// A deterministic proposal id: `00000000-0000-0000-0000-0000000Fxxxx`.
    static func submissionId(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-0000000F%04X", n))!
    }

    /// A deterministic topic id.
    static func topicId(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-0000000D%04X", n))!
    }

    /// Reviewer number `n`, `reviewer<n>@example.org`.
    static func reviewer(_ n: Int, affiliation: String? = nil, topics: [UUID] = []) -> ReviewerProfile {
        ReviewerProfile(
            accountId: accountId(n), name: "Reviewer \(n)", email: "reviewer\(n)@example.org", affiliation: affiliation,
            topicIds: topics)
    }

    /// The reference conference in `mode`.
    static func conference(_ mode: ReviewMode = .doubleBlind) throws -> Conference {
        var conference = try Fixtures.referenceConference()
        conference.reviewMode = mode
        return conference
    }

    /// A review of the reference proposal.
    static func review(
        _ n: Int = 1, score: Int = 4, forAuthors: String = "Clear and well argued.", forCommittee: String? = nil
    ) -> Review {
        Review(
            id: UUID(uuidString: String(format: "00000000-0000-0000-0000-0000000AA%03X", n))!,
            conferenceId: Fixtures.conferenceId, submissionId: SubmissionFixtures.submissionId,
            reviewerId: accountId(n), reviewerName: "Reviewer \(n)", score: score, confidence: 3,
            commentsForAuthors: forAuthors, commentsForCommittee: forCommittee, createdAt: decided, updatedAt: decided,
            version: 1)
    }

    /// The reference proposal (Alice's, Bob co-author) in `status`, optionally notified.
    static func submission(_ status: SubmissionStatus, notifiedAt: Date? = nil) -> Submission {
        var s = SubmissionFixtures.submission(status: status)
        if status == .accepted || status == .rejected { s.decidedAt = decided }
        s.notifiedAt = notifiedAt
        return s
    }

    /// The problem code of a 409 conflict; nil for any other outcome.
    static func conflictCode(_ error: DomainError?) -> String? {
        SubmissionFixtures.conflictCode(error)
    }
}

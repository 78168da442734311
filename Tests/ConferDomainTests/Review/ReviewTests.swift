import Foundation
import Testing
@testable import ConferDomain

@Suite("Review rules and visibility")
struct ReviewTests {
    typealias R = ReviewFixtures

    static func validationError(
        score: Int = 4, confidence: Int = 3, forAuthors: String = "Clear and well argued.", forCommittee: String? = nil
    ) -> DomainError? {
        domainError { () throws(DomainError) in
            try ReviewRules.validate(
                score: score, confidence: confidence, commentsForAuthors: forAuthors, commentsForCommittee: forCommittee)
        }
    }

    // MARK: validate

    @Test("Every score and confidence from 1 to 5 is valid", arguments: 1...5)
    func validScale(value: Int) {
        #expect(Self.validationError(score: value, confidence: value) == nil)
        #expect(Self.validationError(score: value, confidence: 6 - value) == nil)
    }

    @Test("A score outside 1–5 is refused on score", arguments: [0, 6, -1, 10, Int.min, Int.max])
    func badScore(score: Int) {
        let error = Self.validationError(score: score)
        #expect(error?.fields == ["score"])
    }

    @Test("A confidence outside 1–5 is refused on confidence", arguments: [0, 6, -3, 100])
    func badConfidence(confidence: Int) {
        let error = Self.validationError(confidence: confidence)
        #expect(error?.fields == ["confidence"])
    }

    @Test("Both out of range: both named, score first")
    func bothBad() {
        #expect(Self.validationError(score: 0, confidence: 9)?.fields == ["score", "confidence"])
    }

    @Test("Comments for authors up to 20,000 characters are accepted, one more is refused on commentsForAuthors")
    func authorCommentsLimit() {
        #expect(Self.validationError(forAuthors: String(repeating: "a", count: 20_000)) == nil)
        let error = Self.validationError(forAuthors: String(repeating: "a", count: 20_001))
        #expect(error?.fields == ["commentsForAuthors"])
        #expect(error?.issues.first?.message.contains("20000") == true)
    }

    @Test("Comments for the committee up to 20,000 characters are accepted, one more is refused on commentsForCommittee")
    func committeeCommentsLimit() {
        #expect(Self.validationError(forCommittee: String(repeating: "é", count: 20_000)) == nil)
        #expect(Self.validationError(forCommittee: String(repeating: "é", count: 20_001))?.fields == ["commentsForCommittee"])
    }

    @Test("Characters, not bytes, are counted: 20,000 accented or emoji characters are fine")
    func charactersNotBytes() {
        #expect(Self.validationError(forAuthors: String(repeating: "é", count: 20_000)) == nil)
        #expect(Self.validationError(forAuthors: String(repeating: "👩‍⚕️", count: 20_000)) == nil)
    }

    @Test("Surrounding whitespace does not count toward the limit")
    func trimmedLength() {
        let padded = "   \n" + String(repeating: "a", count: 20_000) + "\n   "
        #expect(Self.validationError(forAuthors: padded) == nil)
    }

    @Test("Empty comments and no committee comments are valid")
    func emptyComments() {
        #expect(Self.validationError(forAuthors: "", forCommittee: nil) == nil)
        #expect(Self.validationError(forAuthors: "  ", forCommittee: "") == nil)
    }

    @Test("Every problem is reported at once, in order")
    func allIssues() {
        let long = String(repeating: "x", count: 20_001)
        let error = Self.validationError(score: 7, confidence: 0, forAuthors: long, forCommittee: long)
        #expect(error?.fields == ["score", "confidence", "commentsForAuthors", "commentsForCommittee"])
    }

    @Test("Comments containing a NUL character are refused")
    func nulCharacter() {
        #expect(Self.validationError(forAuthors: "ok\u{0}")?.fields == ["commentsForAuthors"])
    }

    // MARK: checkOpen

    @Test("A submitted proposal is open for review")
    func openWhenSubmitted() throws {
        try ReviewRules.checkOpen(R.submission(.submitted))
    }

    @Test("Any other proposal is closed for review: review-closed",
          arguments: [SubmissionStatus.draft, .accepted, .rejected, .withdrawn])
    func closed(status: SubmissionStatus) {
        let error = domainError { () throws(DomainError) in try ReviewRules.checkOpen(R.submission(status)) }
        #expect(R.conflictCode(error) == "review-closed")
        if case .conflict(_, let detail)? = error {
            #expect(detail.contains(status.rawValue))
        }
    }

    @Test("Every status is covered: only submitted is open")
    func onlySubmittedOpen() {
        for status in SubmissionStatus.allCases {
            let error = domainError { () throws(DomainError) in try ReviewRules.checkOpen(R.submission(status)) }
            #expect((error == nil) == (status == .submitted), "\(status)")
        }
    }

    // MARK: ReviewVisibility

    static func visibility(
        _ viewer: SubmissionViewer, notifiedAt: Date? = nil, mode: ReviewMode = .doubleBlind, hasOwnReview: Bool = false,
        status: SubmissionStatus = .accepted
    ) throws -> ReviewVisibility? {
        ReviewVisibility.of(
            viewer, submission: R.submission(status, notifiedAt: notifiedAt), conference: try R.conference(mode),
            hasOwnReview: hasOwnReview)
    }

    @Test("Organizers see everything, always", arguments: ReviewMode.allCases)
    func organizerFull(mode: ReviewMode) throws {
        #expect(try Self.visibility(.organizer, mode: mode) == .full)
        #expect(try Self.visibility(.organizer, notifiedAt: R.notified, mode: mode) == .full)
        #expect(try Self.visibility(.organizer, mode: mode, status: .submitted) == .full)
    }

    @Test("A reviewer who has reviewed it sees the committee view", arguments: ReviewMode.allCases)
    func reviewerWithReview(mode: ReviewMode) throws {
        #expect(try Self.visibility(.reviewer, mode: mode, hasOwnReview: true, status: .submitted) == .committee)
        #expect(try Self.visibility(.reviewer, notifiedAt: R.notified, mode: mode, hasOwnReview: true) == .committee)
    }

    @Test("A reviewer who has not reviewed it sees nothing", arguments: ReviewMode.allCases)
    func reviewerWithoutReview(mode: ReviewMode) throws {
        #expect(try Self.visibility(.reviewer, mode: mode, status: .submitted) == nil)
        #expect(try Self.visibility(.reviewer, notifiedAt: R.notified, mode: mode) == nil)
    }

    @Test("Authors see nothing before notification, even once decided",
          arguments: [SubmissionViewer.owner, .coAuthor], [SubmissionStatus.submitted, .accepted, .rejected])
    func authorsBeforeNotification(viewer: SubmissionViewer, status: SubmissionStatus) throws {
        for mode in ReviewMode.allCases {
            #expect(try Self.visibility(viewer, mode: mode, status: status) == nil)
            #expect(try Self.visibility(viewer, mode: mode, hasOwnReview: true, status: status) == nil)
        }
    }

    @Test("After notification authors see comments for authors; reviewers are named only in open review",
          arguments: [SubmissionViewer.owner, .coAuthor], [SubmissionStatus.accepted, .rejected])
    func authorsAfterNotification(viewer: SubmissionViewer, status: SubmissionStatus) throws {
        #expect(try Self.visibility(viewer, notifiedAt: R.notified, mode: .open, status: status) == .authors(showReviewers: true))
        #expect(try Self.visibility(viewer, notifiedAt: R.notified, mode: .singleBlind, status: status) == .authors(showReviewers: false))
        #expect(try Self.visibility(viewer, notifiedAt: R.notified, mode: .doubleBlind, status: status) == .authors(showReviewers: false))
    }

    // MARK: Review and summary values

    @Test("A review keeps what it was given")
    func reviewInit() {
        let review = R.review(2, score: 5, forAuthors: "Bravo", forCommittee: "Strong accept")
        #expect(review.reviewerId == R.accountId(2))
        #expect(review.score == 5)
        #expect(review.commentsForAuthors == "Bravo")
        #expect(review.commentsForCommittee == "Strong accept")
        #expect(ReviewSummary(count: 0, meanScore: nil) != ReviewSummary(count: 1, meanScore: 4))
    }
}

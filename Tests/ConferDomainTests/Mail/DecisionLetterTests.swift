import Foundation
import Testing
@testable import ConferDomain

@Suite("Decision messages and delivery")
struct DecisionLetterTests {
    typealias R = ReviewFixtures
    typealias S = SubmissionFixtures

    static func compose(
        status: SubmissionStatus, language: String = "fr", reviews: [Review] = [], format: SubmissionFormat = .oral
    ) throws -> [OutboundMessage] {
        var s = R.submission(status)
        s.language = language
        s.format = format
        if language == "en" {
            s.title = S.englishTitle
            s.abstract = S.englishAbstract
            s.translations = Translations(["fr": ["title": S.frenchTitle, "abstract": S.frenchAbstract]])
        }
        return try Letters.decision(s, conference: try Fixtures.referenceConference(), reviews: reviews)
    }

    // MARK: Recipients

    @Test("One message per author, to their email and name, kind decision-accepted or -rejected, about the proposal",
          arguments: [SubmissionStatus.accepted, .rejected])
    func oneMessagePerAuthor(status: SubmissionStatus) throws {
        let messages = try Self.compose(status: status)
        #expect(messages.count == 2)
        #expect(messages.map(\.recipient) == ["alice@example.org", "bob@example.org"])
        #expect(messages.map(\.recipientName) == ["Alice Martin", "Bob Durand"])
        for message in messages {
            #expect(message.kind == (status == .accepted ? "decision-accepted" : "decision-rejected"))
            #expect(message.submissionId == S.submissionId)
        }
        #expect(messages[0].body.contains("Alice Martin"))
        #expect(messages[1].body.contains("Bob Durand"))
        #expect(!messages[0].body.contains("Bob Durand"))
    }

    @Test("Five authors, five messages")
    func manyAuthors() throws {
        var s = R.submission(.accepted)
        s.authors = S.authors(5)
        let messages = try Letters.decision(s, conference: try Fixtures.referenceConference(), reviews: [])
        #expect(messages.map(\.recipient) == (1...5).map { "author\($0)@example.org" })
        #expect(messages.map(\.recipientName) == (1...5).map { "Author \($0)" })
    }

    // MARK: Language

    @Test("A French proposal, accepted: French subject with « acceptée », French body, French conference name")
    func frenchAccepted() throws {
        let message = try #require(try Self.compose(status: .accepted).first)
        #expect(message.language == "fr")
        #expect(message.subject.contains("acceptée"))
        #expect(message.subject.contains("n° 7"))
        #expect(message.subject.contains(Fixtures.frenchName))
        #expect(message.body.hasPrefix("Bonjour Alice Martin,"))
        #expect(message.body.contains("a été acceptée"))
        #expect(message.body.contains("communication orale"))
        #expect(message.body.contains(S.frenchTitle))
        #expect(message.body.contains("Le comité d'organisation"))
        #expect(!message.body.contains("Dear"))
    }

    @Test("A French proposal, rejected: French subject with « refusée », French body")
    func frenchRejected() throws {
        let message = try #require(try Self.compose(status: .rejected).first)
        #expect(message.language == "fr")
        #expect(message.subject.contains("refusée"))
        #expect(!message.subject.contains("acceptée"))
        #expect(message.body.contains("n'a pas été retenue"))
    }

    @Test("A regional French tag is French too")
    func frenchRegion() throws {
        let message = try #require(try Self.compose(status: .accepted, language: "fr-CA").first)
        #expect(message.language == "fr")
        #expect(message.subject.contains("acceptée"))
    }

    @Test("An English proposal: English subject and body, English conference name", arguments: [SubmissionStatus.accepted, .rejected])
    func english(status: SubmissionStatus) throws {
        let message = try #require(try Self.compose(status: status, language: "en").first)
        #expect(message.language == "en")
        #expect(message.subject.contains(status == .accepted ? "accepted" : "rejected"))
        #expect(message.subject.contains("#7"))
        #expect(message.subject.contains(Fixtures.englishName))
        #expect(message.body.hasPrefix("Dear Alice Martin,"))
        #expect(message.body.contains(S.englishTitle))
        #expect(message.body.contains("The organizing committee of \(Fixtures.englishName)"))
        #expect(!message.subject.contains("acceptée") && !message.subject.contains("refusée"))
        #expect(!message.body.contains("Bonjour"))
    }

    @Test("Any language other than French gets the English letter", arguments: ["de", "es", "it"])
    func otherLanguages(language: String) throws {
        let message = try #require(try Self.compose(status: .accepted, language: language).first)
        #expect(message.language == "en")
        #expect(message.body.hasPrefix("Dear "))
    }

    @Test("The accepted format is named in the proposal's language", arguments: [
        (SubmissionFormat.oral, "fr", "communication orale"), (.poster, "fr", "poster"), (.video, "fr", "vidéo"),
        (.oral, "en", "oral presentation"), (.poster, "en", "poster"), (.video, "en", "video"),
    ])
    func formatNames(format: SubmissionFormat, language: String, name: String) throws {
        let message = try #require(try Self.compose(status: .accepted, language: language, format: format).first)
        #expect(message.body.contains(name))
    }

    // MARK: Comments

    @Test("Comments for authors are included, numbered; committee comments never", arguments: ["fr", "en"])
    func comments(language: String) throws {
        let reviews = [
            R.review(1, forAuthors: "Très clair, bravo.", forCommittee: "SECRET-ONE: accept without hesitation"),
            R.review(2, forAuthors: "Please shorten the introduction.", forCommittee: "SECRET-TWO"),
        ]
        for message in try Self.compose(status: .accepted, language: language, reviews: reviews) {
            #expect(message.body.contains("Très clair, bravo."))
            #expect(message.body.contains("Please shorten the introduction."))
            #expect(!message.body.contains("SECRET"))
            #expect(!message.subject.contains("SECRET"))
            let first = try #require(message.body.range(of: "Très clair"))
            let second = try #require(message.body.range(of: "Please shorten"))
            #expect(first.lowerBound < second.lowerBound)
            #expect(message.body.contains(language == "fr" ? "Évaluation 2" : "Review 2"))
        }
    }

    @Test("Reviewer names never appear in the letter")
    func noReviewerNames() throws {
        let reviews = [R.review(1), R.review(2)]
        for message in try Self.compose(status: .rejected, reviews: reviews) {
            #expect(!message.body.contains("Reviewer 1"))
            #expect(!message.body.contains("Reviewer 2"))
        }
    }

    @Test("Blank comments are skipped and do not count in the numbering")
    func blankComments() throws {
        let reviews = [R.review(1, forAuthors: "   \n"), R.review(2, forAuthors: ""), R.review(3, forAuthors: "Solid work.")]
        let message = try #require(try Self.compose(status: .accepted, language: "en", reviews: reviews).first)
        #expect(message.body.contains("Review 1 —\nSolid work."))
        #expect(!message.body.contains("Review 2"))
        #expect(!message.body.contains("Review 3"))
    }

    @Test("Only blank comments, or none: no comments section", arguments: ["fr", "en"])
    func noCommentsSection(language: String) throws {
        for reviews in [[], [R.review(1, forAuthors: " "), R.review(2, forAuthors: "\t")]] {
            let message = try #require(try Self.compose(status: .rejected, language: language, reviews: reviews).first)
            #expect(!message.body.contains("Commentaires du comité"))
            #expect(!message.body.contains("Comments from the scientific committee"))
        }
    }

    @Test("Each author receives the same comments")
    func sameComments() throws {
        let messages = try Self.compose(status: .accepted, reviews: [R.review(1, forAuthors: "À revoir.")])
        #expect(messages.allSatisfy { $0.body.contains("À revoir.") })
        #expect(messages[0].subject == messages[1].subject)
    }

    // MARK: DeliveryPolicy

    @Test("Backoff doubles from 30 seconds", arguments: [(1, 30.0), (2, 60), (3, 120), (4, 240), (5, 480), (6, 960), (7, 1920)])
    func backoff(attempt: Int, seconds: TimeInterval) {
        #expect(DeliveryPolicy.delay(afterAttempt: attempt) == seconds)
    }

    @Test("Backoff is capped at one hour", arguments: [8, 9, 20, 100, 5000, Int.max])
    func backoffCap(attempt: Int) {
        #expect(DeliveryPolicy.delay(afterAttempt: attempt) == 3600)
    }

    @Test("Attempt 0 or below waits the first delay")
    func backoffFloor() {
        #expect(DeliveryPolicy.delay(afterAttempt: 0) == 30)
        #expect(DeliveryPolicy.delay(afterAttempt: -5) == 30)
    }

    @Test("Backoff never decreases")
    func backoffMonotonic() {
        let delays = (0...20).map(DeliveryPolicy.delay(afterAttempt:))
        #expect(zip(delays, delays.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test("Messages fail after 8 attempts")
    func maxAttempts() {
        #expect(DeliveryPolicy.maxAttempts == 8)
    }
}

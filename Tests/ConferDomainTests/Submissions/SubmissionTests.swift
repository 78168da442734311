import Foundation
import Testing
@testable import ConferDomain

@Suite("Submission")
struct SubmissionTests {
    typealias S = SubmissionFixtures

    @Test("searchableText holds the title, the abstract, every translation (by language) and the keywords")
    func searchableTextIncludesTranslationsAndKeywords() {
        var submission = S.submission()
        submission.translations = Translations([
            "en": ["title": S.englishTitle, "abstract": S.englishAbstract],
            "de": ["title": "Peer-Unterstützung"],
        ])
        #expect(submission.searchableText == [
            S.frenchTitle, S.frenchAbstract,
            "Peer-Unterstützung",  // de before en; a language without an abstract adds only its title
            S.englishTitle, S.englishAbstract,
            "pair-aidance", "santé mentale",
        ].joined(separator: "\n"))
    }

    @Test("searchableText without translations or keywords is the title and the abstract")
    func searchableTextOfPlainProposal() {
        var submission = S.submission()
        submission.translations = Translations()
        submission.keywords = []
        #expect(submission.searchableText == S.frenchTitle + "\n" + S.frenchAbstract)
    }

    @Test("hasAuthor finds an author's email whatever its case", arguments: [
        "bob@example.org", "BOB@EXAMPLE.ORG", "Bob@Example.org", "alice@example.org",
    ])
    func hasAuthorIgnoresCase(email: String) {
        #expect(S.submission().hasAuthor(email: email))
    }

    @Test("hasAuthor is false for an email no author has")
    func hasAuthorStranger() {
        let submission = S.submission()
        #expect(!submission.hasAuthor(email: "carol@example.org"))
        #expect(!submission.hasAuthor(email: "bob@example.com"))
        #expect(!submission.hasAuthor(email: ""))
    }

    @Test("An author's email stored in capitals is found in lower case")
    func hasAuthorStoredInCapitals() {
        var submission = S.submission()
        submission.authors = [SubmissionAuthor(name: "Élise Le Goff", email: "Elise.LeGoff@Univ-Rennes.FR", affiliation: nil, presenting: true)]
        #expect(submission.hasAuthor(email: "elise.legoff@univ-rennes.fr"))
    }

    @Test("A new input has every field absent")
    func emptyInput() {
        let input = SubmissionInput()
        #expect(input.title == nil)
        #expect(input.abstract == nil)
        #expect(input.topicId == nil)
        #expect(input.format == nil)
        #expect(input.videoJustification == nil)
        #expect(input.language == nil)
        #expect(input.keywords == nil)
        #expect(input.authors == nil)
        #expect(input.translations == nil)
    }
}

import Foundation
import Testing
@testable import ConferDomain

@Suite("SubmissionRules.create")
struct SubmissionRulesCreateTests {
    typealias S = SubmissionFixtures

    /// "é" as one precomposed scalar (U+00E9) and as "e" + combining acute accent (U+0065 U+0301).
    static let accents = ["\u{E9}", "e\u{301}"]

    // MARK: The new draft

    @Test("A new draft is a draft at version 1, without a number yet, owned by the caller")
    func newDraft() throws {
        let submission = try S.create()
        #expect(submission.id == S.submissionId)
        #expect(submission.conferenceId == Fixtures.conferenceId)
        #expect(submission.status == .draft)
        #expect(submission.version == 1)
        #expect(submission.number == 0)
        #expect(submission.ownerId == Fixtures.alice.accountId)
        #expect(submission.createdAt == S.drafted)
        #expect(submission.updatedAt == S.drafted)
        #expect(submission.submittedAt == nil)
        #expect(submission.withdrawnAt == nil)
    }

    @Test("A new draft holds every field of the request")
    func newDraftFields() throws {
        let submission = try S.create()
        #expect(submission.title == S.frenchTitle)
        #expect(submission.abstract == S.frenchAbstract)
        #expect(submission.language == "fr")
        #expect(submission.topicId == S.topicId)
        #expect(submission.format == .oral)
        #expect(submission.videoJustification == nil)
        #expect(submission.keywords == ["pair-aidance", "santé mentale"])
        #expect(submission.authors == [S.alice, S.bob])
        #expect(submission.translations == Translations(["en": ["title": S.englishTitle, "abstract": S.englishAbstract]]))
    }

    @Test("The owner is whoever creates it, even when not listed among the authors")
    func ownerIsTheCaller() throws {
        let submission = try S.create(owner: Fixtures.bob)
        #expect(submission.ownerId == Fixtures.bob.accountId)
        let byAdmin = try S.create(S.input { $0.authors = [S.bob.with(presenting: true)] }, owner: Fixtures.admin)
        #expect(byAdmin.ownerId == Fixtures.admin.accountId)
        #expect(!byAdmin.hasAuthor(email: Fixtures.admin.email))
    }

    @Test("A minimal draft needs only title, abstract, format, language and authors")
    func minimalDraft() throws {
        var input = SubmissionInput()
        input.title = "Pairs"
        input.abstract = "Résumé"
        input.format = .poster
        input.language = "en"
        input.authors = [S.alice]
        let submission = try S.create(input, topicExists: false)
        #expect(submission.format == .poster)
        #expect(submission.language == "en")
        #expect(submission.topicId == nil)
        #expect(submission.keywords == [])
        #expect(submission.translations == Translations())
    }

    // MARK: Required fields

    @Test("An empty request names every required field, in order")
    func everyRequiredFieldNamed() throws {
        let error = try S.createError(SubmissionInput())
        #expect(error?.fields == ["title", "abstract", "format", "language", "authors"])
        #expect(error?.issues.allSatisfy { $0.message == "is required" } == true)
    }

    @Test("Each missing required field is named alone", arguments: ["title", "abstract", "format", "language", "authors"])
    func eachRequiredField(field: String) throws {
        let input = S.input {
            switch field {
            case "title": $0.title = nil
            case "abstract": $0.abstract = nil
            case "format": $0.format = nil
            case "language": $0.language = nil
            default: $0.authors = nil
            }
        }
        let error = try S.createError(input)
        #expect(error?.issues == [FieldIssue(field: field, message: "is required")])
    }

    @Test("Topic, video justification, keywords and translations are optional")
    func optionalFields() throws {
        let submission = try S.create(S.input {
            $0.topicId = nil
            $0.videoJustification = nil
            $0.keywords = nil
            $0.translations = nil
        })
        #expect(submission.topicId == nil)
        #expect(submission.keywords == [])
        #expect(submission.translations == Translations())
    }

    // MARK: Title and abstract

    @Test("An abstract of 3,000 accented characters fits the reference conference", arguments: accents)
    func abstractAtTheLimit(accent: String) throws {
        let abstract = String(repeating: accent, count: 3000)
        #expect(abstract.utf8.count > 3000)
        let submission = try S.create(S.input { $0.abstract = abstract })
        #expect(submission.abstract.count == 3000)
        #expect(submission.abstract == abstract)
    }

    @Test("An abstract of 3,001 accented characters is refused", arguments: accents)
    func abstractOverTheLimit(accent: String) throws {
        let error = try S.createError(S.input { $0.abstract = String(repeating: accent, count: 3001) })
        #expect(error?.issues == [FieldIssue(field: "abstract", message: "must be at most 3000 characters long (it has 3001)")])
    }

    @Test("A decomposed é counts as one character: 3,000 of them are 6,000 scalars but fit")
    func decomposedAccentCountsOnce() throws {
        let abstract = String(repeating: "e\u{301}", count: 3000)
        #expect(abstract.unicodeScalars.count == 6000)
        #expect(abstract.count == 3000)
        #expect(try S.createError(S.input { $0.abstract = abstract }) == nil)
    }

    @Test("The limit is the conference's abstractMaxLength, not a fixed 3,000")
    func abstractLimitFollowsConference() throws {
        var conference = try Fixtures.referenceConference()
        conference.abstractMaxLength = 100
        let input = S.input { $0.abstract = String(repeating: "é", count: 101) }
        let error = domainError { () throws(DomainError) in
            try SubmissionRules.create(
                input, conference: conference, owner: Fixtures.alice, topicExists: true, id: S.submissionId, now: S.drafted)
        }
        #expect(error?.fields == ["abstract"])
        let fits = S.input { $0.abstract = String(repeating: "é", count: 100) }
        #expect(try S.create(fits, conference: conference).abstract.count == 100)
    }

    @Test("A blank abstract is refused", arguments: ["", "   ", "\n\t"])
    func blankAbstract(abstract: String) throws {
        let error = try S.createError(S.input { $0.abstract = abstract })
        #expect(error?.issues == [FieldIssue(field: "abstract", message: "must not be blank")])
    }

    @Test("A title of 1 or 300 characters passes", arguments: [1, 300])
    func titleWithinLimits(length: Int) throws {
        let title = String(repeating: "é", count: length)
        #expect(try S.create(S.input { $0.title = title }).title == title)
    }

    @Test("A title of 301 characters is refused")
    func titleTooLong() throws {
        let error = try S.createError(S.input { $0.title = String(repeating: "é", count: 301) })
        #expect(error?.issues == [FieldIssue(field: "title", message: "must be at most 300 characters long (it has 301)")])
    }

    @Test("An empty or blank title is refused", arguments: ["", " ", "\n"])
    func blankTitle(title: String) throws {
        let error = try S.createError(S.input { $0.title = title })
        #expect(error?.issues == [FieldIssue(field: "title", message: "must not be blank")])
    }

    @Test("Title and abstract are trimmed")
    func titleAndAbstractTrimmed() throws {
        let submission = try S.create(S.input {
            $0.title = "  \(S.frenchTitle)\n"
            $0.abstract = "\n\n\(S.frenchAbstract) \t"
        })
        #expect(submission.title == S.frenchTitle)
        #expect(submission.abstract == S.frenchAbstract)
    }

    // MARK: Topic

    @Test("A topic that is not the conference's is refused on topicId")
    func unknownTopic() throws {
        let error = try S.createError(S.input(), topicExists: false)
        #expect(error?.issues == [FieldIssue(field: "topicId", message: "is not a work area or topic of this conference")])
    }

    @Test("topicExists is ignored when no topic is given", arguments: [false, true])
    func noTopicIgnoresTopicExists(topicExists: Bool) throws {
        let absent = try S.create(S.input { $0.topicId = nil }, topicExists: topicExists)
        #expect(absent.topicId == nil)
        let explicitNull = try S.create(S.input { $0.topicId = .some(nil) }, topicExists: topicExists)
        #expect(explicitNull.topicId == nil)
    }

    // MARK: Format

    @Test("A video without a justification is refused on videoJustification", arguments: [nil, "", "   \n"])
    func videoWithoutJustification(justification: String?) throws {
        let error = try S.createError(S.input {
            $0.format = .video
            $0.videoJustification = justification
        })
        #expect(error?.fields == ["videoJustification"])
    }

    @Test("A video with a justification passes; the justification is trimmed")
    func videoWithJustification() throws {
        let submission = try S.create(S.input {
            $0.format = .video
            $0.videoJustification = "  L'intervenante ne peut pas se déplacer (handicap moteur). "
        })
        #expect(submission.format == .video)
        #expect(submission.videoJustification == "L'intervenante ne peut pas se déplacer (handicap moteur).")
    }

    @Test("A justification over 2,000 characters is refused")
    func justificationTooLong() throws {
        let error = try S.createError(S.input {
            $0.format = .video
            $0.videoJustification = String(repeating: "é", count: 2001)
        })
        #expect(error?.fields == ["videoJustification"])
    }

    @Test("Oral and poster proposals need no justification", arguments: [SubmissionFormat.oral, .poster])
    func noJustificationOutsideVideo(format: SubmissionFormat) throws {
        #expect(try S.create(S.input { $0.format = format }).format == format)
    }

    // MARK: Language

    @Test("A language the conference lacks is refused on language", arguments: ["de", "FR", "fr-FR", ""])
    func foreignLanguage(language: String) throws {
        let error = try S.createError(S.input {
            $0.language = language
            $0.translations = nil
        })
        #expect(error?.issues == [FieldIssue(field: "language", message: "must be one of the conference's languages (fr, en)")])
    }

    @Test("Either of the conference's languages is accepted")
    func englishProposal() throws {
        let submission = try S.create(S.input {
            $0.language = "en"
            $0.title = S.englishTitle
            $0.abstract = S.englishAbstract
            $0.translations = Translations(["fr": ["title": S.frenchTitle, "abstract": S.frenchAbstract]])
        })
        #expect(submission.language == "en")
        #expect(submission.translations.text("title", in: "fr") == S.frenchTitle)
    }

    // MARK: Keywords

    @Test("Ten keywords pass, eleven are refused on keywords")
    func keywordCount() throws {
        let ten = (1...10).map { "mot-clé \($0)" }
        #expect(try S.create(S.input { $0.keywords = ten }).keywords == ten)
        let error = try S.createError(S.input { $0.keywords = ten + ["onzième"] })
        #expect(error?.issues == [FieldIssue(field: "keywords", message: "must list at most 10 keywords")])
    }

    @Test("A blank keyword is named by its index", arguments: ["", "  ", "\t"])
    func blankKeyword(keyword: String) throws {
        let error = try S.createError(S.input { $0.keywords = ["pairs", "santé", keyword, "handicap"] })
        #expect(error?.issues == [FieldIssue(field: "keywords[2]", message: "must not be blank")])
    }

    @Test("A keyword over 100 characters is named by its index")
    func keywordTooLong() throws {
        let error = try S.createError(S.input { $0.keywords = [String(repeating: "k", count: 101), "ok"] })
        #expect(error?.fields == ["keywords[0]"])
    }

    @Test("Keywords are trimmed and keep their order")
    func keywordsTrimmed() throws {
        let submission = try S.create(S.input { $0.keywords = [" santé mentale ", "pair-aidance\n"] })
        #expect(submission.keywords == ["santé mentale", "pair-aidance"])
    }

    // MARK: Authors

    @Test("No author is refused on authors, once")
    func noAuthors() throws {
        let error = try S.createError(S.input { $0.authors = [] })
        #expect(error?.issues == [FieldIssue(field: "authors", message: "must list 1 to 20 authors")])
    }

    @Test("Twenty authors pass, twenty-one are refused on authors")
    func authorCount() throws {
        #expect(try S.create(S.input { $0.authors = S.authors(20) }).authors.count == 20)
        let error = try S.createError(S.input { $0.authors = S.authors(21) })
        #expect(error?.issues == [FieldIssue(field: "authors", message: "must list 1 to 20 authors")])
    }

    @Test("Without a presenting author the proposal is refused on authors")
    func noPresentingAuthor() throws {
        var alice = S.alice
        alice.presenting = false
        let error = try S.createError(S.input { $0.authors = [alice, S.bob] })
        #expect(error?.issues == [FieldIssue(field: "authors", message: "must have at least one presenting author")])
    }

    @Test("Any author may be the presenting one, and several may present")
    func presentingAuthorAnywhere() throws {
        var alice = S.alice
        alice.presenting = false
        var bob = S.bob
        bob.presenting = true
        #expect(try S.createError(S.input { $0.authors = [alice, bob] }) == nil)
        alice.presenting = true
        #expect(try S.createError(S.input { $0.authors = [alice, bob] }) == nil)
    }

    @Test("A bad author email is named by its index", arguments: ["bob", "bob@", "@example.org", "bob@example", "bob durand@example.org", ""])
    func badAuthorEmail(email: String) throws {
        var bob = S.bob
        bob.email = email
        let error = try S.createError(S.input { $0.authors = [S.alice, bob] })
        #expect(error?.issues == [FieldIssue(field: "authors[1].email", message: "must be an email address")])
    }

    @Test("The same author email twice is refused on the second, ignoring case and spaces")
    func duplicateAuthorEmail() throws {
        let again = SubmissionAuthor(name: "A. Martin", email: " ALICE@Example.ORG ", affiliation: nil, presenting: false)
        let error = try S.createError(S.input { $0.authors = [S.alice, S.bob, again] })
        #expect(error?.issues == [FieldIssue(field: "authors[2].email", message: "lists the same author twice")])
    }

    @Test("A blank or over-long author name, or an over-long affiliation, is named by its index")
    func authorNameAndAffiliation() throws {
        var bob = S.bob
        bob.name = "  "
        var carol = SubmissionAuthor(name: String(repeating: "c", count: 201), email: "carol@example.org",
                                     affiliation: String(repeating: "a", count: 301), presenting: false)
        var error = try S.createError(S.input { $0.authors = [S.alice, bob, carol] })
        #expect(error?.fields == ["authors[1].name", "authors[2].name", "authors[2].affiliation"])
        carol.name = String(repeating: "c", count: 200)
        carol.affiliation = String(repeating: "a", count: 300)
        error = try S.createError(S.input { $0.authors = [S.alice, carol] })
        #expect(error == nil)
    }

    @Test("Author names, emails and affiliations are trimmed; a blank affiliation is absent")
    func authorsTrimmed() throws {
        let submission = try S.create(S.input {
            $0.authors = [
                SubmissionAuthor(name: "  Alice Martin ", email: " alice@example.org\n", affiliation: " Université Rennes 2 ", presenting: true),
                SubmissionAuthor(name: "Bob Durand", email: "bob@example.org", affiliation: "   ", presenting: false),
            ]
        })
        #expect(submission.authors == [S.alice, S.bob])
    }

    // MARK: Translations

    @Test("A translation in a language the conference lacks is refused on translations.de")
    func translationInForeignLanguage() throws {
        let error = try S.createError(S.input {
            $0.translations = Translations(["en": ["title": S.englishTitle], "de": ["title": "Peer-Unterstützung"]])
        })
        #expect(error?.issues == [FieldIssue(field: "translations.de", message: "is not one of the conference's languages (fr, en)")])
    }

    @Test("A translation repeating the proposal's own language is refused on translations.fr")
    func translationInOwnLanguage() throws {
        let error = try S.createError(S.input {
            $0.translations = Translations(["fr": ["title": "Autre titre"], "en": ["title": S.englishTitle]])
        })
        #expect(error?.issues == [FieldIssue(
            field: "translations.fr", message: "repeats the proposal's own language; put those texts in title and abstract")])
    }

    @Test("A translated abstract over the conference's limit is refused on translations.en.abstract")
    func translatedAbstractTooLong() throws {
        let error = try S.createError(S.input {
            $0.translations = Translations(["en": ["title": S.englishTitle, "abstract": String(repeating: "e\u{301}", count: 3001)]])
        })
        #expect(error?.issues == [FieldIssue(field: "translations.en.abstract", message: "must be at most 3000 characters long (it has 3001)")])
    }

    @Test("A translated abstract of 3,000 accented characters passes")
    func translatedAbstractAtTheLimit() throws {
        let abstract = String(repeating: "e\u{301}", count: 3000)
        let submission = try S.create(S.input { $0.translations = Translations(["en": ["abstract": abstract]]) })
        #expect(submission.translations.text("abstract", in: "en") == abstract)
        #expect(submission.translations.text("title", in: "en") == nil)
    }

    @Test("A translated title over 300 characters, a blank one or an unknown field is named")
    func translatedTitleAndUnknownField() throws {
        let long = try S.createError(S.input { $0.translations = Translations(["en": ["title": String(repeating: "t", count: 301)]]) })
        #expect(long?.fields == ["translations.en.title"])
        let blank = try S.createError(S.input { $0.translations = Translations(["en": ["title": " "]]) })
        #expect(blank?.issues == [FieldIssue(field: "translations.en.title", message: "must not be blank")])
        let unknown = try S.createError(S.input { $0.translations = Translations(["en": ["summary": "Short"]]) })
        #expect(unknown?.issues == [FieldIssue(field: "translations.en.summary", message: "is not a translatable field")])
    }

    // MARK: Every issue at once

    @Test("Every broken rule is reported at once, in a stable order")
    func everyIssueAtOnce() throws {
        let error = try S.createError(S.input {
            $0.title = " "
            $0.abstract = nil
            $0.language = "de"
            $0.format = .video
            $0.keywords = ["ok", ""]
            $0.authors = []
            $0.translations = Translations(["it": ["title": "Pari"]])
        }, topicExists: false)
        #expect(error?.fields == [
            "abstract", "title", "language", "topicId", "keywords[1]", "authors", "translations.it", "videoJustification",
        ])
    }
}

@Suite("SubmissionRules.apply")
struct SubmissionRulesApplyTests {
    typealias S = SubmissionFixtures

    @Test("Only the given field changes; the version goes up by one and updatedAt is now")
    func onlyGivenFieldsChange() throws {
        let current = S.submission()
        var input = SubmissionInput()
        input.title = "  Nouveau titre  "
        let updated = try S.apply(input, to: current)
        var expected = current
        expected.title = "Nouveau titre"
        expected.version = current.version + 1
        expected.updatedAt = S.edited
        #expect(updated == expected)
    }

    @Test("An empty change keeps every field and still bumps version and updatedAt")
    func emptyChange() throws {
        let current = S.submission(status: .submitted)
        let updated = try S.apply(SubmissionInput(), to: current)
        #expect(updated.version == 4)
        #expect(updated.updatedAt == S.edited)
        var expected = current
        expected.version = 4
        expected.updatedAt = S.edited
        #expect(updated == expected)
    }

    @Test("Status, number, owner and creation date never change by apply")
    func identityKept() throws {
        let current = S.submission(status: .submitted)
        let updated = try S.apply(S.input(), to: current)
        #expect(updated.id == current.id)
        #expect(updated.status == .submitted)
        #expect(updated.number == 7)
        #expect(updated.ownerId == Fixtures.alice.accountId)
        #expect(updated.createdAt == S.drafted)
        #expect(updated.submittedAt == S.drafted)
    }

    @Test("Several fields change together")
    func severalFields() throws {
        var input = SubmissionInput()
        input.abstract = "Un autre résumé."
        input.format = .poster
        input.keywords = []
        input.authors = [S.bob.with(presenting: true)]
        let updated = try S.apply(input, to: S.submission())
        #expect(updated.abstract == "Un autre résumé.")
        #expect(updated.format == .poster)
        #expect(updated.keywords == [])
        #expect(updated.authors == [S.bob.with(presenting: true)])
        #expect(updated.title == S.frenchTitle)
        #expect(updated.topicId == S.topicId)
    }

    @Test("topicId .some(nil) clears the topic, whatever topicExists says", arguments: [false, true])
    func clearTopic(topicExists: Bool) throws {
        var input = SubmissionInput()
        input.topicId = .some(nil)
        let updated = try S.apply(input, to: S.submission(), topicExists: topicExists)
        #expect(updated.topicId == nil)
    }

    @Test("An absent topicId keeps the topic, even when topicExists is false")
    func absentTopicKept() throws {
        var input = SubmissionInput()
        input.title = "Titre"
        let updated = try S.apply(input, to: S.submission(), topicExists: false)
        #expect(updated.topicId == S.topicId)
    }

    @Test("Moving to another topic needs it to exist")
    func changeTopic() throws {
        var input = SubmissionInput()
        input.topicId = .some(S.otherTopicId)
        #expect(try S.apply(input, to: S.submission()).topicId == S.otherTopicId)
        #expect(try S.applyError(input, to: S.submission(), topicExists: false)?.fields == ["topicId"])
    }

    @Test("Switching a proposal without justification to video is refused")
    func switchToVideoWithoutJustification() throws {
        var input = SubmissionInput()
        input.format = .video
        let error = try S.applyError(input, to: S.submission())
        #expect(error?.fields == ["videoJustification"])
    }

    @Test("Switching to video with a justification in the same change passes")
    func switchToVideoWithJustification() throws {
        var input = SubmissionInput()
        input.format = .video
        input.videoJustification = "Déplacement impossible"
        let updated = try S.apply(input, to: S.submission())
        #expect(updated.format == .video)
        #expect(updated.videoJustification == "Déplacement impossible")
    }

    @Test("A proposal that already has a justification may switch to video alone")
    func switchToVideoWithStoredJustification() throws {
        var current = S.submission()
        current.videoJustification = "Déplacement impossible"
        var input = SubmissionInput()
        input.format = .video
        #expect(try S.apply(input, to: current).format == .video)
    }

    @Test("Clearing the justification of a video is refused; of an oral proposal it is allowed")
    func clearJustification() throws {
        var video = S.submission()
        video.format = .video
        video.videoJustification = "Déplacement impossible"
        var input = SubmissionInput()
        input.videoJustification = ""
        #expect(try S.applyError(input, to: video)?.fields == ["videoJustification"])
        input.format = .oral
        let oral = try S.apply(input, to: video)
        #expect(oral.format == .oral)
        #expect(oral.videoJustification == nil)
    }

    @Test("Changed fields are validated as on creation")
    func changesValidated() throws {
        var input = SubmissionInput()
        input.title = String(repeating: "é", count: 301)
        input.abstract = String(repeating: "é", count: 3001)
        input.language = "de"
        input.keywords = Array(repeating: "mot", count: 11)
        input.authors = [S.alice, S.alice]
        let error = try S.applyError(input, to: S.submission())
        #expect(error?.fields == ["title", "abstract", "language", "keywords", "authors[1].email"])
    }

    @Test("Translations merge field by field: a new abstract keeps the translated title")
    func translationsMergeFieldByField() throws {
        var input = SubmissionInput()
        input.translations = Translations(["en": ["abstract": "A new English abstract."]])
        let updated = try S.apply(input, to: S.submission())
        #expect(updated.translations == Translations(["en": ["title": S.englishTitle, "abstract": "A new English abstract."]]))
    }

    @Test("A translation is added to a proposal that had none")
    func translationAdded() throws {
        var current = S.submission()
        current.translations = Translations()
        var input = SubmissionInput()
        input.translations = Translations(["en": ["title": S.englishTitle]])
        #expect(try S.apply(input, to: current).translations == Translations(["en": ["title": S.englishTitle]]))
    }

    @Test("An empty translations object keeps the stored translations")
    func emptyTranslationsKept() throws {
        var input = SubmissionInput()
        input.translations = Translations()
        #expect(try S.apply(input, to: S.submission()).translations == S.submission().translations)
    }

    @Test("Translation errors on apply are named like on creation")
    func translationErrorsOnApply() throws {
        var input = SubmissionInput()
        input.translations = Translations(["de": ["title": "Peer-Unterstützung"]])
        #expect(try S.applyError(input, to: S.submission())?.fields == ["translations.de"])
        input.translations = Translations(["fr": ["title": "Autre titre"]])
        #expect(try S.applyError(input, to: S.submission())?.fields == ["translations.fr"])
        input.translations = Translations(["en": ["abstract": String(repeating: "é", count: 3001)]])
        #expect(try S.applyError(input, to: S.submission())?.fields == ["translations.en.abstract"])
    }

    @Test("Changing the language to that of an existing translation is refused on translations.<language>")
    func languageSwitchOntoTranslation() throws {
        var input = SubmissionInput()
        input.language = "en"
        let error = try S.applyError(input, to: S.submission())
        #expect(error?.fields == ["translations.en"])
    }

    @Test("Swapping language, texts and translation in one change passes when the old translation is moved")
    func languageSwitchWithoutTranslation() throws {
        var current = S.submission()
        current.translations = Translations()
        var input = SubmissionInput()
        input.language = "en"
        input.title = S.englishTitle
        input.abstract = S.englishAbstract
        input.translations = Translations(["fr": ["title": S.frenchTitle, "abstract": S.frenchAbstract]])
        let updated = try S.apply(input, to: current)
        #expect(updated.language == "en")
        #expect(updated.title == S.englishTitle)
        #expect(updated.translations == Translations(["fr": ["title": S.frenchTitle, "abstract": S.frenchAbstract]]))
    }

    @Test("A refused change reports the issue, not a half-applied proposal")
    func refusedChangeThrows() throws {
        var input = SubmissionInput()
        input.title = "Titre valable"
        input.authors = []
        let error = try S.applyError(input, to: S.submission())
        #expect(error?.issues == [FieldIssue(field: "authors", message: "must list 1 to 20 authors")])
    }
}

extension SubmissionAuthor {
    /// This author with `presenting` set.
    fileprivate func with(presenting: Bool) -> SubmissionAuthor {
        var author = self
        author.presenting = presenting
        return author
    }
}

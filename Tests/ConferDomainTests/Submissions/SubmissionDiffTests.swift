import Foundation
import Testing
@testable import ConferDomain

@Suite("SubmissionDiff")
struct SubmissionDiffTests {
    typealias S = SubmissionFixtures

    static let renderedAuthors =
        "Alice Martin <alice@example.org> (Université Rennes 2), presenting; Bob Durand <bob@example.org>"

    @Test("A creation lists every non-empty field, in order, with no before value")
    func creationListsEveryField() throws {
        let created = try S.create()
        #expect(SubmissionDiff.changes(from: nil, to: created) == [
            FieldChange(field: "status", before: nil, after: "draft"),
            FieldChange(field: "title", before: nil, after: S.frenchTitle),
            FieldChange(field: "abstract", before: nil, after: S.frenchAbstract),
            FieldChange(field: "language", before: nil, after: "fr"),
            FieldChange(field: "topicId", before: nil, after: "00000000-0000-0000-0000-0000000000d1"),
            FieldChange(field: "format", before: nil, after: "oral"),
            FieldChange(field: "keywords", before: nil, after: "pair-aidance, santé mentale"),
            FieldChange(field: "authors", before: nil, after: Self.renderedAuthors),
            FieldChange(field: "translations.en.title", before: nil, after: S.englishTitle),
            FieldChange(field: "translations.en.abstract", before: nil, after: S.englishAbstract),
        ])
    }

    @Test("A creation leaves out the empty fields and lists a video justification")
    func creationLeavesOutEmptyFields() throws {
        let created = try S.create(S.input {
            $0.topicId = nil
            $0.keywords = []
            $0.translations = Translations(["en": ["title": S.englishTitle]])
            $0.format = .video
            $0.videoJustification = "Déplacement impossible"
        })
        let changes = SubmissionDiff.changes(from: nil, to: created)
        #expect(changes.map(\.field) == [
            "status", "title", "abstract", "language", "format", "videoJustification", "authors", "translations.en.title",
        ])
        #expect(changes.allSatisfy { $0.before == nil && $0.after != nil })
        #expect(changes.first { $0.field == "videoJustification" }?.after == "Déplacement impossible")
    }

    @Test("An edit lists exactly the changed fields, in the fixed order whatever the request's order")
    func editListsChangedFields() throws {
        let current = S.submission()
        var input = SubmissionInput()
        input.translations = Translations(["en": ["title": "Peer support in mental health"]])
        input.authors = [S.alice]
        input.keywords = ["pair-aidance"]
        input.title = "Pair-aidance en santé mentale"
        let updated = try S.apply(input, to: current)
        #expect(SubmissionDiff.changes(from: current, to: updated) == [
            FieldChange(field: "title", before: S.frenchTitle, after: "Pair-aidance en santé mentale"),
            FieldChange(field: "keywords", before: "pair-aidance, santé mentale", after: "pair-aidance"),
            FieldChange(field: "authors", before: Self.renderedAuthors,
                        after: "Alice Martin <alice@example.org> (Université Rennes 2), presenting"),
            FieldChange(field: "translations.en.title", before: S.englishTitle, after: "Peer support in mental health"),
        ])
    }

    @Test("Changing the format, justification, topic and abstract lists them in order")
    func editOtherFields() throws {
        let current = S.submission()
        var input = SubmissionInput()
        input.videoJustification = "Déplacement impossible"
        input.format = .video
        input.topicId = .some(nil)
        input.abstract = "Résumé court."
        let updated = try S.apply(input, to: current)
        #expect(SubmissionDiff.changes(from: current, to: updated) == [
            FieldChange(field: "abstract", before: S.frenchAbstract, after: "Résumé court."),
            FieldChange(field: "topicId", before: "00000000-0000-0000-0000-0000000000d1", after: nil),
            FieldChange(field: "format", before: "oral", after: "video"),
            FieldChange(field: "videoJustification", before: nil, after: "Déplacement impossible"),
        ])
    }

    @Test("Keywords cleared have no after value; a new translation language has no before value")
    func keywordsClearedAndTranslationAdded() {
        var old = S.submission()
        old.translations = Translations()
        var new = old
        new.keywords = []
        new.translations = Translations(["en": ["abstract": S.englishAbstract]])
        #expect(SubmissionDiff.changes(from: old, to: new) == [
            FieldChange(field: "keywords", before: "pair-aidance, santé mentale", after: nil),
            FieldChange(field: "translations.en.abstract", before: nil, after: S.englishAbstract),
        ])
    }

    @Test("A translation language that disappears is listed with no after value")
    func translationRemoved() {
        let old = S.submission()
        var new = old
        new.translations = Translations()
        #expect(SubmissionDiff.changes(from: old, to: new) == [
            FieldChange(field: "translations.en.title", before: S.englishTitle, after: nil),
            FieldChange(field: "translations.en.abstract", before: S.englishAbstract, after: nil),
        ])
    }

    @Test("Translation languages come in alphabetical order")
    func translationLanguagesSorted() {
        var old = S.submission()
        old.translations = Translations()
        var new = old
        new.translations = Translations(["fr": ["title": "Titre"], "en": ["title": "Title"], "de": ["title": "Titel"]])
        #expect(SubmissionDiff.changes(from: old, to: new).map(\.field) == [
            "translations.de.title", "translations.en.title", "translations.fr.title",
        ])
    }

    @Test("A status change lists only the status")
    func statusChange() throws {
        let draft = S.submission(status: .draft)
        let submitted = try SubmissionState.submit(draft, now: S.edited)
        #expect(SubmissionDiff.changes(from: draft, to: submitted) == [
            FieldChange(field: "status", before: "draft", after: "submitted"),
        ])
    }

    @Test("No change gives no field, even when version and updatedAt moved")
    func noChange() throws {
        let current = S.submission()
        #expect(SubmissionDiff.changes(from: current, to: current).isEmpty)
        let bumped = try S.apply(SubmissionInput(), to: current)
        #expect(bumped.version != current.version)
        #expect(SubmissionDiff.changes(from: current, to: bumped).isEmpty)
        let same = try S.apply(S.input(), to: current)
        #expect(SubmissionDiff.changes(from: current, to: same).isEmpty)
    }

    @Test("A change of an author's affiliation or presenting flag shows in authors")
    func authorDetailChange() {
        let old = S.submission()
        var new = old
        new.authors[1].affiliation = "EHESP"
        new.authors[1].presenting = true
        #expect(SubmissionDiff.changes(from: old, to: new) == [
            FieldChange(field: "authors", before: Self.renderedAuthors, after:
                "Alice Martin <alice@example.org> (Université Rennes 2), presenting; Bob Durand <bob@example.org> (EHESP), presenting"),
        ])
    }

    @Test("An author renders as Name <email> (Affiliation), presenting, leaving out what is absent")
    func renderAuthor() {
        #expect(SubmissionDiff.render(S.alice) == "Alice Martin <alice@example.org> (Université Rennes 2), presenting")
        #expect(SubmissionDiff.render(S.bob) == "Bob Durand <bob@example.org>")
        #expect(SubmissionDiff.render(SubmissionAuthor(name: "C", email: "c@example.org", affiliation: "EHESP", presenting: false))
            == "C <c@example.org> (EHESP)")
        #expect(SubmissionDiff.render(SubmissionAuthor(name: "D", email: "d@example.org", affiliation: nil, presenting: true))
            == "D <d@example.org>, presenting")
    }
}

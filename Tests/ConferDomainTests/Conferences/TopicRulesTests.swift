import Foundation
import Testing
@testable import ConferDomain

@Suite("TopicRules.create")
struct TopicRulesTests {
    static let topicId = UUID(uuidString: "00000000-0000-0000-0000-0000000000D1")!
    static let frenchTitle = "L'accompagnement par les pairs et les aides techniques : savoirs, pratiques et enjeux"
    static let englishTitle = "Peer support and technical aids: knowledge, practices and issues"

    static func create(
        title: String = frenchTitle, description: String? = nil, kind: TopicKind = .topic,
        translations: Translations? = Translations(["en": ["title": englishTitle]])
    ) throws -> Topic {
        try TopicRules.create(
            title: title, description: description, kind: kind, translations: translations,
            conference: Fixtures.referenceConference(), id: topicId, now: Fixtures.later)
    }

    static func error(
        title: String = frenchTitle, description: String? = nil,
        translations: Translations? = Translations(["en": ["title": englishTitle]])
    ) throws -> DomainError? {
        let conference = try Fixtures.referenceConference()
        return domainError { () throws(DomainError) in
            try TopicRules.create(
                title: title, description: description, kind: .area, translations: translations,
                conference: conference, id: topicId, now: Fixtures.later)
        }
    }

    @Test("The title is in the conference's first language and the translations are kept")
    func titleInPrimaryLanguage() throws {
        let topic = try Self.create(description: "Savoirs et pratiques")
        #expect(topic.id == Self.topicId)
        #expect(topic.conferenceId == Fixtures.conferenceId)
        #expect(topic.kind == .topic)
        #expect(topic.texts == Translations([
            "fr": ["title": Self.frenchTitle, "description": "Savoirs et pratiques"],
            "en": ["title": Self.englishTitle],
        ]))
        #expect(topic.position == 0)
        #expect(topic.version == 1)
        #expect(topic.createdAt == Fixtures.later)
        #expect(topic.updatedAt == Fixtures.later)
    }

    @Test("The title is trimmed; an empty description is absent")
    func trimmedTitle() throws {
        let topic = try Self.create(title: "  Santé mentale \n", description: "", kind: .area, translations: nil)
        #expect(topic.kind == .area)
        #expect(topic.texts == Translations(["fr": ["title": "Santé mentale"]]))
    }

    @Test("The plain title wins over a translation in the first language")
    func plainTitleWins() throws {
        let topic = try Self.create(translations: Translations(["fr": ["title": "Autre"], "en": ["title": Self.englishTitle]]))
        #expect(topic.texts.text("title", in: "fr") == Self.frenchTitle)
    }

    @Test("A translation in a language the conference lacks is refused")
    func unknownLanguage() throws {
        #expect(try Self.error(translations: Translations(["de": ["title": "Peer-Support"]]))?.issues == [
            FieldIssue(field: "translations.de", message: "is not one of the conference's languages (fr, en)"),
        ])
    }

    @Test("A blank title is refused on title", arguments: ["", "   ", "\n\t"])
    func blankTitle(title: String) throws {
        #expect(try Self.error(title: title)?.issues == [FieldIssue(field: "title", message: "must not be blank")])
    }

    @Test("A title of 501 characters is refused; 500 are accepted")
    func titleLength() throws {
        #expect(try Self.error(title: String(repeating: "é", count: 501))?.issues == [
            FieldIssue(field: "title", message: "must be at most 500 characters long (it has 501)"),
        ])
        let title = String(repeating: "e\u{301}", count: 500)
        #expect(try Self.create(title: title).texts.text("title", in: "fr") == title)
    }

    @Test("Over-long descriptions and translations are named")
    func overlongTexts() throws {
        let error = try Self.error(
            description: String(repeating: "d", count: 5001),
            translations: Translations(["en": ["title": String(repeating: "t", count: 501), "summary": "x"]]))
        #expect(error?.issues == [
            FieldIssue(field: "translations.en.summary", message: "is not a translatable field"),
            FieldIssue(field: "translations.en.title", message: "must be at most 500 characters long (it has 501)"),
            FieldIssue(field: "description", message: "must be at most 5000 characters long (it has 5001)"),
        ])
    }
}

import ConferDomain
import Foundation

/// The reference conference file (`shared/reference-conference.json`, bundled as a copy with French
/// translations of its areas and topics): the demo data of a local run.
public struct ReferenceConference: Decodable, Sendable {
    public struct Localized: Decodable, Sendable {
        var venue: String?
        var areas: [String]?
        var topics: [String]?
    }

    public var slug: String
    var name: [String: String]
    var acronym: String?
    var languages: [String]
    var startDate: String
    var endDate: String
    var timezone: String
    var venue: String?
    var registrationOpens: String?
    var submissionDeadline: String?
    var notificationDate: String?
    var programDate: String?
    var registrationCloses: String?
    var abstractMaxLength: Int?
    public var areas: [String]
    public var topics: [String]
    /// Texts in other languages than the file's English: French titles of the areas and topics.
    public var translations: [String: Localized]?

    /// A file that cannot be used as the reference conference.
    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    /// The copy shipped inside the binary, so that a run works without `../shared`.
    public static func bundled() throws -> ReferenceConference {
        guard let url = bundledURL else {
            throw Unreadable(description: "the bundled reference conference is missing from this build")
        }
        return try load(url)
    }

    /// Reads a `reference-conference.json`; a file without French translations of its areas and topics
    /// (the shared one has English only) borrows those of the bundled copy.
    public static func load(_ url: URL) throws -> ReferenceConference {
        var reference: ReferenceConference
        do {
            reference = try JSONDecoder().decode(ReferenceConference.self, from: Data(contentsOf: url))
        } catch {
            throw Unreadable(description: "cannot read the reference conference at \(url.path): \(error)")
        }
        if reference.translations == nil, url != bundledURL {
            reference.translations = try bundled().translations
        }
        return reference
    }

    private static var bundledURL: URL? {
        Bundle.module.url(forResource: "DemoData", withExtension: nil)?.appendingPathComponent("reference-conference.json")
    }

    /// The conference as created, and the ids of its topics (not areas) in the file's order.
    public struct Seeded: Sendable {
        public var conference: Conference
        public var topicIds: [UUID]
    }

    /// Creates the conference through the use cases, as the API would, organised by `organizer` (a platform admin),
    /// with its work areas and topics, in March 2019 when the call opened. Returns nil when a conference with its
    /// slug already exists.
    public func seed(by organizer: Caller, context: UseCaseContext) async throws -> Seeded? {
        if try await context.conferences.find(slug: slug) != nil { return nil }
        let march = try context.at("2019-03-01T09:00:00+01:00")
        let conference = try await CreateConference(march).run(try conferenceInput(), by: organizer)
        let access = ConferenceAccess(caller: organizer, roles: [.organizer])
        var topicIds: [UUID] = []
        for (kind, title, translations) in topicDrafts() {
            let topic = try await CreateTopic(march).run(
                title: title, description: nil, kind: kind, translations: translations, in: conference, by: access)
            if kind == .topic { topicIds.append(topic.id) }
        }
        return Seeded(conference: conference, topicIds: topicIds)
    }

    /// The create request of the conference: plain texts in its first language, the others as translations.
    public func conferenceInput() throws -> ConferenceInput {
        var input = ConferenceInput()
        let primary = languages.first ?? "en"
        input.slug = slug
        input.name = name[primary]
        input.acronym = acronym
        input.languages = languages
        input.startDate = startDate
        input.endDate = endDate
        input.timezone = timezone
        input.venue = translations?[primary]?.venue ?? venue
        input.submissionDeadline = try instant(submissionDeadline, "submissionDeadline")
        input.notificationDate = try instant(notificationDate, "notificationDate")
        input.programDate = try instant(programDate, "programDate")
        input.registrationOpens = try instant(registrationOpens, "registrationOpens")
        input.registrationCloses = try instant(registrationCloses, "registrationCloses")
        input.abstractMaxLength = abstractMaxLength
        var texts = Translations()
        for (language, text) in name where language != primary {
            texts.set("name", text, in: language)
            texts.set("acronym", acronym, in: language)
            if language == "en" { texts.set("venue", venue, in: language) }
        }
        input.translations = texts
        return input
    }

    /// Areas then topics, each as (kind, text in the first language, texts by other language).
    public func topicDrafts() -> [(kind: TopicKind, title: String, translations: Translations)] {
        let primary = languages.first ?? "en"
        func drafts(_ kind: TopicKind, _ english: [String], _ localized: (Localized) -> [String]?) -> [(TopicKind, String, Translations)] {
            english.enumerated().map { index, text in
                var others = Translations()
                var title = text
                for (language, extra) in translations ?? [:] {
                    guard let list = localized(extra), index < list.count else { continue }
                    if language == primary { title = list[index] } else { others.set("title", list[index], in: language) }
                }
                if primary != "en" && languages.contains("en") { others.set("title", text, in: "en") }
                return (kind, title, others)
            }
        }
        return drafts(.area, areas, \.areas) + drafts(.topic, topics, \.topics)
    }

    private func instant(_ text: String?, _ field: String) throws -> Date? {
        guard let text else { return nil }
        guard let date = try? Date.ISO8601FormatStyle().parse(text) else {
            throw Unreadable(description: "the reference conference's \(field) is not an RFC 3339 instant: \(text)")
        }
        return date
    }
}

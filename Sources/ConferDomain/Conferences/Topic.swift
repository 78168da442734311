import Foundation

/// Whether a topic is one of the call's broad work areas or a finer topic.
public enum TopicKind: String, Sendable, CaseIterable {
    case area, topic
}

/// A work area or topic a proposal may link to.
public struct Topic: Sendable, Equatable {
    public var id: UUID
    public var conferenceId: UUID
    public var kind: TopicKind
    /// `title` and `description` by language.
    public var texts: Translations
    /// Order of creation within the conference, from 1; set by storage.
    public var position: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        id: UUID, conferenceId: UUID, kind: TopicKind, texts: Translations, position: Int, createdAt: Date,
        updatedAt: Date, version: Int
    ) {
        self.id = id
        self.conferenceId = conferenceId
        self.kind = kind
        self.texts = texts
        self.position = position
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}

/// Topic rules.
public enum TopicRules {
    /// Limits of the translatable texts.
    public static let limits: [String: ClosedRange<Int>] = ["title": 1...500, "description": 0...5000]

    /// Builds a new topic of `conference`; the plain fields are in the conference's first language.
    public static func create(
        title: String, description: String?, kind: TopicKind, translations: Translations?, conference: Conference,
        id: UUID, now: Date
    ) throws(DomainError) -> Topic {
        var v = Validator()
        var texts = Translations()
        if let translations {
            translations.validate(languages: conference.languages, limits: limits, into: &v)
            texts = translations.restricted(to: conference.languages)
        }
        v.text(title, "title", min: 1, max: 500, required: true)
        v.text(description, "description", max: 5000)
        texts.set("title", title.trimmingCharacters(in: .whitespacesAndNewlines), in: conference.primaryLanguage)
        if let description {
            texts.set("description", description.nilIfEmpty, in: conference.primaryLanguage)
        }
        try v.finish()
        return Topic(
            id: id, conferenceId: conference.id, kind: kind, texts: texts, position: 0, createdAt: now,
            updatedAt: now, version: 1)
    }
}

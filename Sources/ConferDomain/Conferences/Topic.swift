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

/// A change of a work area or topic: only the fields present change.
public struct TopicPatch: Sendable, Equatable {
    public var title: String?
    public var description: String?
    public var kind: TopicKind?
    public var translations: Translations?
    /// The fields a merge patch set to `null`: the description and texts of `translations` may be.
    public var cleared: Set<String>

    public init(title: String?, description: String?, kind: TopicKind?, translations: Translations?, cleared: Set<String>) {
        self.title = title
        self.description = description
        self.kind = kind
        self.translations = translations
        self.cleared = cleared
    }
}

extension TopicRules {
    /// The topic changed by `patch`; the plain texts are in the conference's first language.
    public static func apply(_ patch: TopicPatch, to current: Topic, conference: Conference, now: Date) throws(DomainError) -> Topic {
        try MergePatch.check(patch.cleared, clearable: ["description", "translations.*"])
        var v = Validator()
        var next = current
        if let translations = patch.translations {
            translations.validate(languages: conference.languages, limits: limits, into: &v)
            next.texts = next.texts.merging(translations).restricted(to: conference.languages)
        }
        if let title = patch.title {
            v.text(title, "title", min: 1, max: 500)
            next.texts.set("title", title.trimmingCharacters(in: .whitespacesAndNewlines), in: conference.primaryLanguage)
        }
        if patch.cleared.contains("description") { next.texts.set("description", nil, in: conference.primaryLanguage) }
        if let description = patch.description {
            v.text(description, "description", max: 5000)
            next.texts.set("description", description.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty, in: conference.primaryLanguage)
        }
        if let kind = patch.kind { next.kind = kind }
        if next.texts.text("title", in: conference.primaryLanguage) == nil {
            v.add("title", "is required in the conference's first language (\(conference.primaryLanguage))")
        }
        try v.finish()
        next.updatedAt = now
        return next
    }

    /// A topic is deleted only when no proposal links to it and no session is about it; reviewers' declared topics
    /// simply lose it.
    public static func checkDeletable(proposals: Int, sessions: Int) throws(DomainError) {
        try InUse.check("topic-in-use", "topic", holders: [(proposals, "proposal", "proposals"), (sessions, "session", "sessions")],
                        remedy: "move them to another topic first.")
    }

    /// The refusal for a topic the conference does not have.
    public static func notFound(_ id: UUID) -> DomainError {
        .notFound("There is no topic with the id \(id.uuidString.lowercased()) in this conference.")
    }
}

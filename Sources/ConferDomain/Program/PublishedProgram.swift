import Foundation

/// The public program as a release keeps it: days → sessions → talks, with presenters' names and affiliations,
/// built once at publication and only read afterwards.
///
/// Its `Codable` form is the storage format of releases, version `PublishedProgram.formatVersion`: a field renamed
/// or removed here changes what old releases read as, so any such change needs a new format version (and storage
/// keeps reading the old ones).
public struct PublishedProgram: Sendable, Equatable, Codable {
    /// The storage format this type writes.
    public static let formatVersion = 1

    public struct Day: Sendable, Equatable, Codable {
        /// `YYYY-MM-DD` in the conference's time zone.
        public var date: String
        public var sessions: [Session]
        public init(date: String, sessions: [Session]) {
            self.date = date
            self.sessions = sessions
        }
    }

    public struct Session: Sendable, Equatable, Codable {
        public var id: UUID
        public var title: String
        public var kind: SessionKind
        public var startsAt: Date
        public var endsAt: Date
        public var room: Named
        public var topic: Named?
        public var chairs: [Person]
        public var talks: [Talk]
        public init(
            id: UUID, title: String, kind: SessionKind, startsAt: Date, endsAt: Date, room: Named, topic: Named?,
            chairs: [Person], talks: [Talk]
        ) {
            self.id = id
            self.title = title
            self.kind = kind
            self.startsAt = startsAt
            self.endsAt = endsAt
            self.room = room
            self.topic = topic
            self.chairs = chairs
            self.talks = talks
        }
    }

    public struct Talk: Sendable, Equatable, Codable {
        public var id: UUID
        public var submissionId: UUID
        public var title: String
        public var startsAt: Date
        public var endsAt: Date
        public var format: SubmissionFormat
        public var language: String
        public var abstract: String
        /// Title and abstract in the conference's other languages.
        public var translations: [String: Texts]
        public var presenters: [Person]
        public init(
            id: UUID, submissionId: UUID, title: String, startsAt: Date, endsAt: Date, format: SubmissionFormat,
            language: String, abstract: String, translations: [String: Texts], presenters: [Person]
        ) {
            self.id = id
            self.submissionId = submissionId
            self.title = title
            self.startsAt = startsAt
            self.endsAt = endsAt
            self.format = format
            self.language = language
            self.abstract = abstract
            self.translations = translations
            self.presenters = presenters
        }
    }

    /// A room or a topic: its id and what people read.
    public struct Named: Sendable, Equatable, Codable {
        public var id: UUID
        public var name: String
        public init(id: UUID, name: String) {
            self.id = id
            self.name = name
        }
    }

    public struct Person: Sendable, Equatable, Codable {
        public var name: String
        public var affiliation: String?
        public init(name: String, affiliation: String?) {
            self.name = name
            self.affiliation = affiliation
        }
    }

    public struct Texts: Sendable, Equatable, Codable {
        public var title: String?
        public var abstract: String?
        public init(title: String?, abstract: String?) {
            self.title = title
            self.abstract = abstract
        }
    }

    public var timezone: String
    public var days: [Day]

    public init(timezone: String, days: [Day]) {
        self.timezone = timezone
        self.days = days
    }
}

extension PublishedProgram {
    /// The program as it stands: every session by day, and in each the talks of accepted proposals (a withdrawn one
    /// has left the program). Topic titles are in the conference's first language.
    public static func build(
        conference: Conference, sessions: [ProgramSession], talks: [ScheduledTalk], rooms: [Room],
        accepted: [Submission], topics: [Topic], chairs: [Account]
    ) -> PublishedProgram {
        let roomNames = Dictionary(rooms.map { ($0.id, $0.name) }) { first, _ in first }
        let submissions = Dictionary(accepted.map { ($0.id, $0) }) { first, _ in first }
        let topicTitles = Dictionary(topics.map {
            ($0.id, $0.texts.text("title", in: conference.primaryLanguage, fallbacks: conference.languages))
        }) { first, _ in first }
        let accounts = Dictionary(chairs.map { ($0.id, $0) }) { first, _ in first }
        let bySession = Dictionary(grouping: talks, by: \.talk.sessionId)
        let published = sessions.map { session in
            Session(
                id: session.id, title: session.title, kind: session.kind, startsAt: session.startsAt, endsAt: session.endsAt,
                room: Named(id: session.roomId, name: roomNames[session.roomId] ?? ""),
                topic: session.topicId.flatMap { id in (topicTitles[id] ?? nil).map { Named(id: id, name: $0) } },
                chairs: session.chairIds.compactMap { accounts[$0] }.map { Person(name: $0.name, affiliation: $0.affiliation) },
                talks: (bySession[session.id] ?? []).compactMap { scheduled in
                    guard let submission = submissions[scheduled.talk.submissionId] else { return nil }
                    return Talk(
                        id: scheduled.talk.id, submissionId: submission.id, title: submission.title,
                        startsAt: scheduled.talk.startsAt, endsAt: scheduled.talk.endsAt, format: submission.format,
                        language: submission.language, abstract: submission.abstract,
                        translations: submission.translations.byLanguage.mapValues { Texts(title: $0["title"], abstract: $0["abstract"]) },
                        presenters: submission.authors.filter(\.presenting).map { Person(name: $0.name, affiliation: $0.affiliation) })
                })
        }
        let days = Dictionary(grouping: published) { ProgramCalendar.day(of: $0.startsAt, timezone: conference.timezone) }
        return PublishedProgram(
            timezone: conference.timezone, days: days.keys.sorted().map { Day(date: $0, sessions: days[$0] ?? []) })
    }

    /// Where each talk is, for comparing versions.
    public var placements: [TalkPlacement] {
        days.flatMap(\.sessions).flatMap { session in
            session.talks.map {
                TalkPlacement(
                    talkId: $0.id.uuidString.lowercased(), submissionId: $0.submissionId.uuidString.lowercased(),
                    title: $0.title, sessionId: session.id.uuidString.lowercased(), roomName: session.room.name,
                    startsAt: $0.startsAt, endsAt: $0.endsAt)
            }
        }
    }
}

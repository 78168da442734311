import Foundation

/// A room of the venue.
public struct Room: Sendable, Equatable {
    public var id: UUID
    public var conferenceId: UUID
    public var name: String
    public var capacity: Int
    public var createdAt: Date
    /// Bumped on every change; the `ETag`.
    public var version: Int

    public init(id: UUID, conferenceId: UUID, name: String, capacity: Int, createdAt: Date, version: Int = 1) {
        self.id = id
        self.conferenceId = conferenceId
        self.name = name
        self.capacity = capacity
        self.createdAt = createdAt
        self.version = version
    }
}

/// What happens in a session.
public enum SessionKind: String, Sendable, CaseIterable, Codable {
    /// Everyone attends: nothing else (but breaks) may run at the same time.
    case plenary
    /// One of several talks sessions running side by side.
    case parallel
    case poster
    case `break`
}

/// A block of time in a room.
public struct ProgramSession: Sendable, Equatable {
    public var id: UUID
    public var conferenceId: UUID
    public var title: String
    public var roomId: UUID
    public var startsAt: Date
    public var endsAt: Date
    public var kind: SessionKind
    public var topicId: UUID?
    /// Accounts chairing the session.
    public var chairIds: [UUID]
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        id: UUID, conferenceId: UUID, title: String, roomId: UUID, startsAt: Date, endsAt: Date, kind: SessionKind,
        topicId: UUID?, chairIds: [UUID], createdAt: Date, updatedAt: Date, version: Int
    ) {
        self.id = id
        self.conferenceId = conferenceId
        self.title = title
        self.roomId = roomId
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.kind = kind
        self.topicId = topicId
        self.chairIds = chairIds
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    func overlaps(_ other: ProgramSession) -> Bool { startsAt < other.endsAt && other.startsAt < endsAt }
}

/// An accepted proposal placed in a session.
public struct Talk: Sendable, Equatable {
    public var id: UUID
    public var conferenceId: UUID
    public var sessionId: UUID
    public var submissionId: UUID
    public var startsAt: Date
    public var durationMinutes: Int
    public var createdAt: Date

    public init(id: UUID, conferenceId: UUID, sessionId: UUID, submissionId: UUID, startsAt: Date, durationMinutes: Int, createdAt: Date) {
        self.id = id
        self.conferenceId = conferenceId
        self.sessionId = sessionId
        self.submissionId = submissionId
        self.startsAt = startsAt
        self.durationMinutes = durationMinutes
        self.createdAt = createdAt
    }

    public var endsAt: Date { startsAt.addingTimeInterval(TimeInterval(durationMinutes * 60)) }

    func overlaps(_ start: Date, _ end: Date) -> Bool { startsAt < end && start < endsAt }
}

/// A talk with what conflict checks need: its session and its presenters' emails.
public struct ScheduledTalk: Sendable, Equatable {
    public var talk: Talk
    public var session: ProgramSession
    public var title: String
    /// Lower-cased emails of the presenting authors.
    public var presenters: Set<String>

    public init(talk: Talk, session: ProgramSession, title: String, presenters: Set<String>) {
        self.talk = talk
        self.session = session
        self.title = title
        self.presenters = presenters
    }
}

import Foundation

/// A new session as organizers describe it.
public struct SessionInput: Sendable, Equatable {
    public var title: String
    public var roomId: UUID
    public var startsAt: Date
    public var endsAt: Date
    public var kind: SessionKind
    public var topicId: UUID?
    public var chairIds: [UUID]

    public init(title: String, roomId: UUID, startsAt: Date, endsAt: Date, kind: SessionKind, topicId: UUID?, chairIds: [UUID]) {
        self.title = title
        self.roomId = roomId
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.kind = kind
        self.topicId = topicId
        self.chairIds = chairIds
    }
}

/// What a change of a session sets; nil leaves a field as it is.
public struct SessionPatch: Sendable, Equatable {
    public var title: String?
    public var roomId: UUID?
    public var startsAt: Date?
    public var endsAt: Date?
    public var kind: SessionKind?
    public var topicId: UUID?
    public var chairIds: [UUID]?
    /// The fields a merge patch set to `null`: only the topic may be cleared.
    public var cleared: Set<String> = []

    public init(
        title: String?, roomId: UUID?, startsAt: Date?, endsAt: Date?, kind: SessionKind?, topicId: UUID?, chairIds: [UUID]?
    ) {
        self.title = title
        self.roomId = roomId
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.kind = kind
        self.topicId = topicId
        self.chairIds = chairIds
    }
}

/// Where a talk moves; nil leaves a field as it is.
public struct TalkMove: Sendable, Equatable {
    public var sessionId: UUID?
    public var startsAt: Date?
    public var durationMinutes: Int?
    /// The fields a merge patch set to `null`: none may be.
    public var cleared: Set<String> = []

    public init(sessionId: UUID?, startsAt: Date?, durationMinutes: Int?) {
        self.sessionId = sessionId
        self.startsAt = startsAt
        self.durationMinutes = durationMinutes
    }
}

extension ProgramRules {
    /// A new room: a name of 1 to 200 characters, 1 to 100,000 seats.
    public static func room(name: String, capacity: Int, conferenceId: UUID, id: UUID, now: Date) throws(DomainError) -> Room {
        var v = Validator()
        v.text(name, "name", min: 1, max: 200, required: true)
        v.require((1...100_000).contains(capacity), "capacity", "must be from 1 to 100000")
        try v.finish()
        return Room(id: id, conferenceId: conferenceId, name: name.trimmingCharacters(in: .whitespacesAndNewlines), capacity: capacity, createdAt: now)
    }

    /// A new session, before `validate` checks it against the program.
    public static func session(_ input: SessionInput, conferenceId: UUID, id: UUID, now: Date) -> ProgramSession {
        ProgramSession(
            id: id, conferenceId: conferenceId, title: input.title.trimmingCharacters(in: .whitespacesAndNewlines),
            roomId: input.roomId, startsAt: input.startsAt, endsAt: input.endsAt, kind: input.kind, topicId: input.topicId,
            chairIds: input.chairIds, createdAt: now, updatedAt: now, version: 1)
    }

    /// A session changed by `patch`, before `validate` checks it against the program.
    public static func apply(_ patch: SessionPatch, to current: ProgramSession, now: Date) throws(DomainError) -> ProgramSession {
        try MergePatch.check(patch.cleared, clearable: ["topicId"])
        var next = current
        if patch.cleared.contains("topicId") { next.topicId = nil }
        if let title = patch.title { next.title = title.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let room = patch.roomId { next.roomId = room }
        if let start = patch.startsAt { next.startsAt = start }
        if let end = patch.endsAt { next.endsAt = end }
        if let kind = patch.kind { next.kind = kind }
        if let topic = patch.topicId { next.topicId = topic }
        if let chairs = patch.chairIds { next.chairIds = chairs }
        next.updatedAt = now
        return next
    }

    /// A talk moved by `move`, before `validate` checks it against the program.
    public static func apply(_ move: TalkMove, to current: Talk) throws(DomainError) -> Talk {
        try MergePatch.check(move.cleared, clearable: [])
        var moved = current
        if let session = move.sessionId { moved.sessionId = session }
        if let start = move.startsAt { moved.startsAt = start }
        if let minutes = move.durationMinutes { moved.durationMinutes = minutes }
        return moved
    }

    /// Lower-cased emails of a proposal's presenting authors, who may not be in two places at once.
    public static func presenters(of submission: Submission) -> Set<String> {
        Set(submission.authors.filter(\.presenting).map { $0.email.lowercased() })
    }

    /// A release's note: trimmed, at most 2,000 characters, none when blank.
    public static func releaseNote(_ note: String?) throws(DomainError) -> String? {
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        var v = Validator()
        v.text(note, "note", max: 2000)
        try v.finish()
        return note
    }
}

extension AutoScheduler {
    /// Minutes per talk: 20 unless the organizer asks for 5 to 240.
    public static func talkMinutes(_ requested: Int?) throws(DomainError) -> Int {
        guard let requested else { return 20 }
        guard (5...240).contains(requested) else { throw DomainError.invalid("talkMinutes", "must be from 5 to 240") }
        return requested
    }

    /// Each session's chairs, as the lower-cased emails `plan` compares with presenters.
    public static func chairs(of sessions: [ProgramSession], accounts: [Account]) -> [UUID: Set<String>] {
        let emails = Dictionary(accounts.map { ($0.id, $0.email.lowercased()) }) { first, _ in first }
        return Dictionary(uniqueKeysWithValues: sessions.map { ($0.id, Set($0.chairIds.compactMap { emails[$0] })) })
    }
}

extension AutoScheduler.Candidate {
    /// An accepted proposal as the scheduler sees it.
    public init(_ submission: Submission) {
        self.init(
            submissionId: submission.id, number: submission.number, topicId: submission.topicId, format: submission.format,
            presenters: ProgramRules.presenters(of: submission))
    }
}

/// A change of a room: only the fields present change.
public struct RoomPatch: Sendable, Equatable {
    public var name: String?
    public var capacity: Int?
    /// The fields a merge patch set to `null`: none may be.
    public var cleared: Set<String>

    public init(name: String?, capacity: Int?, cleared: Set<String>) {
        self.name = name
        self.capacity = capacity
        self.cleared = cleared
    }
}

extension ProgramRules {
    /// The room changed by `patch`, with the rules it was added under.
    public static func apply(_ patch: RoomPatch, to current: Room) throws(DomainError) -> Room {
        try MergePatch.check(patch.cleared, clearable: [])
        let changed = try room(
            name: patch.name ?? current.name, capacity: patch.capacity ?? current.capacity, conferenceId: current.conferenceId,
            id: current.id, now: current.createdAt)
        var next = current
        next.name = changed.name
        next.capacity = changed.capacity
        return next
    }

    /// A room is deleted only when no session uses it.
    public static func checkDeletable(_ room: Room, sessions: [ProgramSession]) throws(DomainError) {
        let using = sessions.filter { $0.roomId == room.id }
        let names = using.prefix(3).map { "\"\($0.title)\"" }.joined(separator: ", ")
        try InUse.check("room-in-use", "room", holders: [(using.count, "session", "sessions")],
                        remedy: "move or delete \(using.count > 3 ? "them (\(names)…)" : names) first.")
    }

    /// The refusal for a room the conference does not have.
    public static func roomNotFound(_ id: UUID) -> DomainError {
        .notFound("There is no room \(id.uuidString.lowercased()) in this conference.")
    }
}

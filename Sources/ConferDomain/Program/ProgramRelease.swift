import Foundation

/// A published, immutable version of a conference's program.
public struct ProgramRelease: Sendable, Equatable {
    public var conferenceId: UUID
    /// 1, 2, … per conference.
    public var version: Int
    public var note: String?
    public var publishedAt: Date
    /// The program as it was published.
    public var program: PublishedProgram

    public init(conferenceId: UUID, version: Int, note: String?, publishedAt: Date, program: PublishedProgram) {
        self.conferenceId = conferenceId
        self.version = version
        self.note = note
        self.publishedAt = publishedAt
        self.program = program
    }

    /// Strong: a release never changes.
    public var etag: String { "\"program-\(conferenceId.uuidString.lowercased().prefix(8))-v\(version)\"" }
}

/// Where a talk is in one version of the program, to compare versions.
public struct TalkPlacement: Sendable, Equatable {
    public var talkId: String
    public var submissionId: String
    public var title: String
    public var sessionId: String
    public var roomName: String
    public var startsAt: Date
    public var endsAt: Date

    public init(talkId: String, submissionId: String, title: String, sessionId: String, roomName: String, startsAt: Date, endsAt: Date) {
        self.talkId = talkId
        self.submissionId = submissionId
        self.title = title
        self.sessionId = sessionId
        self.roomName = roomName
        self.startsAt = startsAt
        self.endsAt = endsAt
    }
}

/// What changed for attendees between two versions of the program.
public struct ProgramChanges: Sendable, Equatable {
    public var added: [TalkPlacement]
    public var removed: [TalkPlacement]
    /// Before and after.
    public var moved: [(from: TalkPlacement, to: TalkPlacement)]

    public static func == (lhs: ProgramChanges, rhs: ProgramChanges) -> Bool {
        lhs.added == rhs.added && lhs.removed == rhs.removed && lhs.moved.map(\.from) == rhs.moved.map(\.from)
            && lhs.moved.map(\.to) == rhs.moved.map(\.to)
    }

    /// Talks are matched by id; a talk moved when its session, room or times changed.
    public static func between(_ old: [TalkPlacement], _ new: [TalkPlacement]) -> ProgramChanges {
        let before = Dictionary(old.map { ($0.talkId, $0) }) { first, _ in first }
        let after = Dictionary(new.map { ($0.talkId, $0) }) { first, _ in first }
        return ProgramChanges(
            added: new.filter { before[$0.talkId] == nil },
            removed: old.filter { after[$0.talkId] == nil },
            moved: new.compactMap { talk in
                guard let previous = before[talk.talkId],
                      previous.sessionId != talk.sessionId || previous.startsAt != talk.startsAt
                        || previous.endsAt != talk.endsAt || previous.roomName != talk.roomName
                else { return nil }
                return (previous, talk)
            })
    }
}

/// The public program's days, in the conference's time zone.
public enum ProgramCalendar {
    /// `YYYY-MM-DD` of `date` in `timezone`.
    public static func day(of date: Date, timezone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}

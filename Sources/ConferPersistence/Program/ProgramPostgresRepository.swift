import ConferDomain
import Foundation
import Logging
import PostgresNIO

/// Reads of rooms, sessions, talks and releases in PostgreSQL; `ProgramPostgresTransaction.swift` writes them.
public struct ProgramPostgresRepository: ProgramRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    static let sessionColumns = """
        s.id, s.conference_id, s.title, s.room_id, s.starts_at, s.ends_at, s.kind, s.topic_id, s.chair_ids, s.created_at,
        s.updated_at, s.version
        """

    static func session(_ row: PostgresRow) throws -> ProgramSession {
        let r = row.makeRandomAccess()
        guard let kind = SessionKind(rawValue: try r["kind"].decode(String.self)) else {
            throw RowError(description: "session row with an unknown kind")
        }
        return ProgramSession(
            id: try r["id"].decode(UUID.self), conferenceId: try r["conference_id"].decode(UUID.self),
            title: try r["title"].decode(String.self), roomId: try r["room_id"].decode(UUID.self),
            startsAt: try r["starts_at"].decode(Date.self), endsAt: try r["ends_at"].decode(Date.self), kind: kind,
            topicId: try r["topic_id"].decode(UUID?.self), chairIds: try r["chair_ids"].decode([UUID].self),
            createdAt: try r["created_at"].decode(Date.self), updatedAt: try r["updated_at"].decode(Date.self),
            version: try r["version"].decode(Int.self))
    }

    public func rooms(conferenceId: UUID) async throws -> [Room] {
        try await Self.rooms(conferenceId: conferenceId) { try await db.query($0) }
    }

    /// The rooms of a conference by name, through any executor (the pool, or a transaction's connection).
    static func rooms(conferenceId: UUID, _ query: (PostgresQuery) async throws -> [PostgresRow]) async throws -> [Room] {
        try await query("SELECT \(unescaped: roomColumns) FROM rooms WHERE conference_id = \(conferenceId) ORDER BY name")
            .map(room)
    }

    static let roomColumns = "id, conference_id, name, capacity, created_at, version"

    static func room(_ row: PostgresRow) throws -> Room {
        let r = row.makeRandomAccess()
        return Room(
            id: try r["id"].decode(UUID.self), conferenceId: try r["conference_id"].decode(UUID.self),
            name: try r["name"].decode(String.self), capacity: try r["capacity"].decode(Int.self),
            createdAt: try r["created_at"].decode(Date.self), version: try r["version"].decode(Int.self))
    }

    public func sessions(conferenceId: UUID) async throws -> [ProgramSession] {
        try await Self.sessions(conferenceId: conferenceId) { try await db.query($0) }
    }

    /// The sessions of a conference in time order, through any executor.
    static func sessions(conferenceId: UUID, _ query: (PostgresQuery) async throws -> [PostgresRow]) async throws -> [ProgramSession] {
        try await query(
            "SELECT \(unescaped: sessionColumns) FROM program_sessions s WHERE s.conference_id = \(conferenceId) ORDER BY s.starts_at, s.id")
            .map(session)
    }

    public func talks(conferenceId: UUID) async throws -> [ScheduledTalk] {
        try await Self.scheduled(conferenceId) { try await db.query($0) }
    }

    /// Every talk of the conference with its session, title and presenters, in two statements.
    static func scheduled(_ conferenceId: UUID, _ query: (PostgresQuery) async throws -> [PostgresRow]) async throws -> [ScheduledTalk] {
        let rows = try await query(
            """
            SELECT t.id AS talk_id, t.session_id, t.submission_id, t.starts_at AS talk_starts_at, t.duration_minutes,
                   t.created_at AS talk_created_at, sub.title AS submission_title, \(unescaped: Self.sessionColumns)
            FROM talks t JOIN program_sessions s ON s.id = t.session_id JOIN submissions sub ON sub.id = t.submission_id
            WHERE t.conference_id = \(conferenceId) ORDER BY t.starts_at, t.id
            """)
        let presenterRows = try await query(
            """
            SELECT sa.submission_id, lower(sa.email) AS email FROM submission_authors sa JOIN talks t ON t.submission_id = sa.submission_id
            WHERE t.conference_id = \(conferenceId) AND sa.presenting
            """)
        var presenters: [UUID: Set<String>] = [:]
        for row in presenterRows {
            presenters[try row.column("submission_id", as: UUID.self), default: []].insert(try row.column("email", as: String.self))
        }
        return try rows.map { row in
            let r = row.makeRandomAccess()
            let submissionId = try r["submission_id"].decode(UUID.self)
            let talk = Talk(
                id: try r["talk_id"].decode(UUID.self), conferenceId: conferenceId, sessionId: try r["session_id"].decode(UUID.self),
                submissionId: submissionId, startsAt: try r["talk_starts_at"].decode(Date.self),
                durationMinutes: try r["duration_minutes"].decode(Int.self), createdAt: try r["talk_created_at"].decode(Date.self))
            return ScheduledTalk(
                talk: talk, session: try Self.session(row), title: try r["submission_title"].decode(String.self),
                presenters: presenters[submissionId] ?? [])
        }
    }
}

extension ProgramPostgresRepository {
    public func releases(conferenceId: UUID) async throws -> [ProgramRelease] {
        try await db.query(
            "SELECT \(unescaped: ReleaseStorage.columns) FROM program_releases WHERE conference_id = \(conferenceId) ORDER BY version DESC")
            .map(ReleaseStorage.release)
    }

    public func release(conferenceId: UUID, version: Int?) async throws -> ProgramRelease? {
        try await db.query(
            """
            SELECT \(unescaped: ReleaseStorage.columns) FROM program_releases
            WHERE conference_id = \(conferenceId) AND (\(version)::int IS NULL OR version = \(version)::int)
            ORDER BY version DESC LIMIT 1
            """).first.map(ReleaseStorage.release)
    }

    public func latestVersion(conferenceId: UUID) async throws -> Int? {
        try await db.query("SELECT max(version)::int AS v FROM program_releases WHERE conference_id = \(conferenceId)")
            .first?.column("v", as: Int?.self)
    }
}

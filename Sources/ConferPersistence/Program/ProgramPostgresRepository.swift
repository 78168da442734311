import ConferDomain
import Foundation
import Logging
import PostgresNIO

/// Rooms, sessions and talks in PostgreSQL.
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

    public func createRoom(_ room: Room) async throws -> Room {
        do {
            try await db.query(
                """
                INSERT INTO rooms (id, conference_id, name, capacity, created_at)
                VALUES (\(room.id), \(room.conferenceId), \(room.name), \(room.capacity), \(room.createdAt))
                """)
            return room
        } catch DomainError.conflict {
            throw DomainError.conflict(code: "room-exists", detail: "A room named \(room.name) already exists.")
        }
    }

    public func rooms(conferenceId: UUID) async throws -> [Room] {
        try await db.query("SELECT id, conference_id, name, capacity, created_at FROM rooms WHERE conference_id = \(conferenceId) ORDER BY name")
            .map { row in
                let r = row.makeRandomAccess()
                return Room(
                    id: try r["id"].decode(UUID.self), conferenceId: try r["conference_id"].decode(UUID.self),
                    name: try r["name"].decode(String.self), capacity: try r["capacity"].decode(Int.self),
                    createdAt: try r["created_at"].decode(Date.self))
            }
    }

    public func saveSession(
        _ s: ProgramSession, ifVersion: Int?, check: @escaping @Sendable ([ProgramSession]) throws -> Void
    ) async throws -> ProgramSession? {
        try await db.transaction { connection in
            let logger = db.logger
            try await connection.rows("SELECT 1 FROM conferences WHERE id = \(s.conferenceId) FOR UPDATE", logger: logger)
            let others = try await connection.rows(
                "SELECT \(unescaped: Self.sessionColumns) FROM program_sessions s WHERE s.conference_id = \(s.conferenceId) AND s.id <> \(s.id)",
                logger: logger).map(Self.session)
            try check(others)
            let rows: [PostgresRow]
            if let ifVersion {
                rows = try await connection.rows(
                    """
                    UPDATE program_sessions SET title = \(s.title), room_id = \(s.roomId), starts_at = \(s.startsAt),
                        ends_at = \(s.endsAt), kind = \(s.kind.rawValue), topic_id = \(s.topicId), chair_ids = \(s.chairIds),
                        updated_at = \(s.updatedAt), version = version + 1
                    WHERE id = \(s.id) AND version = \(ifVersion)
                    RETURNING \(unescaped: Self.sessionColumns.replacingOccurrences(of: "s.", with: ""))
                    """, logger: logger)
            } else {
                rows = try await connection.rows(
                    """
                    INSERT INTO program_sessions (id, conference_id, title, room_id, starts_at, ends_at, kind, topic_id, chair_ids,
                        created_at, updated_at)
                    VALUES (\(s.id), \(s.conferenceId), \(s.title), \(s.roomId), \(s.startsAt), \(s.endsAt), \(s.kind.rawValue),
                        \(s.topicId), \(s.chairIds), \(s.createdAt), \(s.updatedAt))
                    RETURNING \(unescaped: Self.sessionColumns.replacingOccurrences(of: "s.", with: ""))
                    """, logger: logger)
            }
            return try rows.first.map(Self.session)
        }
    }

    public func sessions(conferenceId: UUID) async throws -> [ProgramSession] {
        try await db.query(
            "SELECT \(unescaped: Self.sessionColumns) FROM program_sessions s WHERE s.conference_id = \(conferenceId) ORDER BY s.starts_at, s.id")
            .map(Self.session)
    }

    public func deleteSession(conferenceId: UUID, id: UUID) async throws {
        let rows = try await db.query("DELETE FROM program_sessions WHERE conference_id = \(conferenceId) AND id = \(id) RETURNING id")
        guard !rows.isEmpty else { throw DomainError.notFound("There is no session \(id) in this conference.") }
    }

    public func saveTalk(_ t: Talk, isNew: Bool, check: @escaping @Sendable ([ScheduledTalk]) throws -> Void) async throws -> Talk {
        try await db.transaction { connection in
            try await connection.rows("SELECT 1 FROM conferences WHERE id = \(t.conferenceId) FOR UPDATE", logger: db.logger)
            let others = try await scheduled(t.conferenceId) { try await connection.rows($0, logger: db.logger) }
            try check(others.filter { $0.talk.id != t.id })
            if isNew {
                try await connection.rows(
                    """
                    INSERT INTO talks (id, conference_id, session_id, submission_id, starts_at, duration_minutes, created_at)
                    VALUES (\(t.id), \(t.conferenceId), \(t.sessionId), \(t.submissionId), \(t.startsAt), \(t.durationMinutes), \(t.createdAt))
                    """, logger: db.logger)
            } else {
                try await connection.rows(
                    "UPDATE talks SET session_id = \(t.sessionId), starts_at = \(t.startsAt), duration_minutes = \(t.durationMinutes) WHERE id = \(t.id)",
                    logger: db.logger)
            }
            return t
        }
    }

    public func talks(conferenceId: UUID) async throws -> [ScheduledTalk] {
        try await scheduled(conferenceId) { try await db.query($0) }
    }

    public func deleteTalk(conferenceId: UUID, sessionId: UUID, id: UUID) async throws {
        let rows = try await db.query(
            "DELETE FROM talks WHERE conference_id = \(conferenceId) AND session_id = \(sessionId) AND id = \(id) RETURNING id")
        guard !rows.isEmpty else { throw DomainError.notFound("There is no talk \(id) in this session.") }
    }

    /// Every talk of the conference with its session, title and presenters, in two statements.
    private func scheduled(_ conferenceId: UUID, _ query: (PostgresQuery) async throws -> [PostgresRow]) async throws -> [ScheduledTalk] {
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
    public func release(
        conferenceId: UUID, note: String?, now: Date, snapshot: @escaping @Sendable (Int) throws -> String
    ) async throws -> ProgramRelease {
        try await db.transaction { connection in
            try await connection.rows("SELECT 1 FROM conferences WHERE id = \(conferenceId) FOR UPDATE", logger: db.logger)
            let last = try await connection.rows(
                "SELECT coalesce(max(version), 0)::int AS v FROM program_releases WHERE conference_id = \(conferenceId)", logger: db.logger)
            let version = (try last.first?.column("v", as: Int.self) ?? 0) + 1
            let json = try snapshot(version)
            try await connection.rows(
                """
                INSERT INTO program_releases (conference_id, version, note, published_at, snapshot)
                VALUES (\(conferenceId), \(version), \(note), \(now), \(json))
                """, logger: db.logger)
            let release = ProgramRelease(conferenceId: conferenceId, version: version, note: note, publishedAt: now, snapshot: json)
            try await connection.emit(WebhookEvent.programReleased(release), logger: db.logger)
            return release
        }
    }

    public func releases(conferenceId: UUID) async throws -> [ProgramRelease] {
        try await db.query(
            "SELECT conference_id, version, note, published_at, snapshot FROM program_releases WHERE conference_id = \(conferenceId) ORDER BY version DESC")
            .map(Self.release(_:))
    }

    public func release(conferenceId: UUID, version: Int?) async throws -> ProgramRelease? {
        try await db.query(
            """
            SELECT conference_id, version, note, published_at, snapshot FROM program_releases
            WHERE conference_id = \(conferenceId) AND (\(version)::int IS NULL OR version = \(version)::int)
            ORDER BY version DESC LIMIT 1
            """).first.map(Self.release(_:))
    }

    public func latestVersion(conferenceId: UUID) async throws -> Int? {
        try await db.query("SELECT max(version)::int AS v FROM program_releases WHERE conference_id = \(conferenceId)")
            .first?.column("v", as: Int?.self)
    }

    static func release(_ row: PostgresRow) throws -> ProgramRelease {
        let r = row.makeRandomAccess()
        return ProgramRelease(
            conferenceId: try r["conference_id"].decode(UUID.self), version: try r["version"].decode(Int.self),
            note: try r["note"].decode(String?.self), publishedAt: try r["published_at"].decode(Date.self),
            snapshot: try r["snapshot"].decode(String.self))
    }
}

extension ProgramPostgresRepository {
    public func schedule(
        conferenceId: UUID, plan: @escaping @Sendable ([ScheduledTalk]) -> AutoScheduler.Plan
    ) async throws -> AutoScheduler.Plan {
        try await db.transaction { connection in
            try await connection.rows("SELECT 1 FROM conferences WHERE id = \(conferenceId) FOR UPDATE", logger: db.logger)
            let result = plan(try await scheduled(conferenceId) { try await connection.rows($0, logger: db.logger) })
            guard let now = result.talks.first?.createdAt else { return result }
            try await connection.rows(
                """
                INSERT INTO talks (id, conference_id, session_id, submission_id, starts_at, duration_minutes, created_at)
                SELECT x.id, \(conferenceId), x.session_id, x.submission_id, x.starts_at, x.minutes, \(now)
                FROM unnest(\(result.talks.map(\.id)), \(result.talks.map(\.sessionId)), \(result.talks.map(\.submissionId)),
                            \(result.talks.map(\.startsAt)), \(result.talks.map(\.durationMinutes)))
                     AS x(id, session_id, submission_id, starts_at, minutes)
                """, logger: db.logger)
            return result
        }
    }
}

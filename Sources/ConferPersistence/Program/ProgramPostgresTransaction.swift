import ConferDomain
import Foundation
import PostgresNIO

extension PostgresTransaction {
    func rooms(conferenceId: UUID) async throws -> [Room] {
        try await ProgramPostgresRepository.rooms(conferenceId: conferenceId) { try await rows($0) }
    }

    func insertRoom(_ room: Room) async throws {
        try await rows(
            """
            INSERT INTO rooms (id, conference_id, name, capacity, created_at)
            VALUES (\(room.id), \(room.conferenceId), \(room.name), \(room.capacity), \(room.createdAt))
            """)
    }

    func sessions(conferenceId: UUID) async throws -> [ProgramSession] {
        try await ProgramPostgresRepository.sessions(conferenceId: conferenceId) { try await rows($0) }
    }

    func insertSession(_ s: ProgramSession) async throws -> ProgramSession {
        try await rows(
            """
            INSERT INTO program_sessions (id, conference_id, title, room_id, starts_at, ends_at, kind, topic_id, chair_ids,
                created_at, updated_at)
            VALUES (\(s.id), \(s.conferenceId), \(s.title), \(s.roomId), \(s.startsAt), \(s.endsAt), \(s.kind.rawValue),
                \(s.topicId), \(s.chairIds), \(s.createdAt), \(s.updatedAt))
            RETURNING \(unescaped: ProgramPostgresRepository.sessionColumns.replacingOccurrences(of: "s.", with: ""))
            """).map(ProgramPostgresRepository.session)[0]
    }

    func updateSession(_ s: ProgramSession) async throws -> ProgramSession {
        try await rows(
            """
            UPDATE program_sessions SET title = \(s.title), room_id = \(s.roomId), starts_at = \(s.startsAt),
                ends_at = \(s.endsAt), kind = \(s.kind.rawValue), topic_id = \(s.topicId), chair_ids = \(s.chairIds),
                updated_at = \(s.updatedAt), version = version + 1
            WHERE id = \(s.id)
            RETURNING \(unescaped: ProgramPostgresRepository.sessionColumns.replacingOccurrences(of: "s.", with: ""))
            """).map(ProgramPostgresRepository.session)[0]
    }

    func deleteSession(_ id: UUID, conferenceId: UUID) async throws -> Bool {
        !(try await rows("DELETE FROM program_sessions WHERE conference_id = \(conferenceId) AND id = \(id) RETURNING id")).isEmpty
    }

    func scheduledTalks(conferenceId: UUID) async throws -> [ScheduledTalk] {
        try await ProgramPostgresRepository.scheduled(conferenceId) { try await rows($0) }
    }

    func insertTalks(_ talks: [Talk]) async throws {
        guard let first = talks.first else { return }
        try await rows(
            """
            INSERT INTO talks (id, conference_id, session_id, submission_id, starts_at, duration_minutes, created_at)
            SELECT x.id, \(first.conferenceId), x.session_id, x.submission_id, x.starts_at, x.minutes, x.created_at
            FROM unnest(\(talks.map(\.id)), \(talks.map(\.sessionId)), \(talks.map(\.submissionId)),
                        \(talks.map(\.startsAt)), \(talks.map(\.durationMinutes)), \(talks.map(\.createdAt)))
                 AS x(id, session_id, submission_id, starts_at, minutes, created_at)
            """)
    }

    func updateTalk(_ t: Talk) async throws {
        try await rows(
            "UPDATE talks SET session_id = \(t.sessionId), starts_at = \(t.startsAt), duration_minutes = \(t.durationMinutes) WHERE id = \(t.id)")
    }

    func deleteTalk(_ id: UUID, sessionId: UUID, conferenceId: UUID) async throws -> Bool {
        !(try await rows(
            "DELETE FROM talks WHERE conference_id = \(conferenceId) AND session_id = \(sessionId) AND id = \(id) RETURNING id")).isEmpty
    }

    func deleteTalks(ofSubmission submissionId: UUID) async throws {
        try await rows("DELETE FROM talks WHERE submission_id = \(submissionId)")
    }

    func latestVersion(conferenceId: UUID) async throws -> Int {
        try await rows("SELECT coalesce(max(version), 0)::int AS v FROM program_releases WHERE conference_id = \(conferenceId)")
            .first?.column("v", as: Int.self) ?? 0
    }

    func insertRelease(_ release: ProgramRelease) async throws {
        try await rows(
            """
            INSERT INTO program_releases (conference_id, version, note, published_at, format_version, snapshot)
            VALUES (\(release.conferenceId), \(release.version), \(release.note), \(release.publishedAt),
                \(PublishedProgram.formatVersion), \(try ReleaseStorage.encode(release.program)))
            """)
    }
}

extension PostgresTransaction {
    func room(_ id: UUID, conferenceId: UUID, lock: RowLock) async throws -> Room? {
        try await rows(
            """
            SELECT \(unescaped: ProgramPostgresRepository.roomColumns) FROM rooms
            WHERE id = \(id) AND conference_id = \(conferenceId) \(unescaped: lock.sql)
            """).first.map(ProgramPostgresRepository.room)
    }

    func updateRoom(_ room: Room) async throws -> Room {
        try await rows(
            """
            UPDATE rooms SET name = \(room.name), capacity = \(room.capacity), version = version + 1
            WHERE id = \(room.id) AND conference_id = \(room.conferenceId)
            RETURNING \(unescaped: ProgramPostgresRepository.roomColumns)
            """).map(ProgramPostgresRepository.room)[0]
    }

    func deleteRoom(_ id: UUID, conferenceId: UUID) async throws {
        try await rows("DELETE FROM rooms WHERE id = \(id) AND conference_id = \(conferenceId)")
    }
}

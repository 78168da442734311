import ConferDomain
import Foundation
import PostgresNIO

extension PostgresTransaction {
    func conference(_ id: UUID, lock: RowLock) async throws -> Conference? {
        try await rows("SELECT \(unescaped: Conference.columns) FROM conferences WHERE id = \(id) \(unescaped: lock.sql)")
            .first.map(Conference.init(row:))
    }

    func insertConference(_ c: Conference) async throws -> Conference {
        let rows = try await rows(
            """
            INSERT INTO conferences (id, slug, languages, texts, start_date, end_date, timezone,
                submission_deadline, notification_date, program_date, registration_opens, registration_closes,
                abstract_max_length, review_mode, reviews_per_submission, created_at, updated_at, version, mail_from,
                reply_to)
            VALUES (\(c.id), \(c.slug), \(c.languages), \(JSONColumn.encode(c.texts))::jsonb,
                \(c.startDate.description)::date, \(c.endDate.description)::date, \(c.timezone),
                \(c.submissionDeadline), \(c.notificationDate), \(c.programDate), \(c.registrationOpens),
                \(c.registrationCloses), \(c.abstractMaxLength), \(c.reviewMode.rawValue),
                \(c.reviewsPerSubmission), \(c.createdAt), \(c.updatedAt), 1, \(c.mailFrom?.text), \(c.replyTo?.text))
            RETURNING \(unescaped: Conference.columns)
            """)
        return try Conference(row: rows[0])
    }

    func updateConference(_ c: Conference) async throws -> Conference {
        let rows = try await rows(
            """
            UPDATE conferences SET languages = \(c.languages), texts = \(JSONColumn.encode(c.texts))::jsonb,
                start_date = \(c.startDate.description)::date, end_date = \(c.endDate.description)::date,
                timezone = \(c.timezone), submission_deadline = \(c.submissionDeadline),
                notification_date = \(c.notificationDate), program_date = \(c.programDate),
                registration_opens = \(c.registrationOpens), registration_closes = \(c.registrationCloses),
                abstract_max_length = \(c.abstractMaxLength), review_mode = \(c.reviewMode.rawValue),
                reviews_per_submission = \(c.reviewsPerSubmission), mail_from = \(c.mailFrom?.text),
                reply_to = \(c.replyTo?.text), updated_at = \(c.updatedAt), version = version + 1
            WHERE id = \(c.id)
            RETURNING \(unescaped: Conference.columns)
            """)
        return try Conference(row: rows[0])
    }

    func organizers(conferenceId: UUID) async throws -> Set<UUID> {
        let rows = try await rows(
            "SELECT account_id FROM members WHERE conference_id = \(conferenceId) AND 'organizer' = ANY (roles)")
        return Set(try rows.map { try $0.column("account_id", as: UUID.self) })
    }

    func member(conferenceId: UUID, accountId: UUID) async throws -> Member? {
        try await rows(
            """
            SELECT \(unescaped: Member.columns) FROM members m JOIN accounts a ON a.id = m.account_id
            WHERE m.conference_id = \(conferenceId) AND m.account_id = \(accountId)
            """).first.map(Member.init(row:))
    }

    func upsertMember(
        conferenceId: UUID, accountId: UUID, roles: [Role], topicIds: [UUID]?, now: Date
    ) async throws -> (member: Member, created: Bool) {
        let upsert = try await rows(
            """
            INSERT INTO members (conference_id, account_id, roles, topic_ids, created_at, updated_at)
            VALUES (\(conferenceId), \(accountId), \(roles.map(\.rawValue)), \(topicIds ?? []), \(now), \(now))
            ON CONFLICT (conference_id, account_id) DO UPDATE
               SET roles = EXCLUDED.roles, updated_at = EXCLUDED.updated_at, version = members.version + 1,
                   topic_ids = CASE WHEN \(topicIds == nil) THEN members.topic_ids ELSE EXCLUDED.topic_ids END
            RETURNING (xmax = 0) AS created
            """)
        let created = try upsert[0].column("created", as: Bool.self)
        guard let member = try await member(conferenceId: conferenceId, accountId: accountId) else {
            throw RowError(description: "a membership just written cannot be read back")
        }
        return (member, created)
    }

    func deleteMember(conferenceId: UUID, accountId: UUID) async throws {
        try await rows("DELETE FROM members WHERE conference_id = \(conferenceId) AND account_id = \(accountId)")
    }

    func topic(_ id: UUID, conferenceId: UUID) async throws -> Topic? {
        try await rows("SELECT \(unescaped: Topic.columns) FROM topics WHERE conference_id = \(conferenceId) AND id = \(id)")
            .first.map(Topic.init(row:))
    }

    func topics(conferenceId: UUID) async throws -> [Topic] {
        try await rows("SELECT \(unescaped: Topic.columns) FROM topics WHERE conference_id = \(conferenceId) ORDER BY position")
            .map(Topic.init(row:))
    }

    func insertTopic(_ t: Topic) async throws -> Topic {
        // The conference row lock orders concurrent creates, so positions never collide.
        try await rows("SELECT 1 FROM conferences WHERE id = \(t.conferenceId) FOR UPDATE")
        let rows = try await rows(
            """
            INSERT INTO topics (id, conference_id, kind, texts, position, created_at, updated_at)
            SELECT \(t.id), \(t.conferenceId), \(t.kind.rawValue), \(JSONColumn.encode(t.texts))::jsonb,
                   coalesce(max(position), 0) + 1, \(t.createdAt), \(t.updatedAt)
            FROM topics WHERE conference_id = \(t.conferenceId)
            RETURNING \(unescaped: Topic.columns)
            """)
        return try Topic(row: rows[0])
    }
}

extension PostgresTransaction {
    func updateTopic(_ t: Topic) async throws -> Topic {
        let rows = try await rows(
            """
            UPDATE topics SET kind = \(t.kind.rawValue), texts = \(JSONColumn.encode(t.texts))::jsonb, updated_at = \(t.updatedAt),
                version = version + 1
            WHERE id = \(t.id) AND conference_id = \(t.conferenceId)
            RETURNING \(unescaped: Topic.columns)
            """)
        return try Topic(row: rows[0])
    }

    func topicUsage(_ id: UUID) async throws -> (proposals: Int, sessions: Int) {
        let rows = try await rows(
            """
            SELECT (SELECT count(*)::int FROM submissions WHERE topic_id = \(id)) AS proposals,
                   (SELECT count(*)::int FROM program_sessions WHERE topic_id = \(id)) AS sessions
            """)
        return (try rows[0].column("proposals", as: Int.self), try rows[0].column("sessions", as: Int.self))
    }

    func removeDeclaredTopic(_ id: UUID, conferenceId: UUID) async throws {
        try await rows(
            """
            UPDATE members SET topic_ids = array_remove(topic_ids, \(id)), version = version + 1
            WHERE conference_id = \(conferenceId) AND \(id) = ANY (topic_ids)
            """)
    }

    func deleteTopic(_ id: UUID, conferenceId: UUID) async throws {
        try await rows("DELETE FROM topics WHERE id = \(id) AND conference_id = \(conferenceId)")
    }
}

import ConferDomain
import Foundation
import PostgresNIO

extension PostgresTransaction {
    func submission(_ id: UUID, conferenceId: UUID, lock: RowLock) async throws -> Submission? {
        let rows = try await rows(
            """
            SELECT \(unescaped: Submission.columns) FROM submissions s
            WHERE s.conference_id = \(conferenceId) AND s.id = \(id) \(unescaped: lock == .forUpdate ? "FOR UPDATE OF s" : "")
            """)
        return try await SubmissionPostgresRepository.withAuthors(rows) { try await self.rows($0) }.first
    }

    func submissions(conferenceId: UUID, statuses: [SubmissionStatus], lock: RowLock) async throws -> [Submission] {
        let rows = try await rows(
            """
            SELECT \(unescaped: Submission.columns) FROM submissions s
            WHERE s.conference_id = \(conferenceId) AND s.status = ANY (\(statuses.map(\.rawValue)))
            ORDER BY s.number \(unescaped: lock == .forUpdate ? "FOR UPDATE OF s" : "")
            """)
        return try await SubmissionPostgresRepository.withAuthors(rows) { try await self.rows($0) }
    }

    func mostSimilar(
        to text: String, ownerId: UUID, excluding: UUID, conferenceId: UUID, threshold: Double
    ) async throws -> (number: Int, score: Double)? {
        // The similarity of each of the author's proposals is computed once: on abstracts of a few thousand
        // characters each computation costs about half a millisecond, paid at every save.
        let rows = try await rows(
            """
            SELECT number, score FROM (
                SELECT number, similarity(title || ' ' || abstract, \(text))::float8 AS score FROM submissions
                WHERE conference_id = \(conferenceId) AND owner_id = \(ownerId) AND id <> \(excluding) AND status <> 'withdrawn'
            ) mine
            WHERE score >= \(threshold) ORDER BY score DESC, number LIMIT 1
            """)
        guard let row = rows.first else { return nil }
        let r = row.makeRandomAccess()
        return (try r["number"].decode(Int.self), try r["score"].decode(Double.self))
    }

    func insert(_ s: Submission, history: HistoryEntry) async throws {
        let search = s.searchableText
        try await rows(
            """
            INSERT INTO submissions (id, conference_id, number, owner_id, status, title, abstract, language,
                translations, topic_id, format, video_justification, keywords, search, created_at, updated_at,
                submitted_at, withdrawn_at, version, warnings, has_anonymity_warnings)
            VALUES (\(s.id), \(s.conferenceId), \(s.number), \(s.ownerId), \(s.status.rawValue), \(s.title),
                \(s.abstract), \(s.language), \(JSONColumn.encode(s.translations))::jsonb, \(s.topicId),
                \(s.format.rawValue), \(s.videoJustification), \(s.keywords),
                to_tsvector('french', \(search)) || to_tsvector('english', \(search)), \(s.createdAt),
                \(s.updatedAt), \(s.submittedAt), \(s.withdrawnAt), \(s.version),
                \(try JSONColumn.json(s.warnings))::jsonb, \(s.warnings.contains(where: \.isAnonymity)))
            """)
        try await insertAuthors(s)
        try await insertHistory(history)
    }

    func update(_ s: Submission, history: HistoryEntry) async throws -> Submission {
        let search = s.searchableText
        let updated = try await rows(
            """
            UPDATE submissions SET status = \(s.status.rawValue), title = \(s.title), abstract = \(s.abstract),
                language = \(s.language), translations = \(JSONColumn.encode(s.translations))::jsonb,
                topic_id = \(s.topicId), format = \(s.format.rawValue), video_justification = \(s.videoJustification),
                keywords = \(s.keywords), search = to_tsvector('french', \(search)) || to_tsvector('english', \(search)),
                updated_at = \(s.updatedAt), submitted_at = \(s.submittedAt), withdrawn_at = \(s.withdrawnAt),
                decided_at = \(s.decidedAt), warnings = \(try JSONColumn.json(s.warnings))::jsonb,
                has_anonymity_warnings = \(s.warnings.contains(where: \.isAnonymity)), version = version + 1
            WHERE id = \(s.id)
            RETURNING version
            """)
        try await rows("DELETE FROM submission_authors WHERE submission_id = \(s.id)")
        try await insertAuthors(s)
        try await insertHistory(history)
        var stored = s
        stored.version = try updated[0].column("version", as: Int.self)
        return stored
    }

    func markNotified(_ ids: [UUID], at: Date) async throws {
        try await rows("UPDATE submissions SET notified_at = \(at) WHERE id = ANY (\(ids))")
    }

    private func insertAuthors(_ s: Submission) async throws {
        try await rows(
            """
            INSERT INTO submission_authors (submission_id, position, name, email, affiliation, presenting)
            SELECT \(s.id), a.position, a.name, a.email, a.affiliation, a.presenting
            FROM jsonb_to_recordset(\(SubmissionAuthor.json(s.authors))::jsonb)
                 AS a(position int, name text, email text, affiliation text, presenting boolean)
            """)
    }

    private func insertHistory(_ entry: HistoryEntry) async throws {
        let changes = String(decoding: try JSONEncoder().encode(entry.changes), as: UTF8.self)
        try await rows(
            """
            INSERT INTO submission_history (submission_id, actor_id, actor_name, actor_role, action, changes, at)
            VALUES (\(entry.submissionId), \(entry.actorId), \(entry.actorName), \(entry.actorRole.rawValue),
                    \(entry.action.rawValue), \(changes)::jsonb, \(entry.at))
            """)
    }
}

extension PostgresTransaction {
    func deleteSubmission(_ id: UUID) async throws {
        // Its authors and history go with it (ON DELETE CASCADE); a draft has no reviews, talk or mail.
        try await rows("DELETE FROM submissions WHERE id = \(id)")
    }
}

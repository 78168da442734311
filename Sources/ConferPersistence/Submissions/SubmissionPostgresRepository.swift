import ConferDomain
import Foundation
import Logging
import PostgresNIO

/// Proposals in PostgreSQL: a proposal, its authors and its history are always written in one transaction.
public struct SubmissionPostgresRepository: SubmissionRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func create(_ s: Submission, history: HistoryEntry) async throws -> Submission {
        // The number comes first, in a statement of its own: every proposal of a conference takes it from the same
        // row, so that row must be locked for one statement, not for the whole transaction below (measured with
        // scripts/bench: 64 authors submitting at once queued behind it at 14 proposals a second). A transaction
        // that fails afterwards leaves a gap in the numbers; they stay unique and increasing.
        let numbered = try await db.query(
            """
            UPDATE conferences SET last_submission_number = last_submission_number + 1
            WHERE id = \(s.conferenceId) RETURNING last_submission_number
            """)
        guard let number = try numbered.first?.column("last_submission_number", as: Int.self) else {
            throw DomainError.notFound("No such conference.")
        }
        return try await db.transaction { connection in
            var created = s
            created.number = number
            created.warnings = try await warningsWithDuplicates(s, connection)
            let search = s.searchableText
            try await connection.rows(
                """
                INSERT INTO submissions (id, conference_id, number, owner_id, status, title, abstract, language,
                    translations, topic_id, format, video_justification, keywords, search, created_at, updated_at,
                    submitted_at, withdrawn_at, version, warnings, has_anonymity_warnings)
                VALUES (\(s.id), \(s.conferenceId), \(number), \(s.ownerId), \(s.status.rawValue), \(s.title),
                    \(s.abstract), \(s.language), \(JSONColumn.encode(s.translations))::jsonb, \(s.topicId),
                    \(s.format.rawValue), \(s.videoJustification), \(s.keywords),
                    to_tsvector('french', \(search)) || to_tsvector('english', \(search)), \(s.createdAt),
                    \(s.updatedAt), \(s.submittedAt), \(s.withdrawnAt), \(s.version),
                    \(try JSONColumn.json(created.warnings))::jsonb, \(created.warnings.contains(where: \.isAnonymity)))
                """, logger: db.logger)
            try await insertAuthors(s, connection)
            try await insertHistory(history, connection)
            try await connection.emit(WebhookEvent.submission(created, action: history.action, at: history.at), logger: db.logger)
            return created
        }
    }

    public func find(conferenceId: UUID, id: UUID) async throws -> Submission? {
        let rows = try await db.query(
            "SELECT \(unescaped: Submission.columns) FROM submissions s WHERE s.conference_id = \(conferenceId) AND s.id = \(id)")
        return try await withAuthors(rows).first
    }

    public func list(conferenceId: UUID, query: SubmissionQuery, page: PageRequest) async throws -> Page<Submission> {
        let rows = try await select(conferenceId: conferenceId, query: query, after: page.after, limit: page.limit + 1)
        let submissions = try await withAuthors(rows)
        let keys = try rows.map { row -> String in
            try row.column(query.sort == .score ? "score_key" : "created_key", as: String.self)
        }
        let keyed = Array(zip(submissions, keys))
        return Page(fetched: keyed, limit: page.limit) { pair in
            switch query.sort {
            case .createdAt, .createdAtDescending, .score: [pair.1, pair.0.id.uuidString]
            case .title, .titleDescending: [pair.0.title, pair.0.id.uuidString]
            }
        }.map(\.0)
    }

    public func all(conferenceId: UUID, query: SubmissionQuery) async throws -> [Submission] {
        try await withAuthors(try await select(conferenceId: conferenceId, query: query, after: nil, limit: nil))
    }

    public func update(_ s: Submission, ifVersion: Int, history: HistoryEntry) async throws -> Submission? {
        try await db.transaction { connection in
            var stored = s
            stored.warnings = try await warningsWithDuplicates(s, connection)
            let search = s.searchableText
            let updated = try await connection.rows(
                """
                UPDATE submissions SET status = \(s.status.rawValue), title = \(s.title), abstract = \(s.abstract),
                    language = \(s.language), translations = \(JSONColumn.encode(s.translations))::jsonb,
                    topic_id = \(s.topicId), format = \(s.format.rawValue), video_justification = \(s.videoJustification),
                    keywords = \(s.keywords), search = to_tsvector('french', \(search)) || to_tsvector('english', \(search)),
                    updated_at = \(s.updatedAt), submitted_at = \(s.submittedAt), withdrawn_at = \(s.withdrawnAt),
                    decided_at = \(s.decidedAt), warnings = \(try JSONColumn.json(stored.warnings))::jsonb,
                    has_anonymity_warnings = \(stored.warnings.contains(where: \.isAnonymity)), version = version + 1
                WHERE id = \(s.id) AND version = \(ifVersion)
                RETURNING version
                """, logger: db.logger)
            guard let version = try updated.first?.column("version", as: Int.self) else { return nil }
            if s.status == .withdrawn {
                // A withdrawn proposal leaves the program; the next release's changes list it as removed.
                try await connection.rows("DELETE FROM talks WHERE submission_id = \(s.id)", logger: db.logger)
            }
            try await connection.rows("DELETE FROM submission_authors WHERE submission_id = \(s.id)", logger: db.logger)
            try await insertAuthors(s, connection)
            try await insertHistory(history, connection)
            stored.version = version
            try await connection.emit(WebhookEvent.submission(stored, action: history.action, at: history.at), logger: db.logger)
            return stored
        }
    }

    public func history(submissionId: UUID, page: PageRequest) async throws -> Page<HistoryEntry> {
        let after = page.after?.first.flatMap { Int64($0) } ?? 0
        let rows = try await db.query(
            """
            SELECT \(unescaped: HistoryEntry.columns) FROM submission_history
            WHERE submission_id = \(submissionId) AND id > \(after) ORDER BY id LIMIT \(page.limit + 1)
            """)
        return Page(fetched: try rows.map(HistoryEntry.init(row:)), limit: page.limit) { [String($0.id)] }
    }

    public func stats(conferenceId: UUID) async throws -> SubmissionStats {
        let rows = try await db.query(
            """
            SELECT 'status' AS dimension, status AS value, count(*)::int AS n FROM submissions
             WHERE conference_id = \(conferenceId) GROUP BY status
            UNION ALL
            SELECT 'format', format, count(*)::int FROM submissions WHERE conference_id = \(conferenceId) GROUP BY format
            UNION ALL
            SELECT 'topic', s.topic_id::text, count(*)::int FROM submissions s LEFT JOIN topics t ON t.id = s.topic_id
             WHERE s.conference_id = \(conferenceId) GROUP BY s.topic_id, t.position ORDER BY 1, 2
            """)
        var byStatus: [SubmissionStatus: Int] = [:]
        var byFormat: [SubmissionFormat: Int] = [:]
        var byTopic: [(topicId: UUID?, count: Int)] = []
        for row in rows {
            let r = row.makeRandomAccess()
            let value = try r["value"].decode(String?.self)
            let count = try r["n"].decode(Int.self)
            switch try r["dimension"].decode(String.self) {
            case "status": if let status = value.flatMap(SubmissionStatus.init(rawValue:)) { byStatus[status] = count }
            case "format": if let format = value.flatMap(SubmissionFormat.init(rawValue:)) { byFormat[format] = count }
            default: byTopic.append((value.flatMap(UUID.init(uuidString:)), count))
            }
        }
        return SubmissionStats(total: byStatus.values.reduce(0, +), byStatus: byStatus, byFormat: byFormat, byTopic: byTopic)
    }

    public func similar(conferenceId: UUID, submissionId: UUID, limit: Int) async throws -> [SimilarSubmission] {
        // `%` (similarity above pg_trgm's default 0.3) lets the trigram index find candidates; the threshold decides.
        let rows = try await db.query(
            """
            SELECT \(unescaped: Submission.columns), similarity(s.title || ' ' || s.abstract, t.text)::float8 AS score
            FROM submissions s,
                 (SELECT title || ' ' || abstract AS text FROM submissions
                  WHERE id = \(submissionId) AND conference_id = \(conferenceId)) t
            WHERE s.conference_id = \(conferenceId) AND s.id <> \(submissionId)
              AND (s.title || ' ' || s.abstract) % t.text
              AND similarity(s.title || ' ' || s.abstract, t.text) >= \(NearDuplicates.threshold)
            ORDER BY score DESC, s.number
            LIMIT \(limit)
            """)
        let submissions = try await withAuthors(rows)
        return try zip(rows, submissions).map { row, submission in
            SimilarSubmission(submission: submission, score: try row.column("score", as: Double.self))
        }
    }

    // MARK: Pieces

    /// The proposal's own warnings, plus one when its owner already has a similar live proposal in the conference.
    private func warningsWithDuplicates(_ s: Submission, _ connection: PostgresConnection) async throws -> [SubmissionWarning] {
        let own = s.warnings.filter(\.isAnonymity)
        guard s.status != .withdrawn else { return own }
        let text = s.title + " " + s.abstract
        // The similarity of each of the author's proposals is computed once: on abstracts of a few thousand
        // characters each computation costs about half a millisecond, paid at every save.
        let rows = try await connection.rows(
            """
            SELECT number, score FROM (
                SELECT number, similarity(title || ' ' || abstract, \(text))::float8 AS score FROM submissions
                WHERE conference_id = \(s.conferenceId) AND owner_id = \(s.ownerId) AND id <> \(s.id) AND status <> 'withdrawn'
            ) mine
            WHERE score >= \(NearDuplicates.threshold) ORDER BY score DESC, number LIMIT 1
            """, logger: db.logger)
        guard let row = rows.first else { return own }
        let r = row.makeRandomAccess()
        return own + [.possibleDuplicate(ofNumber: try r["number"].decode(Int.self), score: try r["score"].decode(Double.self))]
    }

    private func select(conferenceId: UUID, query: SubmissionQuery, after: [String]?, limit: Int?) async throws -> [PostgresRow] {
        var accountId: UUID?
        var email: String?
        var includeAssigned = false
        switch query.scope {
        case .all: break
        case .authoredBy(let id, let address): (accountId, email) = (id, address)
        case .authoredOrAssigned(let id, let address): (accountId, email, includeAssigned) = (id, address, true)
        }
        let (order, keyColumn, keyType, comparison): (String, String, String, String) = switch query.sort {
        case .createdAt: ("s.created_at, s.id", "s.created_at", "timestamptz", ">")
        case .createdAtDescending: ("s.created_at DESC, s.id DESC", "s.created_at", "timestamptz", "<")
        case .title: ("s.title, s.id", "s.title", "text", ">")
        case .titleDescending: ("s.title DESC, s.id DESC", "s.title", "text", "<")
        case .score: ("coalesce(rs.mean, -1) DESC, s.id DESC", "coalesce(rs.mean, -1)", "float8", "<")
        }
        // Authors learn a decision only when notified: until then they filter on the status they are shown.
        let statusColumn = query.scope == .all ? "s.status"
            : "CASE WHEN s.status IN ('accepted', 'rejected') AND s.notified_at IS NULL THEN 'submitted' ELSE s.status END"
        let afterKey = after.flatMap { $0.count == 2 ? $0[0] : nil }
        let afterId = after.flatMap { $0.count == 2 ? UUID(uuidString: $0[1]) : nil }
        let text = query.text?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        return try await db.query(
            """
            SELECT \(unescaped: Submission.columns), coalesce(rs.mean, -1)::text AS score_key
            FROM submissions s
            LEFT JOIN LATERAL (SELECT avg(r.score)::float8 AS mean FROM reviews r WHERE r.submission_id = s.id) rs ON true
            WHERE s.conference_id = \(conferenceId)
              AND (\(accountId)::uuid IS NULL OR s.owner_id = \(accountId)::uuid OR EXISTS (
                    SELECT 1 FROM submission_authors sa
                    WHERE sa.submission_id = s.id AND lower(sa.email) = lower(\(email)::text))
                   OR (\(includeAssigned) AND EXISTS (
                    SELECT 1 FROM assignments a WHERE a.submission_id = s.id AND a.reviewer_id = \(accountId)::uuid)))
              AND (\(query.status?.rawValue)::text IS NULL OR \(unescaped: statusColumn) = \(query.status?.rawValue)::text)
              AND (\(query.topicId)::uuid IS NULL OR s.topic_id = \(query.topicId)::uuid)
              AND (\(query.format?.rawValue)::text IS NULL OR s.format = \(query.format?.rawValue)::text)
              AND (\(query.hasAnonymityWarnings)::boolean IS NULL OR s.has_anonymity_warnings = \(query.hasAnonymityWarnings)::boolean)
              AND (\(query.duplicateOf)::uuid IS NULL OR (s.id <> \(query.duplicateOf)::uuid AND similarity(s.title || ' ' || s.abstract,
                    (SELECT d.title || ' ' || d.abstract FROM submissions d
                     WHERE d.id = \(query.duplicateOf)::uuid AND d.conference_id = \(conferenceId))) >= \(NearDuplicates.threshold)))
              AND (\(text)::text IS NULL OR s.search @@ (websearch_to_tsquery('french', \(text)::text)
                                                        || websearch_to_tsquery('english', \(text)::text)))
              AND (\(afterId)::uuid IS NULL
                   OR (\(unescaped: keyColumn), s.id) \(unescaped: comparison) (\(afterKey)::\(unescaped: keyType), \(afterId)::uuid))
            ORDER BY \(unescaped: order)
            LIMIT \(limit)
            """)
    }

    /// Attaches authors to proposal rows with one more statement, whatever the number of rows.
    private func withAuthors(_ rows: [PostgresRow]) async throws -> [Submission] {
        try await Self.withAuthors(rows) { try await db.query($0) }
    }

    /// The same, through any executor (a transaction's connection, say).
    static func withAuthors(
        _ rows: [PostgresRow], _ query: (PostgresQuery) async throws -> [PostgresRow]
    ) async throws -> [Submission] {
        try await ChildRows.attach(
            to: rows, through: query,
            children: { ids in
                """
                SELECT submission_id, name, email, affiliation, presenting FROM submission_authors
                WHERE submission_id = ANY (\(ids)) ORDER BY submission_id, position
                """
            },
            parentColumn: "submission_id",
            child: { r in
                SubmissionAuthor(
                    name: try r["name"].decode(String.self), email: try r["email"].decode(String.self),
                    affiliation: try r["affiliation"].decode(String?.self), presenting: try r["presenting"].decode(Bool.self))
            },
            parent: Submission.init(row:authors:))
    }

    private func insertAuthors(_ s: Submission, _ connection: PostgresConnection) async throws {
        try await connection.rows(
            """
            INSERT INTO submission_authors (submission_id, position, name, email, affiliation, presenting)
            SELECT \(s.id), a.position, a.name, a.email, a.affiliation, a.presenting
            FROM jsonb_to_recordset(\(SubmissionAuthor.json(s.authors))::jsonb)
                 AS a(position int, name text, email text, affiliation text, presenting boolean)
            """, logger: db.logger)
    }

    private func insertHistory(_ entry: HistoryEntry, _ connection: PostgresConnection) async throws {
        let changes = String(decoding: try JSONEncoder().encode(entry.changes), as: UTF8.self)
        try await connection.rows(
            """
            INSERT INTO submission_history (submission_id, actor_id, actor_name, actor_role, action, changes, at)
            VALUES (\(entry.submissionId), \(entry.actorId), \(entry.actorName), \(entry.actorRole.rawValue),
                    \(entry.action.rawValue), \(changes)::jsonb, \(entry.at))
            """, logger: db.logger)
    }
}

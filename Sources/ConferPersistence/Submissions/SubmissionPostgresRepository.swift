import ConferDomain
import Foundation
import Logging
import PostgresNIO

/// Reads of proposals in PostgreSQL; `SubmissionPostgresTransaction.swift` writes them.
public struct SubmissionPostgresRepository: SubmissionRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func nextNumber(conferenceId: UUID) async throws -> Int {
        let numbered = try await db.query(
            """
            UPDATE conferences SET last_submission_number = last_submission_number + 1
            WHERE id = \(conferenceId) RETURNING last_submission_number
            """)
        guard let number = try numbered.first?.column("last_submission_number", as: Int.self) else {
            throw DomainError.notFound("No such conference.")
        }
        return number
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

    public func mine(accountId: UUID, email: String, page: PageRequest) async throws -> Page<Submission> {
        let after = KeysetCursor(page)
        let rows = try await db.query(
            """
            SELECT \(unescaped: Submission.columns) FROM submissions s
            WHERE (s.owner_id = \(accountId) OR EXISTS (
                    SELECT 1 FROM submission_authors sa WHERE sa.submission_id = s.id AND lower(sa.email) = lower(\(email))))
              AND (\(after.id)::uuid IS NULL OR (s.created_at, s.id) > (\(after.key)::timestamptz, \(after.id)::uuid))
            ORDER BY s.created_at, s.id LIMIT \(page.limit + 1)
            """)
        let keyed = Array(zip(try await withAuthors(rows), try rows.map { try $0.column("created_key", as: String.self) }))
        return Page(fetched: keyed, limit: page.limit) { [$0.1, $0.0.id.uuidString] }.map(\.0)
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
        // Authors learn a decision only when notified: a status filter matches the stored states that show as it.
        let states = query.storedStates
        let after = KeysetCursor(after)
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
              AND (\(states?.map(\.status.rawValue))::text[] IS NULL OR (s.status, s.notified_at IS NOT NULL) IN (
                    SELECT * FROM unnest(\(states?.map(\.status.rawValue))::text[], \(states?.map(\.notified))::boolean[])))
              AND (\(query.topicId)::uuid IS NULL OR s.topic_id = \(query.topicId)::uuid)
              AND (\(query.format?.rawValue)::text IS NULL OR s.format = \(query.format?.rawValue)::text)
              AND (\(query.hasAnonymityWarnings)::boolean IS NULL OR s.has_anonymity_warnings = \(query.hasAnonymityWarnings)::boolean)
              AND (\(query.duplicateOf)::uuid IS NULL OR (s.id <> \(query.duplicateOf)::uuid AND similarity(s.title || ' ' || s.abstract,
                    (SELECT d.title || ' ' || d.abstract FROM submissions d
                     WHERE d.id = \(query.duplicateOf)::uuid AND d.conference_id = \(conferenceId))) >= \(NearDuplicates.threshold)))
              AND (\(text)::text IS NULL OR s.search @@ (websearch_to_tsquery('french', \(text)::text)
                                                        || websearch_to_tsquery('english', \(text)::text)))
              AND (\(after.id)::uuid IS NULL
                   OR (\(unescaped: keyColumn), s.id) \(unescaped: comparison) (\(after.key)::\(unescaped: keyType), \(after.id)::uuid))
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
}

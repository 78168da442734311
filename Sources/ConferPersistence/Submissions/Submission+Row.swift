import ConferDomain
import Foundation
import PostgresNIO

extension Submission {
    /// Columns of `submissions s` that `init(row:authors:)` reads, plus the keyset sort keys.
    static let columns = """
        s.id, s.conference_id, s.number, s.owner_id, s.status, s.title, s.abstract, s.language,
        s.translations::text AS translations, s.topic_id, s.format, s.video_justification, s.keywords, s.created_at,
        s.updated_at, s.submitted_at, s.withdrawn_at, s.decided_at, s.notified_at, s.version, s.warnings::text AS warnings,
        s.created_at::text AS created_key
        """

    init(row: PostgresRow, authors: [SubmissionAuthor]) throws {
        let r = row.makeRandomAccess()
        guard let status = SubmissionStatus(rawValue: try r["status"].decode(String.self)),
              let format = SubmissionFormat(rawValue: try r["format"].decode(String.self))
        else { throw RowError(description: "submission row with an unknown status or format") }
        self.init(
            id: try r["id"].decode(UUID.self),
            conferenceId: try r["conference_id"].decode(UUID.self),
            number: try r["number"].decode(Int.self),
            ownerId: try r["owner_id"].decode(UUID.self),
            status: status,
            title: try r["title"].decode(String.self),
            abstract: try r["abstract"].decode(String.self),
            language: try r["language"].decode(String.self),
            translations: try JSONColumn.decodeTranslations(try r["translations"].decode(String.self)),
            topicId: try r["topic_id"].decode(UUID?.self),
            format: format,
            videoJustification: try r["video_justification"].decode(String?.self),
            keywords: try r["keywords"].decode([String].self),
            authors: authors,
            createdAt: try r["created_at"].decode(Date.self),
            updatedAt: try r["updated_at"].decode(Date.self),
            submittedAt: try r["submitted_at"].decode(Date?.self),
            withdrawnAt: try r["withdrawn_at"].decode(Date?.self),
            version: try r["version"].decode(Int.self))
        decidedAt = try r["decided_at"].decode(Date?.self)
        notifiedAt = try r["notified_at"].decode(Date?.self)
        warnings = try JSONDecoder().decode([SubmissionWarning].self, from: Data(try r["warnings"].decode(String.self).utf8))
    }
}

extension SubmissionAuthor {
    /// Authors travel to SQL as one JSON array, expanded with `jsonb_to_recordset`.
    struct Row: Codable {
        var position: Int
        var name: String
        var email: String
        var affiliation: String?
        var presenting: Bool
    }

    static func json(_ authors: [SubmissionAuthor]) -> String {
        let rows = authors.enumerated().map {
            Row(position: $0.offset + 1, name: $0.element.name, email: $0.element.email,
                affiliation: $0.element.affiliation, presenting: $0.element.presenting)
        }
        return String(decoding: (try? JSONEncoder().encode(rows)) ?? Data("[]".utf8), as: UTF8.self)
    }
}

extension HistoryEntry {
    static let columns = "id, submission_id, actor_id, actor_name, actor_role, action, changes::text AS changes, at"

    init(row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        guard let role = ActorRole(rawValue: try r["actor_role"].decode(String.self)),
              let action = SubmissionAction(rawValue: try r["action"].decode(String.self))
        else { throw RowError(description: "history row with an unknown role or action") }
        self.init(
            id: try r["id"].decode(Int64.self),
            submissionId: try r["submission_id"].decode(UUID.self),
            actorId: try r["actor_id"].decode(UUID.self),
            actorName: try r["actor_name"].decode(String.self),
            actorRole: role,
            action: action,
            changes: try JSONDecoder().decode([FieldChange].self, from: Data(try r["changes"].decode(String.self).utf8)),
            at: try r["at"].decode(Date.self))
    }
}

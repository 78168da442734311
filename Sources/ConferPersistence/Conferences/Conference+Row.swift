import ConferDomain
import Foundation
import PostgresNIO

extension Conference {
    /// The columns `init(row:)` reads, for SELECT and RETURNING lists.
    static let columns = """
        id, slug, languages, texts::text AS texts, start_date::text AS start_date, end_date::text AS end_date,
        timezone, submission_deadline, notification_date, program_date, registration_opens, registration_closes,
        abstract_max_length, review_mode, reviews_per_submission, created_at, updated_at, version, mail_from, reply_to
        """

    init(row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        let start = try r["start_date"].decode(String.self)
        let end = try r["end_date"].decode(String.self)
        let mode = try r["review_mode"].decode(String.self)
        guard let startDate = CalendarDate(start), let endDate = CalendarDate(end),
              let reviewMode = ReviewMode(rawValue: mode)
        else { throw RowError(description: "conference row with unreadable dates or review mode") }
        self.init(
            id: try r["id"].decode(UUID.self),
            slug: try r["slug"].decode(String.self),
            languages: try r["languages"].decode([String].self),
            texts: try JSONColumn.decodeTranslations(try r["texts"].decode(String.self)),
            startDate: startDate,
            endDate: endDate,
            timezone: try r["timezone"].decode(String.self),
            submissionDeadline: try r["submission_deadline"].decode(Date?.self),
            notificationDate: try r["notification_date"].decode(Date?.self),
            programDate: try r["program_date"].decode(Date?.self),
            registrationOpens: try r["registration_opens"].decode(Date?.self),
            registrationCloses: try r["registration_closes"].decode(Date?.self),
            abstractMaxLength: try r["abstract_max_length"].decode(Int.self),
            reviewMode: reviewMode,
            reviewsPerSubmission: try r["reviews_per_submission"].decode(Int.self),
            createdAt: try r["created_at"].decode(Date.self),
            updatedAt: try r["updated_at"].decode(Date.self),
            version: try r["version"].decode(Int.self),
            mailFrom: try r["mail_from"].decode(String?.self).flatMap(MailAddress.init),
            replyTo: try r["reply_to"].decode(String?.self).flatMap(MailAddress.init))
    }
}

/// A stored row that this build cannot read: a bug or a manual edit, never bad input.
struct RowError: Error, CustomStringConvertible {
    var description: String
}

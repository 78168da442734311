import ConferDomain
import Foundation
import PostgresNIO

extension OutboxMessage {
    static let columns = """
        id, conference_id, kind, submission_id, recipient, recipient_name, language, subject, body, status, attempts,
        next_attempt_at, last_error, created_at, sent_at, created_at::text AS created_key
        """

    /// The conference's sender and reply address of the messages of `table`, for `init(row:)` to read.
    static func senderColumns(_ table: String) -> String {
        """
        (SELECT c.mail_from FROM conferences c WHERE c.id = \(table).conference_id) AS mail_from,
        (SELECT c.reply_to FROM conferences c WHERE c.id = \(table).conference_id) AS reply_to
        """
    }

    init(row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        guard let status = Status(rawValue: try r["status"].decode(String.self)) else {
            throw RowError(description: "outbox row with an unknown status")
        }
        self.init(
            id: try r["id"].decode(UUID.self),
            conferenceId: try r["conference_id"].decode(UUID.self),
            message: OutboundMessage(
                kind: try r["kind"].decode(String.self), submissionId: try r["submission_id"].decode(UUID?.self),
                recipient: try r["recipient"].decode(String.self), recipientName: try r["recipient_name"].decode(String?.self),
                language: try r["language"].decode(String.self), subject: try r["subject"].decode(String.self),
                body: try r["body"].decode(String.self)),
            status: status,
            attempts: try r["attempts"].decode(Int.self),
            nextAttemptAt: try r["next_attempt_at"].decode(Date.self),
            lastError: try r["last_error"].decode(String?.self),
            createdAt: try r["created_at"].decode(Date.self),
            sentAt: try r["sent_at"].decode(Date?.self),
            // Only the delivery worker's claim reads the conference's sender.
            from: r.contains("mail_from") ? try r["mail_from"].decode(String?.self).flatMap(MailAddress.init) : nil,
            replyTo: r.contains("reply_to") ? try r["reply_to"].decode(String?.self).flatMap(MailAddress.init) : nil)
    }
}

import ConferDomain
import Foundation
import Logging
import PostgresNIO

/// Delivers due outbox messages through a transport. Any number of instances may run it against one
/// database: each batch is claimed with `FOR UPDATE SKIP LOCKED`, so no message is sent twice concurrently.
public struct OutboxRelay: Sendable {
    let db: Database
    let transport: any MessageTransport
    let batchSize: Int

    public init(database: Database, transport: any MessageTransport, batchSize: Int = 20) {
        self.db = database
        self.transport = transport
        self.batchSize = batchSize
    }

    /// Sends one batch of due messages; returns how many were attempted.
    @discardableResult
    public func deliverDue(now: Date) async throws -> Int {
        try await db.transaction { connection in
            let logger = db.logger
            let rows = try await connection.rows(
                """
                SELECT \(unescaped: OutboxMessage.columns) FROM outbox_messages
                WHERE status = 'queued' AND next_attempt_at <= \(now)
                ORDER BY next_attempt_at, id LIMIT \(batchSize) FOR UPDATE SKIP LOCKED
                """, logger: logger)
            for message in try rows.map(OutboxMessage.init(row:)) {
                do {
                    try await transport.send(message)
                    try await connection.rows(
                        "UPDATE outbox_messages SET status = 'sent', attempts = attempts + 1, sent_at = \(now), last_error = NULL WHERE id = \(message.id)",
                        logger: logger)
                } catch {
                    let attempts = message.attempts + 1
                    let status: OutboxMessage.Status = attempts >= DeliveryPolicy.maxAttempts ? .failed : .queued
                    let next = now.addingTimeInterval(DeliveryPolicy.delay(afterAttempt: attempts))
                    try await connection.rows(
                        """
                        UPDATE outbox_messages SET status = \(status.rawValue), attempts = \(attempts), next_attempt_at = \(next),
                            last_error = \(String(describing: error).prefix(500).description)
                        WHERE id = \(message.id)
                        """, logger: logger)
                }
            }
            return rows.count
        }
    }
}

extension PostgresConnection {
    /// Queues a message in the outbox, inside the caller's transaction, so it is sent only if the change commits.
    func enqueue(_ message: OutboundMessage, conferenceId: UUID, now: Date, logger: Logger) async throws {
        try await rows(
            """
            INSERT INTO outbox_messages (id, conference_id, kind, submission_id, recipient, recipient_name,
                language, subject, body, next_attempt_at, created_at)
            VALUES (\(UUID()), \(conferenceId), \(message.kind), \(message.submissionId), \(message.recipient),
                \(message.recipientName), \(message.language), \(message.subject), \(message.body), \(now), \(now))
            """, logger: logger)
    }
}

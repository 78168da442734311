import ConferDomain
import Foundation
import PostgresNIO

/// The outbox as the mail delivery worker leases it (`MailRelay`): a claim takes due messages with
/// `FOR UPDATE SKIP LOCKED` and pushes their next attempt past the lease in the same statement, which commits at
/// once, so no row lock is held while a message is sent. Each claimed message carries its conference's sender.
public struct MailPostgresQueue: MailQueue {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func claim(dueAt now: Date, limit: Int, leaseUntil: Date) async throws -> [OutboxMessage] {
        try await db.query(
            """
            WITH due AS (
                SELECT id FROM outbox_messages
                WHERE status = 'queued' AND next_attempt_at <= \(now)
                ORDER BY next_attempt_at, id LIMIT \(limit) FOR UPDATE SKIP LOCKED),
            leased AS (
                UPDATE outbox_messages m SET attempts = m.attempts + 1, next_attempt_at = \(leaseUntil)
                FROM due WHERE m.id = due.id
                RETURNING m.*)
            SELECT \(unescaped: OutboxMessage.columns), \(unescaped: OutboxMessage.senderColumns("leased"))
            FROM leased ORDER BY created_at, id
            """).map(OutboxMessage.init(row:))
    }

    public func recordSent(_ id: UUID, at: Date) async throws {
        try await db.query("UPDATE outbox_messages SET status = 'sent', sent_at = \(at), last_error = NULL WHERE id = \(id)")
    }

    public func recordFailure(_ id: UUID, status: OutboxMessage.Status, nextAttemptAt: Date, error: String) async throws {
        try await db.query(
            """
            UPDATE outbox_messages SET status = \(status.rawValue), next_attempt_at = \(nextAttemptAt), last_error = \(error)
            WHERE id = \(id)
            """)
    }
}

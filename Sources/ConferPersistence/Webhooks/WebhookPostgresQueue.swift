import ConferDomain
import Foundation
import PostgresNIO

/// Pending webhook deliveries as the delivery worker leases them (`WebhookRelay`): a claim takes due deliveries with
/// `FOR UPDATE SKIP LOCKED` and pushes their next attempt past the lease in the same statement, which commits at
/// once, so no row lock is held while receivers answer.
public struct WebhookPostgresQueue: WebhookQueue {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func claim(dueAt now: Date, limit: Int, leaseUntil: Date) async throws -> [ClaimedDelivery] {
        let claimed = try await db.query(
            """
            WITH due AS (
                SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= \(now) AND w.active
                ORDER BY d.next_attempt_at, d.seq LIMIT \(limit)
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = \(leaseUntil)
            FROM due, webhooks w, webhook_events e
            WHERE d.id = due.id AND w.id = d.webhook_id AND e.id = d.event_id
            RETURNING d.id, d.seq, d.attempts, w.id AS webhook_id, w.url, w.secret, e.id AS event_id, e.body
            """)
        return try claimed.map { row in
            let r = row.makeRandomAccess()
            return ClaimedDelivery(
                webhookId: try r["webhook_id"].decode(UUID.self), sequence: try r["seq"].decode(Int64.self),
                attempts: try r["attempts"].decode(Int.self),
                request: WebhookRequest(
                    deliveryId: try r["id"].decode(UUID.self), url: try r["url"].decode(String.self),
                    secret: try r["secret"].decode(String.self),
                    messageId: try r["event_id"].decode(UUID.self).uuidString.lowercased(), body: try r["body"].decode(String.self)))
        }
    }

    public func record(
        _ attempt: WebhookAttempt, of deliveryId: UUID, status: WebhookDeliveryStatus, nextAttemptAt: Date?
    ) async throws {
        let finished = attempt.at.addingTimeInterval(Double(attempt.durationMilliseconds) / 1000)
        try await db.query(
            """
            WITH logged AS (
                INSERT INTO webhook_attempts (delivery_id, at, status_code, duration_ms, error)
                VALUES (\(deliveryId), \(attempt.at), \(attempt.statusCode), \(attempt.durationMilliseconds),
                    \(attempt.error.map { String($0.prefix(500)) })))
            UPDATE webhook_deliveries SET status = \(status.rawValue), next_attempt_at = \(nextAttemptAt),
                delivered_at = \(status == .succeeded ? finished : nil)
            WHERE id = \(deliveryId)
            """)
    }
}

import ConferDomain
import Foundation
import Logging
import PostgresNIO

/// Sends due webhook deliveries. Any number of instances may run it against one database: a batch is claimed with
/// `FOR UPDATE SKIP LOCKED` and leased (its next attempt pushed `WebhookRetryPolicy.lease` ahead) in a short
/// transaction, so no lock is held while receivers answer, and a delivery whose worker died mid-send is retried
/// once the lease runs out.
public struct WebhookRelay: Sendable {
    let db: Database
    let transport: any WebhookTransport
    let batchSize: Int

    public init(database: Database, transport: any WebhookTransport, batchSize: Int = 32) {
        self.db = database
        self.transport = transport
        self.batchSize = batchSize
    }

    /// Attempts one batch of due deliveries, concurrently; returns how many were attempted.
    @discardableResult
    public func deliverDue(now: Date) async throws -> Int {
        let claimed = try await db.query(
            """
            WITH due AS (
                SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= \(now) AND w.active
                ORDER BY d.next_attempt_at, d.seq LIMIT \(batchSize)
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE webhook_deliveries d SET attempts = d.attempts + 1,
                next_attempt_at = \(now.addingTimeInterval(WebhookRetryPolicy.lease))
            FROM due, webhooks w, webhook_events e
            WHERE d.id = due.id AND w.id = d.webhook_id AND e.id = d.event_id
            RETURNING d.id, d.seq, d.attempts, w.id AS webhook_id, w.url, w.secret, e.id AS event_id, e.body
            """)
        var byWebhook: [UUID: [(seq: Int64, request: WebhookRequest, attempts: Int)]] = [:]
        for row in claimed {
            let r = row.makeRandomAccess()
            let request = WebhookRequest(
                deliveryId: try r["id"].decode(UUID.self), url: try r["url"].decode(String.self),
                secret: try r["secret"].decode(String.self),
                messageId: try r["event_id"].decode(UUID.self).uuidString.lowercased(), body: try r["body"].decode(String.self))
            byWebhook[try r["webhook_id"].decode(UUID.self), default: []]
                .append((try r["seq"].decode(Int64.self), request, try r["attempts"].decode(Int.self)))
        }
        // Endpoints are served concurrently; each gets its events one at a time, in the order they happened.
        await withTaskGroup(of: Void.self) { group in
            for deliveries in byWebhook.values {
                group.addTask {
                    for (_, request, attempts) in deliveries.sorted(by: { $0.seq < $1.seq }) {
                        let attempt = await transport.send(request, at: now)
                        do {
                            try await record(attempt, of: request.deliveryId, attempts: attempts)
                        } catch {
                            // The lease runs out and the delivery is tried again: at least once, never lost.
                            db.logger.warning(
                                "could not record a webhook attempt",
                                metadata: ["delivery": "\(request.deliveryId)", "error": "\(error)"])
                        }
                    }
                }
            }
        }
        return claimed.count
    }

    private func record(_ attempt: WebhookAttempt, of deliveryId: UUID, attempts: Int) async throws {
        let status: WebhookDeliveryStatus
        var next: Date?
        if attempt.succeeded {
            status = .succeeded
        } else if let retry = WebhookRetryPolicy.nextAttempt(afterAttempt: attempts, at: attempt.at) {
            (status, next) = (.pending, retry)
        } else {
            status = .failed
        }
        let finished = attempt.at.addingTimeInterval(Double(attempt.durationMilliseconds) / 1000)
        try await db.query(
            """
            WITH logged AS (
                INSERT INTO webhook_attempts (delivery_id, at, status_code, duration_ms, error)
                VALUES (\(deliveryId), \(attempt.at), \(attempt.statusCode), \(attempt.durationMilliseconds),
                    \(attempt.error.map { String($0.prefix(500)) })))
            UPDATE webhook_deliveries SET status = \(status.rawValue), next_attempt_at = \(next),
                delivered_at = \(status == .succeeded ? finished : nil)
            WHERE id = \(deliveryId)
            """)
    }
}

import ConferDomain
import Foundation
import PostgresNIO

extension PostgresTransaction {
    func webhook(_ id: UUID, conferenceId: UUID, lock: RowLock) async throws -> Webhook? {
        try await rows(
            "SELECT \(unescaped: Webhook.columns) FROM webhooks w WHERE w.conference_id = \(conferenceId) AND w.id = \(id) \(unescaped: lock.sql)")
            .first.map(Webhook.init(row:))
    }

    func insertWebhook(_ w: Webhook) async throws {
        try await rows(
            """
            INSERT INTO webhooks (id, conference_id, url, events, description, active, secret, created_by, created_at,
                updated_at, version)
            VALUES (\(w.id), \(w.conferenceId), \(w.url), \(w.events.map(\.rawValue)), \(w.description), \(w.active),
                \(w.secret), \(w.createdBy), \(w.createdAt), \(w.updatedAt), \(w.version))
            """)
    }

    func updateWebhook(_ w: Webhook) async throws -> Webhook {
        let rows = try await rows(
            """
            UPDATE webhooks SET url = \(w.url), events = \(w.events.map(\.rawValue)), description = \(w.description),
                active = \(w.active), secret = \(w.secret), updated_at = \(w.updatedAt), version = version + 1
            WHERE id = \(w.id) AND conference_id = \(w.conferenceId)
            RETURNING version
            """)
        var stored = w
        stored.version = try rows[0].column("version", as: Int.self)
        return stored
    }

    func deleteWebhook(_ id: UUID, conferenceId: UUID) async throws -> Bool {
        !(try await rows("DELETE FROM webhooks WHERE conference_id = \(conferenceId) AND id = \(id) RETURNING id")).isEmpty
    }

    func redeliver(_ deliveryId: UUID, webhookId: UUID, now: Date) async throws -> WebhookDelivery? {
        let rows = try await rows(
            """
            WITH queued AS (
                UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = \(now), delivered_at = NULL
                WHERE id = \(deliveryId) AND webhook_id = \(webhookId)
                RETURNING *)
            SELECT \(unescaped: WebhookDelivery.columns) FROM queued d JOIN webhook_events e ON e.id = d.event_id
            """)
        return try await WebhookPostgresRepository.withAttempts(rows) { try await self.rows($0) }.first
    }
}

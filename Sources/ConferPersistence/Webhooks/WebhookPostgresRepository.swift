import ConferDomain
import Foundation
import Logging
import PostgresNIO

/// Webhooks and their delivery log in PostgreSQL. Events and deliveries are written by the repositories whose
/// changes raise them (`PostgresConnection.emit`) and sent by `WebhookRelay`.
public struct WebhookPostgresRepository: WebhookRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func create(_ w: Webhook) async throws -> Webhook {
        try await db.query(
            """
            INSERT INTO webhooks (id, conference_id, url, events, description, active, secret, created_by, created_at,
                updated_at, version)
            VALUES (\(w.id), \(w.conferenceId), \(w.url), \(w.events.map(\.rawValue)), \(w.description), \(w.active),
                \(w.secret), \(w.createdBy), \(w.createdAt), \(w.updatedAt), \(w.version))
            """)
        return w
    }

    public func find(conferenceId: UUID, id: UUID) async throws -> Webhook? {
        try await db.query(
            "SELECT \(unescaped: Webhook.columns) FROM webhooks w WHERE w.conference_id = \(conferenceId) AND w.id = \(id)")
            .first.map(Webhook.init(row:))
    }

    public func list(conferenceId: UUID) async throws -> [Webhook] {
        try await db.query(
            "SELECT \(unescaped: Webhook.columns) FROM webhooks w WHERE w.conference_id = \(conferenceId) ORDER BY w.created_at, w.id")
            .map(Webhook.init(row:))
    }

    public func update(_ w: Webhook, ifVersion: Int) async throws -> Webhook? {
        let rows = try await db.query(
            """
            UPDATE webhooks SET url = \(w.url), events = \(w.events.map(\.rawValue)), description = \(w.description),
                active = \(w.active), secret = \(w.secret), updated_at = \(w.updatedAt), version = version + 1
            WHERE id = \(w.id) AND conference_id = \(w.conferenceId) AND version = \(ifVersion)
            RETURNING version
            """)
        guard let version = try rows.first?.column("version", as: Int.self) else { return nil }
        var stored = w
        stored.version = version
        return stored
    }

    public func delete(conferenceId: UUID, id: UUID) async throws -> Bool {
        !(try await db.query(
            "DELETE FROM webhooks WHERE conference_id = \(conferenceId) AND id = \(id) RETURNING id").isEmpty)
    }

    public func deliveries(webhookId: UUID, status: WebhookDeliveryStatus?, page: PageRequest) async throws -> Page<WebhookDelivery> {
        let after = page.after?.first.flatMap { Int64($0) }
        let rows = try await db.query(
            """
            SELECT \(unescaped: WebhookDelivery.columns)
            FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
            WHERE d.webhook_id = \(webhookId) AND (\(status?.rawValue)::text IS NULL OR d.status = \(status?.rawValue)::text)
              AND (\(after)::bigint IS NULL OR d.seq < \(after)::bigint)
            ORDER BY d.seq DESC
            LIMIT \(page.limit + 1)
            """)
        let deliveries = try await withAttempts(rows)
        let keyed = try zip(deliveries, rows.map { try $0.column("seq", as: Int64.self) }).map { ($0, $1) }
        return Page(fetched: keyed, limit: page.limit) { [String($0.1)] }.map(\.0)
    }

    public func redeliver(webhookId: UUID, deliveryId: UUID, now: Date) async throws -> WebhookDelivery? {
        let rows = try await db.query(
            """
            WITH queued AS (
                UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = \(now), delivered_at = NULL
                WHERE id = \(deliveryId) AND webhook_id = \(webhookId)
                RETURNING *)
            SELECT \(unescaped: WebhookDelivery.columns) FROM queued d JOIN webhook_events e ON e.id = d.event_id
            """)
        return try await withAttempts(rows).first
    }

    /// Attaches each delivery's attempts with one more statement, whatever the number of deliveries.
    private func withAttempts(_ rows: [PostgresRow]) async throws -> [WebhookDelivery] {
        try await ChildRows.attach(
            to: rows, through: { try await db.query($0) },
            children: { ids in
                """
                SELECT delivery_id, at, status_code, duration_ms, error FROM webhook_attempts
                WHERE delivery_id = ANY (\(ids)) ORDER BY delivery_id, id
                """
            },
            parentColumn: "delivery_id",
            child: { r in
                WebhookAttempt(
                    at: try r["at"].decode(Date.self), statusCode: try r["status_code"].decode(Int?.self),
                    durationMilliseconds: try r["duration_ms"].decode(Int.self), error: try r["error"].decode(String?.self))
            },
            parent: WebhookDelivery.init(row:attempts:))
    }
}

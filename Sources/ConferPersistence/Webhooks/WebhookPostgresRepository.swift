import ConferDomain
import Foundation
import Logging
import PostgresNIO

/// Reads of webhooks and their delivery log in PostgreSQL. Events and deliveries are written in the transaction of the
/// change that raises them (`PostgresTransaction.emit`) and sent by `WebhookRelay` through `WebhookPostgresQueue`.
public struct WebhookPostgresRepository: WebhookRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

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
        let deliveries = try await Self.withAttempts(rows) { try await db.query($0) }
        let keyed = try zip(deliveries, rows.map { try $0.column("seq", as: Int64.self) }).map { ($0, $1) }
        return Page(fetched: keyed, limit: page.limit) { [String($0.1)] }.map(\.0)
    }

    /// Attaches each delivery's attempts with one more statement, whatever the number of deliveries.
    static func withAttempts(
        _ rows: [PostgresRow], _ query: (PostgresQuery) async throws -> [PostgresRow]
    ) async throws -> [WebhookDelivery] {
        try await ChildRows.attach(
            to: rows, through: query,
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

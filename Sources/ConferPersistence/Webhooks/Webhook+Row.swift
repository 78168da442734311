import ConferDomain
import Foundation
import PostgresNIO

extension Webhook {
    /// The columns of `webhooks w` that `init(row:)` reads.
    static let columns = """
        w.id, w.conference_id, w.url, w.events, w.description, w.active, w.secret, w.created_by, w.created_at,
        w.updated_at, w.version
        """

    init(row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        self.init(
            id: try r["id"].decode(UUID.self),
            conferenceId: try r["conference_id"].decode(UUID.self),
            url: try r["url"].decode(String.self),
            // Names a newer release wrote that this one does not know are skipped, not fatal.
            events: try r["events"].decode([String].self).compactMap(WebhookEventType.init(rawValue:)),
            description: try r["description"].decode(String?.self),
            active: try r["active"].decode(Bool.self),
            secret: try r["secret"].decode(String.self),
            createdBy: try r["created_by"].decode(UUID.self),
            createdAt: try r["created_at"].decode(Date.self),
            updatedAt: try r["updated_at"].decode(Date.self),
            version: try r["version"].decode(Int.self))
    }
}

extension WebhookDelivery {
    /// The columns of `webhook_deliveries d` joined with `webhook_events e`, with the listing key `seq`.
    static let columns = """
        d.id, d.seq, d.webhook_id, d.event_id, e.type AS event_type, d.status, d.next_attempt_at, d.created_at,
        d.delivered_at, e.body
        """

    init(row: PostgresRow, attempts: [WebhookAttempt]) throws {
        let r = row.makeRandomAccess()
        guard let type = WebhookEventType(rawValue: try r["event_type"].decode(String.self)),
              let status = WebhookDeliveryStatus(rawValue: try r["status"].decode(String.self))
        else { throw RowError(description: "webhook delivery row with an unknown event type or status") }
        self.init(
            id: try r["id"].decode(UUID.self),
            webhookId: try r["webhook_id"].decode(UUID.self),
            eventId: try r["event_id"].decode(UUID.self),
            eventType: type,
            status: status,
            nextAttemptAt: status == .pending ? try r["next_attempt_at"].decode(Date?.self) : nil,
            createdAt: try r["created_at"].decode(Date.self),
            deliveredAt: try r["delivered_at"].decode(Date?.self),
            body: try r["body"].decode(String.self),
            attempts: attempts)
    }
}

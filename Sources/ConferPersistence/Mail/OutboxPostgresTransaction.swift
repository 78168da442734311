import ConferDomain
import Foundation
import PostgresNIO

extension PostgresTransaction {
    func enqueue(_ message: OutboundMessage, conferenceId: UUID, at now: Date) async throws {
        try await rows(
            """
            INSERT INTO outbox_messages (id, conference_id, kind, submission_id, recipient, recipient_name,
                language, subject, body, next_attempt_at, created_at)
            VALUES (\(UUID()), \(conferenceId), \(message.kind), \(message.submissionId), \(message.recipient),
                \(message.recipientName), \(message.language), \(message.subject), \(message.body), \(now), \(now))
            """)
    }

    /// One statement, and nothing is written when no webhook listens.
    func emit(_ event: WebhookEvent) async throws {
        let data = try JSONColumn.json(event.data)
        try await rows(
            """
            WITH targets AS (
                SELECT id FROM webhooks
                WHERE conference_id = \(event.conferenceId) AND active AND \(event.type.rawValue) = ANY (events)),
            event AS (
                INSERT INTO webhook_events (id, conference_id, type, body, created_at)
                SELECT \(event.id), c.id, \(event.type.rawValue),
                    jsonb_build_object('id', \(event.id.uuidString.lowercased()), 'type', \(event.type.rawValue),
                        'createdAt', \(WebhookEvent.timestamp(event.createdAt)),
                        'conference', jsonb_build_object('id', c.id, 'slug', c.slug), 'data', \(data)::jsonb)::text,
                    \(event.createdAt)
                FROM conferences c WHERE c.id = \(event.conferenceId) AND EXISTS (SELECT 1 FROM targets)
                RETURNING id)
            INSERT INTO webhook_deliveries (id, webhook_id, event_id, status, next_attempt_at, created_at)
            SELECT gen_random_uuid(), t.id, e.id, 'pending', \(event.createdAt), \(event.createdAt)
            FROM targets t CROSS JOIN event e
            """)
    }
}

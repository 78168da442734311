import ConferDomain
import Foundation

extension OutboxTransaction {
    /// Writes what `events` cause to both outboxes, in this transaction: the messages each sends and the webhook event
    /// each raises; returns how many messages it queued. Both exist if and only if the change that caused them commits.
    @discardableResult
    func publish(_ events: [DomainEvent], conference: Conference) async throws -> Int {
        var queued = 0
        for event in events {
            let messages = Notices.messages(for: event, conference: conference)
            queued += messages.count
            for message in messages {
                try await enqueue(message, conferenceId: conference.id, at: event.at)
            }
            if let webhookEvent = WebhookEvent(event, messages: messages.count) {
                try await emit(webhookEvent)
            }
        }
        return queued
    }
}

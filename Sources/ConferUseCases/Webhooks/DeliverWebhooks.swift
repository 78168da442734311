import ConferDomain
import Foundation
import Logging

/// The webhook delivery worker: sends due deliveries, endpoints concurrently, each endpoint's events one at a time in
/// the order they happened, and records every attempt.
public struct WebhookRelay: LeasedRelay {
    let queue: any WebhookQueue
    let transport: any WebhookTransport
    let batchSize: Int
    let logger: Logger

    public init(queue: any WebhookQueue, transport: any WebhookTransport, batchSize: Int = 32, logger: Logger) {
        self.queue = queue
        self.transport = transport
        self.batchSize = batchSize
        self.logger = logger
    }

    public func claim(now: Date) async throws -> [ClaimedDelivery] {
        try await queue.claim(dueAt: now, limit: batchSize, leaseUntil: now.addingTimeInterval(WebhookRetryPolicy.lease))
    }

    public func deliver(_ items: [ClaimedDelivery], now: Date) async {
        let byWebhook = Dictionary(grouping: items, by: \.webhookId)
        await withTaskGroup(of: Void.self) { group in
            for deliveries in byWebhook.values {
                group.addTask {
                    for delivery in deliveries.sorted(by: { $0.sequence < $1.sequence }) {
                        let attempt = await transport.send(delivery.request, at: now)
                        let (status, next) = WebhookRetryPolicy.outcome(of: attempt, attempts: delivery.attempts)
                        do {
                            try await queue.record(attempt, of: delivery.request.deliveryId, status: status, nextAttemptAt: next)
                        } catch {
                            // The lease runs out and the delivery is tried again: at least once, never lost.
                            logger.warning(
                                "could not record a webhook attempt",
                                metadata: ["delivery": "\(delivery.request.deliveryId)", "error": "\(error)"])
                        }
                    }
                }
            }
        }
    }
}

import ConferDomain
import Foundation
import Logging

/// The mail delivery worker: hands each batch of due outbox messages to the transport, and records each outcome
/// (sent; queued again after the backoff, or failed after the last attempt; failed at once when refused for good).
public struct MailRelay: LeasedRelay {
    let queue: any MailQueue
    let transport: any MessageTransport
    let batchSize: Int
    let logger: Logger

    public init(queue: any MailQueue, transport: any MessageTransport, batchSize: Int = 20, logger: Logger) {
        self.queue = queue
        self.transport = transport
        self.batchSize = batchSize
        self.logger = logger
    }

    public func claim(now: Date) async throws -> [OutboxMessage] {
        try await queue.claim(dueAt: now, limit: batchSize, leaseUntil: now.addingTimeInterval(DeliveryPolicy.lease))
    }

    public func deliver(_ messages: [OutboxMessage], now: Date) async {
        let outcomes = await transport.send(messages)
        for (index, message) in messages.enumerated() {
            // A transport that answers for fewer messages than it was given leaves the rest to be tried again.
            let outcome = index < outcomes.count ? outcomes[index] : .deferred("the transport gave no outcome")
            do {
                switch outcome {
                case .sent:
                    try await queue.recordSent(message.id, at: now)
                case .deferred(let reason):
                    // `attempts` already counts this attempt: the claim counted it.
                    let (status, next) = DeliveryPolicy.afterFailure(attempts: message.attempts, at: now)
                    try await queue.recordFailure(message.id, status: status, nextAttemptAt: next, error: String(reason.prefix(500)))
                case .rejected(let reply):
                    try await queue.recordFailure(message.id, status: .failed, nextAttemptAt: now, error: String(reply.prefix(500)))
                }
            } catch {
                // The lease runs out and the message is tried again: at least once, never lost.
                logger.warning("could not record an outbox attempt", metadata: ["message": "\(message.id)", "error": "\(error)"])
            }
        }
    }
}

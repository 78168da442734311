import ConferDomain
import Foundation
import Logging

/// The mail delivery worker: sends due outbox messages one after another through the transport, and records each
/// outcome (sent, or queued again after the backoff, or failed after the last attempt).
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
        for message in messages {
            var failure: (any Error)?
            do { try await transport.send(message) } catch { failure = error }
            do {
                if let failure {
                    // `attempts` already counts this attempt: the claim counted it.
                    let (status, next) = DeliveryPolicy.afterFailure(attempts: message.attempts, at: now)
                    try await queue.recordFailure(
                        message.id, status: status, nextAttemptAt: next, error: String(describing: failure).prefix(500).description)
                } else {
                    try await queue.recordSent(message.id, at: now)
                }
            } catch {
                // The lease runs out and the message is tried again: at least once, never lost.
                logger.warning("could not record an outbox attempt", metadata: ["message": "\(message.id)", "error": "\(error)"])
            }
        }
    }
}

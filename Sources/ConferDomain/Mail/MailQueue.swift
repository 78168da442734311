import Foundation

/// The outbox as the delivery worker sees it. Any number of workers share it: a claim leases each message it returns
/// (`FOR UPDATE SKIP LOCKED`, then committed), so no message is sent by two workers at once, and no lock is held while
/// a message is sent.
public protocol MailQueue: Sendable {
    /// Up to `limit` messages due at `now`, each counted as attempted and kept from other workers until `leaseUntil`.
    func claim(dueAt now: Date, limit: Int, leaseUntil: Date) async throws -> [OutboxMessage]
    /// The message went out.
    func recordSent(_ id: UUID, at: Date) async throws
    /// The attempt failed: the message waits until `nextAttemptAt`, or has failed for good.
    func recordFailure(_ id: UUID, status: OutboxMessage.Status, nextAttemptAt: Date, error: String) async throws
}

import Foundation

/// The one design both delivery workers follow (`MailRelay`, `WebhookRelay`): claim a batch of due rows and lease them
/// (`FOR UPDATE SKIP LOCKED`, their next attempt pushed past the lease, committed at once), send outside any
/// transaction, then record each outcome. Any number of instances may run one: no row is sent by two at once, no lock
/// is held while a peer answers, and a row whose worker died mid-send is claimed again once its lease runs out (at
/// least once, never lost).
public protocol LeasedRelay: Sendable {
    associatedtype Item: Sendable
    /// Claims and leases the items due at `now`, a batch at most.
    func claim(now: Date) async throws -> [Item]
    /// Sends the claimed items and records the outcome of each.
    func deliver(_ items: [Item], now: Date) async
}

extension LeasedRelay {
    /// One batch; returns how many items were attempted.
    @discardableResult
    public func deliverDue(now: Date) async throws -> Int {
        let items = try await claim(now: now)
        await deliver(items, now: now)
        return items.count
    }
}

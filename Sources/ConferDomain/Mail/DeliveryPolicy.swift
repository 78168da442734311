import Foundation

/// Retry policy of outbox delivery.
public enum DeliveryPolicy {
    /// After this many failed attempts a message is marked failed and left for organizers to see.
    public static let maxAttempts = 8

    /// Exponential backoff: 30 s, 1 min, 2 min, … capped at 1 hour.
    public static func delay(afterAttempt attempt: Int) -> TimeInterval {
        min(3600, 30 * pow(2, Double(max(attempt - 1, 0))))
    }
}

extension DeliveryPolicy {
    /// How long a message claimed by a worker stays out of the others' reach while it is sent: a worker that dies
    /// mid-send leaves it to be tried again once this has passed.
    public static let lease: TimeInterval = 120

    /// Where a message stands once its `attempts`-th attempt failed at `now`: queued again after the backoff, or failed
    /// for good after the last attempt.
    public static func afterFailure(attempts: Int, at now: Date) -> (status: OutboxMessage.Status, nextAttemptAt: Date) {
        (attempts >= maxAttempts ? .failed : .queued, now.addingTimeInterval(delay(afterAttempt: attempts)))
    }
}

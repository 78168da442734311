import Foundation

/// When a failed delivery is tried again: the Standard Webhooks schedule, which spreads eight attempts over
/// more than a day so a receiver that is down overnight still gets its events.
public enum WebhookRetryPolicy {
    /// Wait before each retry, after attempt 1 (immediate): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
    public static let delays: [TimeInterval] = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600]

    /// The first attempt plus one per delay; after that the delivery is given up.
    public static var maxAttempts: Int { 1 + delays.count }

    /// Per-request limit, so one slow receiver cannot hold a worker.
    public static let timeout: TimeInterval = 10

    /// How long a claimed delivery stays invisible to other workers; longer than `timeout` so that a live
    /// worker always finishes before another may take the delivery over.
    public static let lease: TimeInterval = 30

    /// When to make the next attempt after `attempts` have been made (0: none yet, so now);
    /// nil once `maxAttempts` have been made.
    public static func nextAttempt(afterAttempt attempts: Int, at now: Date) -> Date? {
        guard attempts < maxAttempts else { return nil }
        guard attempts >= 1 else { return now }
        return now.addingTimeInterval(delays[attempts - 1])
    }
}

extension WebhookRetryPolicy {
    /// Where a delivery stands after an attempt, the `attempts`-th: delivered, pending its next attempt, or failed
    /// for good.
    public static func outcome(of attempt: WebhookAttempt, attempts: Int) -> (status: WebhookDeliveryStatus, nextAttemptAt: Date?) {
        if attempt.succeeded { return (.succeeded, nil) }
        if let retry = nextAttempt(afterAttempt: attempts, at: attempt.at) { return (.pending, retry) }
        return (.failed, nil)
    }
}

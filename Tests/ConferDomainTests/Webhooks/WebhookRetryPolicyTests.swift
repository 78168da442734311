import Foundation
import Testing
@testable import ConferDomain

@Suite("WebhookRetryPolicy")
struct WebhookRetryPolicyTests {
    @Test("Eight attempts spread over more than a day")
    func schedule() {
        #expect(WebhookRetryPolicy.delays == [5, 300, 1800, 7200, 18000, 36000, 36000])
        #expect(WebhookRetryPolicy.maxAttempts == 8)
        #expect(WebhookRetryPolicy.delays.reduce(0, +) >= 86_400)
        #expect(WebhookRetryPolicy.lease > WebhookRetryPolicy.timeout)
    }

    @Test("The first attempt is now, the first retry 5 s after it, the last 10 h after the seventh")
    func nextAttempt() {
        let now = Fixtures.later
        #expect(WebhookRetryPolicy.nextAttempt(afterAttempt: 0, at: now) == now)
        #expect(WebhookRetryPolicy.nextAttempt(afterAttempt: 1, at: now) == now.addingTimeInterval(5))
        #expect(WebhookRetryPolicy.nextAttempt(afterAttempt: 2, at: now) == now.addingTimeInterval(300))
        #expect(WebhookRetryPolicy.nextAttempt(afterAttempt: 7, at: now) == now.addingTimeInterval(36_000))
    }

    @Test("After eight attempts the delivery is given up")
    func givesUp() {
        #expect(WebhookRetryPolicy.nextAttempt(afterAttempt: 8, at: Fixtures.later) == nil)
        #expect(WebhookRetryPolicy.nextAttempt(afterAttempt: 9, at: Fixtures.later) == nil)
    }

    @Test("Following the schedule from the first attempt gives eight attempts over at least 24 hours")
    func fullRun() {
        let start = Fixtures.later
        var attempts = 1
        var at = start
        while let next = WebhookRetryPolicy.nextAttempt(afterAttempt: attempts, at: at) {
            at = next
            attempts += 1
        }
        #expect(attempts == 8)
        #expect(at.timeIntervalSince(start) >= 86_400)
    }
}

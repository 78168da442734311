import Foundation
import Testing
@testable import ConferDomain

/// Where a delivery stands after an attempt: the rules both relays record.
@Suite("Delivery outcomes")
struct DeliveryOutcomeTests {
    @Test func aFailedMessageWaitsItsBackoffThenFailsForGood() {
        let now = Fixtures.later
        let first = DeliveryPolicy.afterFailure(attempts: 1, at: now)
        #expect(first.status == .queued)
        #expect(first.nextAttemptAt == now.addingTimeInterval(30))
        #expect(DeliveryPolicy.afterFailure(attempts: DeliveryPolicy.maxAttempts - 1, at: now).status == .queued)
        #expect(DeliveryPolicy.afterFailure(attempts: DeliveryPolicy.maxAttempts, at: now).status == .failed)
        #expect(DeliveryPolicy.lease > 0)
    }

    @Test func aWebhookAttemptEndsDeliveredRetriedOrFailed() {
        let at = Fixtures.later
        let ok = WebhookAttempt(at: at, statusCode: 204, durationMilliseconds: 12, error: nil)
        #expect(WebhookRetryPolicy.outcome(of: ok, attempts: 3) == (.succeeded, nil))
        let refused = WebhookAttempt(at: at, statusCode: 503, durationMilliseconds: 12, error: nil)
        let retry = WebhookRetryPolicy.outcome(of: refused, attempts: 1)
        #expect(retry.status == .pending)
        #expect(retry.nextAttemptAt == at.addingTimeInterval(5))
        #expect(WebhookRetryPolicy.outcome(of: refused, attempts: WebhookRetryPolicy.maxAttempts) == (.failed, nil))
    }
}

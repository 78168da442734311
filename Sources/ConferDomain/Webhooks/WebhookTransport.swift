import Foundation

/// Sends a webhook request and reports what happened; it never throws, a failure is an attempt like any other.
public protocol WebhookTransport: Sendable {
    func send(_ request: WebhookRequest, at: Date) async -> WebhookAttempt
}

import Foundation

/// Sends outbox messages (by email, or to the log).
public protocol MessageTransport: Sendable {
    func send(_ message: OutboxMessage) async throws
}

import Foundation

/// Durable idempotency keys, shared by every server instance through the database.
public protocol IdempotencyStore: Sendable {
    /// Claims `key` for the caller `scope` and a request fingerprint.
    func claim(scope: String, key: String, fingerprint: [UInt8], now: Date) async throws -> IdempotencyClaim
    /// Stores the response of a claimed key.
    func complete(scope: String, key: String, response: StoredResponse, now: Date) async throws
    /// Gives up a claim after a failure, so that the client may retry.
    func release(scope: String, key: String) async throws
}

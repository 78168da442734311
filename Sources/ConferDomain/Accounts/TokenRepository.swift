import Foundation

/// Reads of sign-in tokens. Only SHA-256 digests of tokens are ever stored.
public protocol TokenRepository: Sendable {
    /// The caller a token digest stands for, if it exists, is not revoked and has not expired.
    func caller(digest: [UInt8], now: Date) async throws -> Caller?
}

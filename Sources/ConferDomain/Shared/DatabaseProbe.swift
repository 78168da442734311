import Foundation

/// Answers whether the database is reachable, for `GET /health`.
public protocol DatabaseProbe: Sendable {
    /// True when a trivial query succeeds.
    func ping() async -> Bool
}

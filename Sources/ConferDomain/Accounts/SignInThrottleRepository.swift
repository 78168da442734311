import Foundation

/// Storage of failed sign-ins, shared by every instance of the server.
public protocol SignInThrottleRepository: Sendable {
    /// The failures of each key since `since`.
    func failures(keys: [String], since: Date) async throws -> [String: SignInFailures]
}

import ConferDomain
import Foundation

/// A signed-in caller revokes the token of their request.
public struct SignOut: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(digest: [UInt8]) async throws {
        let now = context.now
        try await context.store.transaction { tx in try await tx.revokeToken(digest: digest, now: now) }
    }
}

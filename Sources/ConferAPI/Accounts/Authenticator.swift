import ConferDomain
import ConferUseCases
import Foundation

/// Resolves the request's bearer token to its caller.
///
/// Verified tokens are remembered for a few seconds so that a busy client does not cost a database round
/// trip per request; a revocation therefore reaches other instances within `TokenCache.ttl`.
struct Authenticator: Sendable {
    let context: UseCaseContext
    let cache: TokenCache
    var tokens: any TokenRepository { context.tokens }
    var clock: any WallClock { context.clock }

    /// The caller of the current request, nil when it sent no `Authorization` header.
    /// A header that is malformed, or names an unknown, expired or revoked token, is a 401.
    func caller() async throws -> Caller? {
        guard let digest = try presentedDigest() else { return nil }
        let now = clock.now()
        if let cached = await cache.caller(for: digest, now: now) { return cached }
        guard let caller = try await tokens.caller(digest: digest, now: now) else {
            throw DomainError.unauthenticated("The bearer token is unknown, expired or revoked; sign in again with POST /v1/tokens.")
        }
        await cache.store(caller, for: digest, now: now)
        return caller
    }

    /// The digest of the bearer token the request presents, nil without an `Authorization` header.
    func presentedDigest() throws(DomainError) -> [UInt8]? {
        guard let header = RequestScope.current.authorization else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw DomainError.unauthenticated("The Authorization header must be 'Bearer <token>'.")
        }
        return TokenIssuer.digest(of: parts[1].trimmingCharacters(in: .whitespaces))
    }

    /// Revokes the token of the current request, here and (within `TokenCache.ttl`) on every instance.
    func revokeCurrent() async throws {
        _ = try await requireCaller()
        guard let digest = try presentedDigest() else { return }
        try await SignOut(context).run(digest: digest)
        await cache.forget(digest)
    }

    /// The caller, or 401.
    func requireCaller() async throws -> Caller {
        try (try await caller()).required()
    }
}

/// A short-lived memory of verified tokens. Never relied on for correctness: entries expire after `ttl`.
actor TokenCache {
    static let ttl: TimeInterval = 5
    static let capacity = 10_000
    private var entries: [[UInt8]: (caller: Caller, until: Date)] = [:]

    func caller(for digest: [UInt8], now: Date) -> Caller? {
        guard let entry = entries[digest] else { return nil }
        guard entry.until > now else {
            entries[digest] = nil
            return nil
        }
        return entry.caller
    }

    func store(_ caller: Caller, for digest: [UInt8], now: Date) {
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[digest] = (caller, now.addingTimeInterval(Self.ttl))
    }

    func forget(_ digest: [UInt8]) {
        entries[digest] = nil
    }
}

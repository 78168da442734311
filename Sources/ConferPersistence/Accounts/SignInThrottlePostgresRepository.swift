import ConferDomain
import Foundation
import PostgresNIO

/// Failed sign-ins in PostgreSQL, so that every instance counts the same failures.
public struct SignInThrottlePostgresRepository: SignInThrottleRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func failures(keys: [String], since: Date) async throws -> [String: SignInFailures] {
        let rows = try await db.query(
            """
            SELECT key, count(*)::int AS n, min(at) AS oldest FROM sign_in_failures
            WHERE key = ANY (\(keys)) AND at > \(since) GROUP BY key
            """)
        var failures: [String: SignInFailures] = [:]
        for row in rows {
            let r = row.makeRandomAccess()
            failures[try r["key"].decode(String.self)] = SignInFailures(
                count: try r["n"].decode(Int.self), oldest: try r["oldest"].decode(Date.self))
        }
        return failures
    }
}

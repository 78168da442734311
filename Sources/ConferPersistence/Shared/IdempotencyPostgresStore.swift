import ConferDomain
import Foundation
import NIOCore
import PostgresNIO

/// Idempotency keys in PostgreSQL, so that a retried create is recognised by whichever instance receives it.
public struct IdempotencyPostgresStore: IdempotencyStore {
    let db: Database
    /// How long a key is remembered.
    static let retention: TimeInterval = 24 * 3600
    /// A claim older than this whose request never completed (its instance died) may be taken over.
    static let abandonedAfter: TimeInterval = 60

    public init(_ db: Database) { self.db = db }

    public func claim(scope: String, key: String, fingerprint: [UInt8], now: Date) async throws -> IdempotencyClaim {
        let expired = now.addingTimeInterval(-Self.retention)
        let abandoned = now.addingTimeInterval(-Self.abandonedAfter)
        return try await db.transaction { connection in
            try await connection.rows(
                """
                DELETE FROM idempotency_keys WHERE scope = \(scope) AND key = \(key)
                  AND (created_at < \(expired) OR (status IS NULL AND created_at < \(abandoned)))
                """, logger: db.logger)
            let inserted = try await connection.rows(
                """
                INSERT INTO idempotency_keys (scope, key, fingerprint, created_at)
                VALUES (\(scope), \(key), \(ByteBuffer(bytes: fingerprint)), \(now))
                ON CONFLICT DO NOTHING RETURNING key
                """, logger: db.logger)
            if !inserted.isEmpty { return .claimed }
            let rows = try await connection.rows(
                """
                SELECT fingerprint, status, headers::text AS headers, body FROM idempotency_keys
                WHERE scope = \(scope) AND key = \(key)
                """, logger: db.logger)
            guard let row = rows.first else { return .inProgress }
            let r = row.makeRandomAccess()
            let stored = try r["fingerprint"].decode(ByteBuffer.self)
            guard Array(buffer: stored) == fingerprint else { return .mismatch }
            guard let status = try r["status"].decode(Int?.self) else { return .inProgress }
            let headers = try r["headers"].decode(String?.self).map {
                try JSONDecoder().decode([[String]].self, from: Data($0.utf8))
            } ?? []
            let body = try r["body"].decode(ByteBuffer?.self).map { Array(buffer: $0) } ?? []
            return .replay(StoredResponse(status: status, headers: headers, body: body))
        }
    }

    public func complete(scope: String, key: String, response: StoredResponse, now: Date) async throws {
        let headers = String(decoding: try JSONEncoder().encode(response.headers), as: UTF8.self)
        try await db.query(
            """
            UPDATE idempotency_keys SET status = \(response.status), headers = \(headers)::jsonb,
                   body = \(ByteBuffer(bytes: response.body)), completed_at = \(now)
            WHERE scope = \(scope) AND key = \(key)
            """)
    }

    public func release(scope: String, key: String) async throws {
        try await db.query("DELETE FROM idempotency_keys WHERE scope = \(scope) AND key = \(key) AND status IS NULL")
    }
}

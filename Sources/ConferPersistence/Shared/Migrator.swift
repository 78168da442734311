import Foundation
import Logging
import PostgresNIO

/// Applies the numbered `.sql` files of `Migrations/` in order, each once, all in one transaction.
public enum Migrator {
    /// Any constant shared by every instance: it serialises concurrent start-ups (and parallel tests).
    static let advisoryLockKey: Int64 = 0x636f_6e66_6572

    /// A migration file: `0001_accounts_conferences.sql` is version 1.
    public struct Migration: Sendable {
        public var version: Int
        public var name: String
        public var sql: String
    }

    /// The build lost its `Migrations` resource folder (e.g. a binary copied without its `.resources` bundle).
    public struct MissingMigrations: Error, CustomStringConvertible {
        public var description: String { "the Migrations folder is missing next to the binary (copy the .resources bundle with it)" }
    }

    /// The migrations shipped with this build, in version order.
    public static func bundled() throws -> [Migration] {
        guard let directory = Bundle.module.url(forResource: "Migrations", withExtension: nil) else {
            throw MissingMigrations()
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }
        return try files.compactMap { file -> Migration? in
            guard let version = Int(file.prefix { $0.isNumber }) else { return nil }
            let sql = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            return Migration(version: version, name: String(file.dropLast(4)), sql: sql)
        }.sorted { $0.version < $1.version }
    }

    /// Applies the migrations not yet recorded in `schema_migrations`; returns the names applied.
    @discardableResult
    public static func migrate(_ client: PostgresClient, logger: Logger) async throws -> [String] {
        let migrations = try bundled()
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(advisoryLockKey))", logger: logger)
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                    """, logger: logger)
                var applied = Set<Int>()
                for try await version in try await connection.query(
                    "SELECT version FROM schema_migrations", logger: logger
                ).decode(Int.self) {
                    applied.insert(version)
                }
                var names: [String] = []
                for migration in migrations where !applied.contains(migration.version) {
                    for statement in SQLScript.statements(migration.sql) {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query(
                        "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                        logger: logger)
                    logger.info("applied migration", metadata: ["migration": "\(migration.name)"])
                    names.append(migration.name)
                }
                return names
            }
        } catch {
            throw PostgresErrors.translate(error)
        }
    }
}

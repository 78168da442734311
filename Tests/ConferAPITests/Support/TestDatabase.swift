import ConferPersistence
import Foundation
import Logging
import PostgresNIO

/// One fresh PostgreSQL database per test, cloned from a template migrated once per test run.
///
/// `scripts/test` starts a throwaway cluster and exports `DATABASE_URL` (a superuser, so that
/// `CREATE DATABASE` works). Cloning a template is far faster than migrating each database.
actor TestDatabase {
    static let shared = TestDatabase()
    private var template: String?

    struct NotConfigured: Error, CustomStringConvertible {
        var description = "DATABASE_URL is not set: run the tests with scripts/test, which starts PostgreSQL"
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "confer.tests")
        logger.logLevel = .critical
        return logger
    }

    /// The URL of a new, migrated, empty database.
    func create() async throws -> String {
        guard let base = ProcessInfo.processInfo.environment["DATABASE_URL"] else { throw NotConfigured() }
        let template: String
        if let existing = self.template {
            template = existing
        } else {
            template = try await makeTemplate(base)
            self.template = template
        }
        let name = "confer_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        try await execute(base, "CREATE DATABASE \(name) TEMPLATE \(template)")
        return Self.url(base, database: name)
    }

    private func makeTemplate(_ base: String) async throws -> String {
        let name = "confer_template_\(ProcessInfo.processInfo.processIdentifier)_\(UInt32.random(in: 0...UInt32.max))"
        try await execute(base, "CREATE DATABASE \(name)")
        let url = try DatabaseURL(Self.url(base, database: name))
        let client = PostgresClient(configuration: url.clientConfiguration, backgroundLogger: Self.quietLogger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            try await Migrator.migrate(client, logger: Self.quietLogger)
            group.cancelAll()
        }
        return name
    }

    private func execute(_ base: String, _ sql: String) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: try DatabaseURL(base).connectionConfiguration(), id: 1, logger: Self.quietLogger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.quietLogger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    static func url(_ base: String, database: String) -> String {
        guard var components = URLComponents(string: base) else { return base }
        components.path = "/" + database
        return components.string ?? base
    }
}

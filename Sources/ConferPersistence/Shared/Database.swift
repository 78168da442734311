import ConferDomain
import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL client every repository shares, with errors translated into `DomainError`s in one place.
public struct Database: Sendable {
    /// The pooled client; run it as a service for as long as the application lives.
    public let client: PostgresClient
    let logger: Logger
    /// Gives up statements that wait while nothing else succeeds either; run it as a service too.
    public let watchdog: StatementWatchdog

    public init(client: PostgresClient, logger: Logger, watchdog: StatementWatchdog = StatementWatchdog()) {
        self.client = client
        self.logger = logger
        self.watchdog = watchdog
    }

    /// Runs one statement outside a transaction and collects its rows.
    @discardableResult
    func query(_ query: PostgresQuery, file: String = #fileID, line: Int = #line) async throws -> [PostgresRow] {
        try await withinDeadline { [client, logger] in
            let rows = try await client.query(query, logger: logger, file: file, line: line)
            return try await rows.collect()
        }
    }

    /// Runs `body` in one transaction: everything it writes lands together or not at all.
    func transaction<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await withinDeadline { [client, logger] in
            try await client.withTransaction(logger: logger) { connection in
                try await body(connection)
            }
        }
    }

    /// Runs `operation`, translating its errors, or gives up with `unavailable` when the watchdog finds the database
    /// gone (cancelling it: a transaction cut short rolls back).
    private func withinDeadline<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let watchdog = self.watchdog
        let outcome = StatementOutcome<T>()
        // The statement runs in a task of its own so that a give-up can answer the caller at once, even while the
        // statement is stuck in a connection that does not notice cancellation.
        let task = Task {
            do {
                let value = try await operation()
                watchdog.succeeded()
                outcome.finish(.success(value))
            } catch {
                outcome.finish(.failure(PostgresErrors.translate(error)))
            }
        }
        let ticket = watchdog.watch {
            outcome.finish(.failure(DomainError.unavailable("The database did not answer in time; try again shortly.")))
            task.cancel()
        }
        defer { watchdog.forget(ticket) }
        return try await withTaskCancellationHandler {
            try await outcome.value()
        } onCancel: {
            task.cancel()
        }
    }
}

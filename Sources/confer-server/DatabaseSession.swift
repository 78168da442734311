import ConferPersistence
import Foundation
import Logging
import PostgresNIO

/// Runs `body` with a connected PostgreSQL client, failing fast with one clear line when the database
/// cannot be reached, and closing the client afterwards.
func withDatabase<T: Sendable>(
    _ settings: Settings, logger: Logger, _ body: @Sendable (PostgresClient) async throws -> T
) async throws -> T {
    let url: DatabaseURL
    do {
        url = try DatabaseURL(settings.databaseURL)
    } catch let error as DatabaseURL.Invalid {
        throw StartupError(error.description)
    }
    try await ensureReachable(url)
    // The pool retries lost connections on its own: only its errors are worth a line in the log.
    var poolLogger = logger
    poolLogger.logLevel = max(logger.logLevel, .error)
    let client = PostgresClient(configuration: url.clientConfiguration, backgroundLogger: poolLogger)
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            await client.run()
            return nil
        }
        defer { group.cancelAll() }
        return try await body(client)
    }
}

/// One connection and `SELECT 1` within ten seconds, or a `StartupError` naming the server and the cause.
private func ensureReachable(_ url: DatabaseURL) async throws {
    var quiet = Logger(label: "confer.startup")
    quiet.logLevel = .critical
    let logger = quiet
    let failure = await withTaskGroup(of: String?.self) { group in
        group.addTask {
            do {
                let connection = try await PostgresConnection.connect(
                    configuration: try url.connectionConfiguration(), id: 0, logger: logger)
                defer { Task { try? await connection.close() } }
                try await connection.query("SELECT 1", logger: logger)
                return nil
            } catch let error as PSQLError {
                if let message = error.serverInfo?[.message] { return message }
                if let underlying = error.underlying { return "\(underlying)" }
                return "\(error.code)"
            } catch {
                return "\(error)"
            }
        }
        group.addTask {
            try? await Task.sleep(for: .seconds(10))
            return "no answer within 10 seconds"
        }
        let first = await group.next() ?? "unknown error"
        group.cancelAll()
        return first
    }
    if let failure {
        throw StartupError("cannot reach the database at \(url.target): \(failure)")
    }
}

import ArgumentParser
import ConferAPI
import ConferPersistence
import Hummingbird

/// Migrates the database, bootstraps the admin when configured, and serves HTTP until SIGINT/SIGTERM.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate, then serve the API (the default).")

    func run() async throws {
        try await reportingFailures {
            let settings = try Settings.fromEnvironment()
            let logger = settings.logger()
            try await withDatabase(settings, logger: logger) { client in
                try await Migrator.migrate(client, logger: logger)
                if let email = settings.adminEmail, let password = settings.adminPassword {
                    try await bootstrapAdmin(email: email, password: password, settings: settings, client: client, logger: logger)
                }
                let http = WebhookHTTPTransport.makeClient()
                do {
                    let app = try await buildApplication(settings: settings, client: client, http: http, logger: logger)
                    logger.info("listening", metadata: ["url": "http://\(settings.host):\(settings.port)"])
                    try await app.runService()
                } catch {
                    try? await http.shutdown()
                    throw error
                }
                try await http.shutdown()
            }
        }
    }
}

/// Migrates the database and exits.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations and exit.")

    func run() async throws {
        try await reportingFailures {
            let settings = try Settings.fromEnvironment()
            let logger = settings.logger()
            let applied = try await withDatabase(settings, logger: logger) { client in
                try await Migrator.migrate(client, logger: logger)
            }
            print(applied.isEmpty ? "database is up to date" : "applied: \(applied.joined(separator: ", "))")
        }
    }
}

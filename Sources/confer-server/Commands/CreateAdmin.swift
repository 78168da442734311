import ArgumentParser
import ConferAPI
import ConferDomain
import ConferPersistence
import ConferUseCases
import Foundation
import Logging
import PostgresNIO

/// Creates the platform administrator (or makes an existing account one and resets its password).
struct CreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin", abstract: "Create or reset the platform admin from CONFER_ADMIN_EMAIL / CONFER_ADMIN_PASSWORD.")

    @Option(help: "Email of the admin (default: CONFER_ADMIN_EMAIL).") var email: String?
    @Option(help: "Display name of the admin.") var name = "Platform administrator"

    func run() async throws {
        try await reportingFailures {
            let settings = try Settings.fromEnvironment()
            guard let email = email ?? settings.adminEmail, let password = settings.adminPassword else {
                throw StartupError("set CONFER_ADMIN_EMAIL and CONFER_ADMIN_PASSWORD to create the admin")
            }
            let logger = settings.logger()
            try await withDatabase(settings, logger: logger) { client in
                try await Migrator.migrate(client, logger: logger)
                try await bootstrapAdmin(email: email, password: password, name: name, settings: settings, client: client, logger: logger)
            }
            print("admin ready: \(email)")
        }
    }
}

/// Upserts the admin account with a bcrypt hash of `password`.
func bootstrapAdmin(
    email: String, password: String, name: String = "Platform administrator", settings: Settings, client: PostgresClient,
    logger: Logger
) async throws {
    let context = useCaseContext(PostgresRepositories(client: client, logger: logger), settings: settings)
    do {
        _ = try await BootstrapAdmin(context).run(email: email, password: password, name: name)
    } catch DomainError.validation(let issues) {
        throw StartupError("the admin account is invalid: " + issues.map { "\($0.field) \($0.message)" }.joined(separator: "; "))
    }
}

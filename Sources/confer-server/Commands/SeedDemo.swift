import ArgumentParser
import ConferDomain
import ConferPersistence
import ConferUseCases
import Foundation

/// Loads the reference conference (EXPAIRs 2019) with its 4 work areas and 14 topics, in French and English.
struct SeedDemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo",
        abstract: "Load the reference conference as demo data (does nothing if it is already there).")

    @Option(help: "A reference-conference.json to load (default: the copy bundled in this build).")
    var file: String?

    @Option(help: "Email of the account that becomes its organizer (default: CONFER_ADMIN_EMAIL).")
    var organizer: String?

    func run() async throws {
        try await reportingFailures {
            let settings = try Settings.fromEnvironment()
            let reference: ReferenceConference
            do {
                reference = try file.map { try ReferenceConference.load(URL(fileURLWithPath: $0)) } ?? ReferenceConference.bundled()
            } catch let error as ReferenceConference.Unreadable {
                throw StartupError(error.description)
            }
            guard let organizerEmail = organizer ?? settings.adminEmail else {
                throw StartupError("name the organizer with --organizer or CONFER_ADMIN_EMAIL")
            }
            let logger = settings.logger()
            let message = try await withDatabase(settings, logger: logger) { client in
                try await Migrator.migrate(client, logger: logger)
                let repositories = PostgresRepositories(client: client, logger: logger)
                return try await seed(reference, organizerEmail: organizerEmail, context: useCaseContext(repositories, settings: settings))
            }
            print(message)
        }
    }

    private func seed(_ reference: ReferenceConference, organizerEmail: String, context: UseCaseContext) async throws -> String {
        guard let organizer = try await context.accounts.credentials(email: organizerEmail)?.account else {
            throw StartupError("no account has the email \(organizerEmail); run create-admin first")
        }
        let caller = Caller(accountId: organizer.id, email: organizer.email, name: organizer.name, isAdmin: organizer.isAdmin)
        guard let conference = try await reference.seed(by: caller, context: context) else {
            return "\(reference.slug) is already loaded"
        }
        return "loaded \(conference.slug) with \(reference.areas.count) areas and \(reference.topics.count) topics"
    }
}

import ArgumentParser
import ConferDomain
import ConferPersistence
import ConferUseCases
import Foundation

/// Loads the reference conference (EXPAIRs 2019) with its 4 work areas and 14 topics, in French and English, and
/// (unless `--no-with-activity`) the demo accounts, proposals, reviews, registrations and program of `ReferenceDemo`.
struct SeedDemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo",
        abstract: "Load the reference conference as demo data (does nothing if it is already there).")

    @Option(help: "A reference-conference.json to load (default: the copy bundled in this build).")
    var file: String?

    @Option(help: "Email of the account that becomes its organizer (default: CONFER_ADMIN_EMAIL).")
    var organizer: String?

    @Flag(inversion: .prefixedNo, help: "Also load its people, proposals, reviews, registrations and program as of September 2019.")
    var withActivity = true

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
        guard let seeded = try await reference.seed(by: caller, context: context) else {
            return "\(reference.slug) is already loaded"
        }
        let loaded = "loaded \(seeded.conference.slug) with \(reference.areas.count) areas and \(reference.topics.count) topics"
        guard withActivity else { return loaded }
        let demo: ReferenceDemo
        do {
            demo = try ReferenceDemo.bundled()
        } catch let error as ReferenceConference.Unreadable {
            throw StartupError(error.description)
        }
        let s = try await demo.seed(into: seeded.conference, topicIds: seeded.topicIds, by: caller, context: context)
        return "\(loaded), \(s.accounts) accounts, \(s.proposals) proposals, \(s.reviews) reviews, "
            + "\(s.registrations) registrations (\(s.waitlisted) on the waiting list) and \(s.talks) talks in a released program"
    }
}

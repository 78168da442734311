import ConferAPIContract
import ConferDomain
import Foundation

/// The implementation of the generated `APIProtocol`: one extension file per OpenAPI tag.
///
/// Handlers decode → call domain rules and repositories → map to the schema. They throw `DomainError`s;
/// `ProblemMiddleware` turns those into problem+json. No SQL and no business rule lives here.
struct APIHandler: APIProtocol {
    let deps: AppDependencies
    let authenticator: Authenticator
    let hasher: PasswordHasher
    let programs: PublishedPrograms
    /// A hash of a random password, verified against when an email is unknown, so that sign-in takes as
    /// long for unknown emails as for wrong passwords.
    let decoyHash: String

    var now: Date { deps.clock.now() }

    /// The conference with this slug, or 404.
    func conference(_ slug: String) async throws -> Conference {
        guard let conference = try await deps.conferences.find(slug: slug) else {
            throw DomainError.notFound("There is no conference with the slug \(slug).")
        }
        return conference
    }

    /// The caller (if any) and their roles in `conference`.
    func access(to conference: Conference) async throws -> ConferenceAccess {
        guard let caller = try await authenticator.caller() else {
            return ConferenceAccess(caller: nil, roles: [])
        }
        return ConferenceAccess(
            caller: caller, roles: try await deps.conferences.roles(conferenceId: conference.id, accountId: caller.accountId))
    }

    /// A path parameter that must be a UUID; anything else names no resource (404).
    func uuid(_ text: String, _ what: String) throws -> UUID {
        guard let id = UUID(exactly: text) else { throw DomainError.notFound("There is no \(what) with the id \(text).") }
        return id
    }
}

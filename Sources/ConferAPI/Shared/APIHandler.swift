import ConferAPIContract
import ConferDomain
import ConferUseCases
import Foundation

/// The implementation of the generated `APIProtocol`: one extension file per OpenAPI tag.
///
/// Handlers decode → call one use case (or read) → map to the schema. They throw `DomainError`s; `ProblemMiddleware`
/// turns those into problem+json. No SQL and no business rule lives here.
struct APIHandler: APIProtocol {
    let deps: AppDependencies
    let authenticator: Authenticator
    let programs: PublishedPrograms
    /// A hash of a random password, verified against when an email is unknown, so that sign-in takes as
    /// long for unknown emails as for wrong passwords.
    let decoyHash: String

    /// What the use cases run against.
    var context: UseCaseContext { deps.useCases }
    var now: Date { deps.clock.now() }

    /// The conference with this slug, or 404. With a signed-in caller, their roles in it come in the same statement,
    /// for `access(to:)`; a token that fails here fails there again, with its 401, if the route needs a caller.
    /// Within one request the conference is read once (`RequestMemo`): the authorization gate and the handler share it.
    func conference(_ slug: String) async throws -> Conference {
        let notFound = DomainError.notFound("There is no conference with the slug \(slug).")
        let memo = RequestScope.current.memo
        if let known = memo?.conference(slug: slug) { return known }
        if let memo, let caller = try? await authenticator.caller() {
            guard let (conference, roles) = try await deps.conferences.find(slug: slug, rolesOf: caller.accountId) else { throw notFound }
            memo.remember(conference, roles: roles, accountId: caller.accountId)
            return conference
        }
        guard let conference = try await deps.conferences.find(slug: slug) else { throw notFound }
        memo?.remember(conference)
        return conference
    }

    /// The caller (if any) and their roles in `conference`.
    func access(to conference: Conference) async throws -> ConferenceAccess {
        guard let caller = try await authenticator.caller() else {
            return ConferenceAccess(caller: nil, roles: [])
        }
        if let roles = RequestScope.current.memo?.roles(conferenceId: conference.id, accountId: caller.accountId) {
            return ConferenceAccess(caller: caller, roles: roles)
        }
        return ConferenceAccess(
            caller: caller, roles: try await deps.conferences.roles(conferenceId: conference.id, accountId: caller.accountId))
    }

    /// The conference and the caller's access to it, the first two steps of most operations.
    func conferenceAndAccess(_ slug: String) async throws -> (Conference, ConferenceAccess) {
        let conference = try await conference(slug)
        return (conference, try await access(to: conference))
    }

    /// A path parameter that must be a UUID; anything else names no resource (404).
    func uuid(_ text: String, _ what: String) throws -> UUID {
        guard let id = UUID(exactly: text) else { throw DomainError.notFound("There is no \(what) with the id \(text).") }
        return id
    }

    /// A body field that must be a UUID (422 naming it otherwise).
    static func id(_ text: String, _ field: String) throws(DomainError) -> UUID {
        guard let id = UUID(exactly: text) else { throw DomainError.invalid(field, "must be a UUID") }
        return id
    }

    /// A list field of UUIDs, each named by its index when it is not one.
    static func ids(_ texts: [String], _ field: String) throws(DomainError) -> [UUID] {
        var ids: [UUID] = []
        for (index, text) in texts.enumerated() { ids.append(try id(text, "\(field)[\(index)]")) }
        return ids
    }
}

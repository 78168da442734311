import ConferAPIContract
import ConferDomain
import ConferUseCases
import Foundation

// Conferences.
//
// | operation                        | who                  |
// |----------------------------------|----------------------|
// | GET /v1/conferences              | anyone               |
// | POST /v1/conferences             | platform admin       |
// | GET /v1/conferences/{slug}       | anyone               |
// | PATCH /v1/conferences/{slug}     | organizer (or admin) |
extension APIHandler {
    func listConferences(_ input: Operations.ListConferences.Input) async throws -> Operations.ListConferences.Output {
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let conferences = try await deps.conferences.list(page)
        let language = input.headers.acceptLanguage
        return .ok(.init(body: .json(.init(
            items: conferences.items.map {
                .init($0, language: LanguageNegotiation.best(for: language, among: $0.languages))
            },
            nextCursor: conferences.nextCursor))))
    }

    func createConference(_ input: Operations.CreateConference.Input) async throws -> Operations.CreateConference.Output {
        let caller = try await authenticator.caller()
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let conference = try await CreateConference(context).run(ConferenceInput(body), by: caller)
        let language = LanguageNegotiation.best(for: input.headers.acceptLanguage, among: conference.languages)
        return .created(.init(
            headers: .init(location: "/v1/conferences/\(conference.slug)", eTag: ETag.make(conference.version), contentLanguage: language),
            body: .json(.init(conference, language: language))))
    }

    func getConference(_ input: Operations.GetConference.Input) async throws -> Operations.GetConference.Output {
        let conference = try await conference(input.path.slug)
        let language = LanguageNegotiation.best(for: input.headers.acceptLanguage, among: conference.languages)
        return .ok(.init(
            headers: .init(eTag: ETag.make(conference.version), contentLanguage: language),
            body: .json(.init(conference, language: language))))
    }

    func updateConference(_ input: Operations.UpdateConference.Input) async throws -> Operations.UpdateConference.Output {
        guard case .applicationMergePatchJson(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        let updated = try await ChangeConference(context).run(
            ConferenceInput(patch: body, nulls: MergePatchBody.nulls), ifMatch: input.headers.ifMatch, in: conference, by: access)
        let language = LanguageNegotiation.best(for: input.headers.acceptLanguage, among: updated.languages)
        return .ok(.init(
            headers: .init(eTag: ETag.make(updated.version), contentLanguage: language),
            body: .json(.init(updated, language: language))))
    }
}

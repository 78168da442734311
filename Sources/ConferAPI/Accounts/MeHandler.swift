import ConferAPIContract
import ConferDomain
import ConferUseCases
import Foundation

// The caller's own things across conferences.
//
// | operation                  | who       |
// |----------------------------|-----------|
// | GET /v1/me/submissions     | signed in |
// | GET /v1/me/registrations   | signed in |
// | GET /v1/me/assignments     | signed in |
extension APIHandler {
    func listMySubmissions(_ input: Operations.ListMySubmissions.Input) async throws -> Operations.ListMySubmissions.Output {
        let caller = try await authenticator.requireCaller()
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let submissions = try await deps.submissions.mine(accountId: caller.accountId, email: caller.email, page: page)
        // As their authors see them, whatever else the caller is in those conferences.
        let author = ConferenceAccess(caller: Caller(accountId: caller.accountId, email: caller.email, name: caller.name, isAdmin: false), roles: [])
        let items = try await acrossConferences(submissions, \.conferenceId, input.headers.acceptLanguage) { ref, conference, submission in
            SubmissionAccess.viewer(author, submission: submission).map {
                Components.Schemas.MySubmission(conference: ref, submission: .init(submission, viewer: $0, conference: conference))
            }
        }
        return .ok(.init(body: .json(.init(items: items, nextCursor: submissions.nextCursor))))
    }

    func listMyRegistrations(_ input: Operations.ListMyRegistrations.Input) async throws -> Operations.ListMyRegistrations.Output {
        let caller = try await authenticator.requireCaller()
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let registrations = try await deps.registrations.mine(accountId: caller.accountId, page: page)
        let items = try await acrossConferences(registrations, \.conferenceId, input.headers.acceptLanguage) { ref, _, registration in
            Components.Schemas.MyRegistration(conference: ref, registration: .init(registration))
        }
        return .ok(.init(body: .json(.init(items: items, nextCursor: registrations.nextCursor))))
    }

    func listMyAssignments(_ input: Operations.ListMyAssignments.Input) async throws -> Operations.ListMyAssignments.Output {
        let caller = try await authenticator.requireCaller()
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let assignments = try await deps.reviews.assignments(reviewerId: caller.accountId, page: page)
        let items = try await acrossConferences(assignments, \.conferenceId, input.headers.acceptLanguage) { ref, _, assignment in
            Components.Schemas.MyAssignment(conference: ref, assignment: .init(assignment))
        }
        return .ok(.init(body: .json(.init(items: items, nextCursor: assignments.nextCursor))))
    }

    /// The items of a page of the caller's things, each with its conference (read for the whole page in one
    /// statement) named in the best language for `acceptLanguage`; `make` may leave an item out.
    private func acrossConferences<Item, Out>(
        _ page: Page<Item>, _ conferenceId: (Item) -> UUID, _ acceptLanguage: String?,
        _ make: (Components.Schemas.ConferenceRef, Conference, Item) -> Out?
    ) async throws -> [Out] {
        let ids = Array(Set(page.items.map(conferenceId)))
        let conferences = Dictionary(try await deps.conferences.conferences(ids: ids).map { ($0.id, $0) }) { first, _ in first }
        return page.items.compactMap { item in
            conferences[conferenceId(item)].flatMap { make(.init($0, language: acceptLanguage), $0, item) }
        }
    }
}

extension Components.Schemas.ConferenceRef {
    /// A conference named in the best of its languages for `acceptLanguage`.
    init(_ conference: Conference, language acceptLanguage: String?) {
        let language = LanguageNegotiation.best(for: acceptLanguage, among: conference.languages)
        self.init(
            id: conference.id.uuidString.lowercased(), slug: conference.slug,
            name: conference.text(.name, language: language) ?? conference.slug)
    }
}

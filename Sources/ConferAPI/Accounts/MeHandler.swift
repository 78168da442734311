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
        let conferences = try await conferencesById(submissions.items.map(\.conferenceId))
        // As their authors see them, whatever else the caller is in those conferences.
        let author = ConferenceAccess(caller: Caller(accountId: caller.accountId, email: caller.email, name: caller.name, isAdmin: false), roles: [])
        return .ok(.init(body: .json(.init(
            items: submissions.items.compactMap { submission in
                guard let conference = conferences[submission.conferenceId],
                      let viewer = SubmissionAccess.viewer(author, submission: submission)
                else { return nil }
                return .init(
                    conference: .init(conference, language: input.headers.acceptLanguage),
                    submission: .init(submission, viewer: viewer, conference: conference))
            },
            nextCursor: submissions.nextCursor))))
    }

    func listMyRegistrations(_ input: Operations.ListMyRegistrations.Input) async throws -> Operations.ListMyRegistrations.Output {
        let caller = try await authenticator.requireCaller()
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let registrations = try await deps.registrations.mine(accountId: caller.accountId, page: page)
        let conferences = try await conferencesById(registrations.items.map(\.conferenceId))
        return .ok(.init(body: .json(.init(
            items: registrations.items.compactMap { registration in
                conferences[registration.conferenceId].map {
                    .init(conference: .init($0, language: input.headers.acceptLanguage), registration: .init(registration))
                }
            },
            nextCursor: registrations.nextCursor))))
    }

    func listMyAssignments(_ input: Operations.ListMyAssignments.Input) async throws -> Operations.ListMyAssignments.Output {
        let caller = try await authenticator.requireCaller()
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let assignments = try await deps.reviews.assignments(reviewerId: caller.accountId, page: page)
        let conferences = try await conferencesById(assignments.items.map(\.conferenceId))
        return .ok(.init(body: .json(.init(
            items: assignments.items.compactMap { assignment in
                conferences[assignment.conferenceId].map {
                    .init(conference: .init($0, language: input.headers.acceptLanguage), assignment: .init(assignment))
                }
            },
            nextCursor: assignments.nextCursor))))
    }

    /// The conferences of a page's items, in one statement.
    private func conferencesById(_ ids: [UUID]) async throws -> [UUID: Conference] {
        Dictionary(try await deps.conferences.conferences(ids: Array(Set(ids))).map { ($0.id, $0) }) { first, _ in first }
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

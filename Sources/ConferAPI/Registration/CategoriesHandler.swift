import ConferAPIContract
import ConferDomain
import ConferUseCases
import Foundation

// Fee categories.
//
// | operation                                                  | who       |
// |------------------------------------------------------------|-----------|
// | GET …/registration-categories, …/{categoryId}              | anyone    |
// | POST …/registration-categories; PATCH, DELETE …/{categoryId} | organizer |
extension APIHandler {
    func createRegistrationCategory(_ input: Operations.CreateRegistrationCategory.Input) async throws -> Operations.CreateRegistrationCategory.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let category = try await CreateRegistrationCategory(context).run(
            CategoryInput(name: body.name, description: body.description, translations: body.translations?.domain, price: body.price.domain,
                          capacity: body.capacity),
            in: conference, by: access)
        let language = LanguageNegotiation.best(for: input.headers.acceptLanguage, among: conference.languages)
        return .created(.init(
            headers: .init(location: "/v1/conferences/\(conference.slug)/registration-categories"),
            body: .json(.init(category, language: language, languages: conference.languages))))
    }

    func listRegistrationCategories(_ input: Operations.ListRegistrationCategories.Input) async throws -> Operations.ListRegistrationCategories.Output {
        let conference = try await conference(input.path.slug)
        let language = LanguageNegotiation.best(for: input.headers.acceptLanguage, among: conference.languages)
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let categories = Page.of(try await deps.registrations.categories(conferenceId: conference.id), page) {
            [SortKey.number($0.position), SortKey.id($0.id)]
        }
        return .ok(.init(body: .json(.init(
            items: categories.items.map { .init($0, language: language, languages: conference.languages) },
            nextCursor: categories.nextCursor))))
    }

    func getRegistrationCategory(
        _ input: Operations.GetRegistrationCategory.Input
    ) async throws -> Operations.GetRegistrationCategory.Output {
        let conference = try await conference(input.path.slug)
        let id = try uuid(input.path.categoryId, "registration category")
        guard let category = try await deps.registrations.category(conferenceId: conference.id, id: id) else {
            throw RegistrationRules.categoryNotFound(id)
        }
        let language = LanguageNegotiation.best(for: input.headers.acceptLanguage, among: conference.languages)
        return .ok(.init(
            headers: .init(eTag: ETag.make(category.version)),
            body: .json(.init(category, language: language, languages: conference.languages))))
    }

    func updateRegistrationCategory(
        _ input: Operations.UpdateRegistrationCategory.Input
    ) async throws -> Operations.UpdateRegistrationCategory.Output {
        guard case .applicationMergePatchJson(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        let nulls = MergePatchBody.nulls
        let patch = CategoryPatch(
            name: body.name, description: body.description ?? nil,
            translations: MergePatchBody.translations(body.translations?.domain.byLanguage, fields: ["name", "description"], nulls: nulls),
            price: body.price?.domain, capacity: body.capacity ?? nil, cleared: nulls)
        let category = try await ChangeRegistrationCategory(context).run(
            try uuid(input.path.categoryId, "registration category"), patch, ifMatch: input.headers.ifMatch, in: conference, by: access)
        let language = LanguageNegotiation.best(for: input.headers.acceptLanguage, among: conference.languages)
        return .ok(.init(
            headers: .init(eTag: ETag.make(category.version)),
            body: .json(.init(category, language: language, languages: conference.languages))))
    }

    func deleteRegistrationCategory(
        _ input: Operations.DeleteRegistrationCategory.Input
    ) async throws -> Operations.DeleteRegistrationCategory.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        try await DeleteRegistrationCategory(context).run(
            try uuid(input.path.categoryId, "registration category"), in: conference, by: access)
        return .noContent(.init())
    }
}

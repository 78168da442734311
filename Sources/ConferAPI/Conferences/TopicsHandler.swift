import ConferAPIContract
import ConferDomain
import ConferUseCases
import Foundation

// Work areas and topics of a conference.
//
// | operation                                      | who       |
// |------------------------------------------------|-----------|
// | GET /v1/conferences/{slug}/topics              | anyone    |
// | GET /v1/conferences/{slug}/topics/{topicId}    | anyone    |
// | POST /v1/conferences/{slug}/topics             | organizer |
// | PATCH, DELETE …/topics/{topicId}               | organizer |
extension APIHandler {
    func listTopics(_ input: Operations.ListTopics.Input) async throws -> Operations.ListTopics.Output {
        let conference = try await conference(input.path.slug)
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let topics = try await deps.topics.list(conferenceId: conference.id, kind: input.query.kind?.domain, page: page)
        let language = LanguageNegotiation.best(for: input.headers.acceptLanguage, among: conference.languages)
        return .ok(.init(
            headers: .init(contentLanguage: language),
            body: .json(.init(
                items: topics.items.map { .init($0, language: language, languages: conference.languages) },
                nextCursor: topics.nextCursor))))
    }

    func getTopic(_ input: Operations.GetTopic.Input) async throws -> Operations.GetTopic.Output {
        let conference = try await conference(input.path.slug)
        let id = try uuid(input.path.topicId, "topic")
        guard let topic = try await deps.topics.find(conferenceId: conference.id, id: id) else {
            throw DomainError.notFound("There is no topic with the id \(input.path.topicId) in this conference.")
        }
        let language = LanguageNegotiation.best(for: input.headers.acceptLanguage, among: conference.languages)
        return .ok(.init(
            headers: .init(eTag: ETag.make(topic.version), contentLanguage: language),
            body: .json(.init(topic, language: language, languages: conference.languages))))
    }

    func updateTopic(_ input: Operations.UpdateTopic.Input) async throws -> Operations.UpdateTopic.Output {
        guard case .applicationMergePatchJson(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        let nulls = MergePatchBody.nulls
        let patch = TopicPatch(
            title: body.title, description: body.description ?? nil, kind: body.kind?.domain,
            translations: MergePatchBody.translations(body.translations?.domain.byLanguage, fields: ["title", "description"], nulls: nulls),
            cleared: nulls)
        let topic = try await ChangeTopic(context).run(
            try uuid(input.path.topicId, "topic"), patch, ifMatch: input.headers.ifMatch, in: conference, by: access)
        let language = LanguageNegotiation.best(for: input.headers.acceptLanguage, among: conference.languages)
        return .ok(.init(
            headers: .init(eTag: ETag.make(topic.version)),
            body: .json(.init(topic, language: language, languages: conference.languages))))
    }

    func deleteTopic(_ input: Operations.DeleteTopic.Input) async throws -> Operations.DeleteTopic.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        try await DeleteTopic(context).run(try uuid(input.path.topicId, "topic"), in: conference, by: access)
        return .noContent(.init())
    }

    func createTopic(_ input: Operations.CreateTopic.Input) async throws -> Operations.CreateTopic.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let topic = try await CreateTopic(context).run(
            title: body.title, description: body.description, kind: body.kind.domain, translations: body.translations?.domain,
            in: conference, by: access)
        let language = LanguageNegotiation.best(for: input.headers.acceptLanguage, among: conference.languages)
        return .created(.init(
            headers: .init(
                location: "/v1/conferences/\(conference.slug)/topics/\(topic.id.uuidString.lowercased())",
                eTag: ETag.make(topic.version), contentLanguage: language),
            body: .json(.init(topic, language: language, languages: conference.languages))))
    }
}

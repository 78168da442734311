import Foundation

/// A conference whose call is open (deadline far ahead), with one topic, and its organizer.
struct OpenCall: Sendable {
    var admin: TestApp.User
    var slug: String
    var topicId: String

    var submissions: String { "/v1/conferences/\(slug)/submissions" }

    static func make(_ app: TestApp, slug: String = "expairs-2027") async throws -> OpenCall {
        let admin = try await app.admin()
        _ = try await app.createConference(slug, by: admin, body: TestApp.conferenceBody(slug: slug)
            .with("submissionDeadline", "2099-05-30T23:59:59+02:00").with("notificationDate", "2099-07-15T00:00:00+02:00"))
        let topic = try await app.post("/v1/conferences/\(slug)/topics", token: admin.token, json: [
            "kind": "topic", "title": "Professionnalisation et formation des pairs-aidants",
            "translations": ["en": ["title": "Professionalization and training of peer-supporters"]],
        ])
        guard let topicId = topic.json["id"].string else { throw Unexpected(topic) }
        return OpenCall(admin: admin, slug: slug, topicId: topicId)
    }

    /// A proposal body in French, by `author`, on the call's topic.
    func proposal(by author: TestApp.User, title: String = "Les pairs-aidants en santé mentale",
                  abstract: String = "Nous étudions les accompagnements par les pairs dans trois services de psychiatrie.") -> JSON {
        [
            "title": .string(title), "abstract": .string(abstract), "topicId": .string(topicId), "format": "oral",
            "language": "fr", "keywords": ["pair-aidance", "santé mentale"],
            "authors": [["name": "Claire Martin", "email": .string(author.email), "affiliation": "Université Rennes 2", "presenting": true]],
        ]
    }
}

import Foundation

/// An open call with submitted proposals from authors of several affiliations, and a scientific committee
/// some of whose members share an affiliation with authors (spelled differently).
struct ReviewRound: Sendable {
    var call: OpenCall
    var app: TestApp
    var authors: [TestApp.User]
    var affiliations: [String]
    /// Proposal ids, one per author, in author order.
    var submissions: [String]
    var reviewers: [TestApp.User]
    var reviewerAffiliations: [String]

    static func affiliation(_ index: Int) -> String { "Université de Recherche n°\(index)" }

    static func make(
        _ app: TestApp, proposals: Int = 30, affiliationCount: Int = 10, reviewerCount: Int = 8, sharing: Int = 3,
        reviewMode: String = "double-blind"
    ) async throws -> ReviewRound {
        let call = try await OpenCall.make(app)
        _ = try await app.patch("/v1/conferences/\(call.slug)", token: call.admin.token, json: ["reviewMode": .string(reviewMode)])
        var authors: [TestApp.User] = []
        var affiliations: [String] = []
        var submissions: [String] = []
        for index in 0..<proposals {
            let affiliation = affiliation(index % affiliationCount)
            let author = try await app.signUp("Auteur\(index) Nom\(index)", affiliation: affiliation)
            let body: JSON = [
                "title": .string("Proposition \(index) sur la pair-aidance"),
                "abstract": .string("Résumé de la proposition \(index) : l'accompagnement par les pairs."),
                "format": "oral", "language": index % 2 == 0 ? "fr" : "en", "topicId": .string(call.topicId),
                "authors": [["name": .string("Auteur\(index) Nom\(index)"), "email": .string(author.email),
                             "affiliation": .string(affiliation), "presenting": true]],
            ]
            let created = try await app.post(call.submissions, token: author.token, json: body)
            guard let id = created.json["id"].string else { throw Unexpected(created) }
            let submitted = try await app.post("\(call.submissions)/\(id)/submit", token: author.token)
            guard submitted.status == 200 else { throw Unexpected(submitted) }
            authors.append(author)
            affiliations.append(affiliation)
            submissions.append(id)
        }
        var reviewers: [TestApp.User] = []
        var reviewerAffiliations: [String] = []
        for index in 0..<reviewerCount {
            // The first `sharing` reviewers work where some authors do, written with other case, accents and spacing.
            let affiliation = index < sharing ? "UNIVERSITE  de recherche N°\(index)" : "Institut international \(index)"
            let reviewer = try await app.signUp("Relecteur\(index)", affiliation: affiliation)
            let put = try await app.put("/v1/conferences/\(call.slug)/members/\(reviewer.id)", token: call.admin.token, json: [
                "roles": ["reviewer"], "topicIds": index % 2 == 0 ? [.string(call.topicId)] : [],
            ])
            guard put.status == 201 else { throw Unexpected(put) }
            reviewers.append(reviewer)
            reviewerAffiliations.append(affiliation)
        }
        return ReviewRound(
            call: call, app: app, authors: authors, affiliations: affiliations, submissions: submissions,
            reviewers: reviewers, reviewerAffiliations: reviewerAffiliations)
    }

    func submission(_ index: Int) -> String { "\(call.submissions)/\(submissions[index])" }

    /// Every assignment of the conference, as the organizer sees them.
    func assignments() async throws -> [JSON] {
        var items: [JSON] = []
        var cursor: String?
        repeat {
            let page = try await app.get(
                "/v1/conferences/\(call.slug)/assignments?limit=200" + (cursor.map { "&cursor=\($0)" } ?? ""), token: call.admin.token)
            guard page.status == 200 else { throw Unexpected(page) }
            items += page.json["items"].array
            cursor = page.json["nextCursor"].string
        } while cursor != nil
        return items
    }
}

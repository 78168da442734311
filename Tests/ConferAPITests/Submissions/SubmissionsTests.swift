import Foundation
import Testing

@Suite("Submissions: the author's path")
struct SubmissionsTests {
    @Test func anAuthorDraftsEditsSubmitsAndWithdraws() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let author = try await app.signUp("Claire")
            let created = try await app.post(call.submissions, token: author.token, json: call.proposal(by: author).with("translations", [
                "en": ["title": "Peer supporters in mental health", "abstract": "We study peer support in three psychiatric services."],
            ]))
            #expect(created.status == 201)
            let id = try #require(created.json["id"].string)
            let path = "\(call.submissions)/\(id)"
            #expect(created.header("Location") == path)
            #expect(created.json["status"] == "draft")
            #expect(created.json["number"] == 1)
            #expect(created.json["topicId"].string == call.topicId)
            #expect(created.json["translations"]["en"]["title"] == "Peer supporters in mental health")

            let edited = try await app.patch(path, token: author.token, json: ["title": "Pairs-aidants et psychiatrie"], headers: ["If-Match": "\"1\""])
            #expect(edited.status == 200)
            #expect(edited.header("ETag") == "\"2\"")
            #expect(try await app.patch(path, token: author.token, json: ["title": "Encore"], headers: ["If-Match": "\"1\""]).status == 412)

            let submitted = try await app.post("\(path)/submit", token: author.token)
            #expect(submitted.status == 200)
            #expect(submitted.json["status"] == "submitted")
            #expect(submitted.json["submittedAt"].string != nil)
            let again = try await app.post("\(path)/submit", token: author.token)
            #expect(again.status == 409)
            #expect(again.json["type"].string?.hasSuffix("invalid-transition") == true)

            let withdrawn = try await app.post("\(path)/withdraw", token: author.token)
            #expect(withdrawn.json["status"] == "withdrawn")
            #expect(try await app.patch(path, token: author.token, json: ["title": "Trop tard"]).status == 409)

            let read = try await app.get(path, token: author.token)
            #expect(read.json["history"].array.map { $0["action"] } == ["created", "edited", "submitted", "withdrawn"])
            let edit = read.json["history"][1]
            #expect(edit["changes"] == [["field": "title", "before": "Les pairs-aidants en santé mentale", "after": "Pairs-aidants et psychiatrie"]])
            #expect(edit["actor"]["role"] == "author")
            let paged = try await app.get("\(path)/history?limit=3", token: author.token)
            #expect(paged.json["items"].array.count == 3)
            let rest = try await app.get("\(path)/history?limit=3&cursor=\(paged.json["nextCursor"].string ?? "")", token: author.token)
            #expect(rest.json["items"].array.map { $0["action"] } == ["withdrawn"])
        }
    }

    @Test func theAbstractLimitCountsCharactersAndEveryRuleNamesItsField() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let author = try await app.signUp("Claire")
            let exact = String(repeating: "é", count: 3000)
            #expect(try await app.post(call.submissions, token: author.token, json: call.proposal(by: author, abstract: exact)).status == 201)
            let over = try await app.post(call.submissions, token: author.token, json: call.proposal(by: author, abstract: exact + "e\u{301}"))
            #expect(over.status == 422)
            #expect(over.errorFields == ["abstract"])

            _ = try await app.createConference("other-2027", by: call.admin)
            let foreign = try await app.post("/v1/conferences/other-2027/topics", token: call.admin.token, json: ["kind": "topic", "title": "Autre"])
            let foreignTopic = try await app.post(call.submissions, token: author.token,
                json: call.proposal(by: author).with("topicId", foreign.json["id"]))
            #expect(foreignTopic.errorFields == ["topicId"])

            let video = try await app.post(call.submissions, token: author.token, json: call.proposal(by: author).with("format", "video"))
            #expect(video.status == 422)
            #expect(video.errorFields == ["videoJustification"])
            let justified = try await app.post(call.submissions, token: author.token, json: call.proposal(by: author)
                .with("format", "video").with("videoJustification", "L'autrice ne peut pas voyager pour raisons de santé."))
            #expect(justified.status == 201)

            var many = call.proposal(by: author)
            many["language"] = "de"
            many["keywords"] = .array((1...11).map { .string("mot \($0)") })
            many["authors"] = [["name": "A", "email": "a@example.org", "presenting": false]]
            let broken = try await app.post(call.submissions, token: author.token, json: many)
            #expect(Set(broken.errorFields) == ["language", "keywords", "authors"])
            #expect(try await app.post(call.submissions, token: author.token, json: call.proposal(by: author).with("format", "film")).errorFields == ["format"])
            let stats = try await app.get("\(call.submissions)/stats", token: call.admin.token)
            #expect(stats.json["total"] == 2)
        }
    }

    @Test func theDeadlineClosesTheCallForAuthorsButNotOrganizers() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let author = try await app.signUp("Claire")
            let draft = try await app.post(call.submissions, token: author.token, json: call.proposal(by: author))
            let path = "\(call.submissions)/\(draft.json["id"].string ?? "")"
            let closed = try await app.patch("/v1/conferences/\(call.slug)", token: call.admin.token, json: [
                "submissionDeadline": "2020-01-01T00:00:00Z", "notificationDate": "2020-02-01T00:00:00Z",
            ])
            #expect(closed.status == 200)

            for reply in [
                try await app.post(call.submissions, token: author.token, json: call.proposal(by: author)),
                try await app.post("\(path)/submit", token: author.token),
                try await app.patch(path, token: author.token, json: ["title": "Trop tard"]),
                try await app.post("\(path)/withdraw", token: author.token),
            ] {
                #expect(reply.status == 409)
                #expect(reply.json["type"].string?.hasSuffix("deadline-passed") == true)
            }
            let fixed = try await app.patch(path, token: call.admin.token, json: ["title": "Titre corrigé par le comité"])
            #expect(fixed.status == 200)
            #expect(try await app.post("\(path)/submit", token: call.admin.token).json["status"] == "submitted")
            // Authors see what an organizer changed on their proposal.
            let history = try await app.get("\(path)/history", token: author.token)
            let organizerEdit = history.json["items"][1]
            #expect(organizerEdit["actor"]["role"] == "organizer")
            #expect(organizerEdit["changes"][0]["after"] == "Titre corrigé par le comité")
        }
    }

    @Test func onlyItsAuthorsAndOrganizersKnowAProposalExists() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let author = try await app.signUp("Claire")
            let coAuthor = try await app.signUp("Marc", email: "marc.dupont@example.org")
            let stranger = try await app.signUp("Stranger")
            let reviewer = try await app.signUp("Reviewer")
            _ = try await app.put("/v1/conferences/\(call.slug)/members/\(reviewer.id)", token: call.admin.token, json: ["roles": ["reviewer"]])
            var body = call.proposal(by: author)
            body["authors"] = [
                ["name": "Claire Martin", "email": .string(author.email), "presenting": true],
                ["name": "Marc Dupont", "email": "Marc.Dupont@example.org", "affiliation": "EHESP", "presenting": false],
            ]
            let created = try await app.post(call.submissions, token: author.token, json: body)
            let path = "\(call.submissions)/\(created.json["id"].string ?? "")"

            #expect(try await app.get(path).status == 401)
            #expect(try await app.get(path, token: stranger.token).status == 404)
            #expect(try await app.get(path, token: reviewer.token).status == 404)
            #expect(try await app.patch(path, token: stranger.token, json: ["title": "Volé"]).status == 404)
            #expect(try await app.get("\(path)/history", token: stranger.token).status == 404)
            #expect(try await app.get("\(call.submissions)/\(UUID().uuidString)", token: author.token).status == 404)
            #expect(try await app.get(call.submissions, token: stranger.token).json["items"] == [])
            #expect(try await app.get(call.submissions, token: reviewer.token).json["items"] == [])

            #expect(try await app.get(path, token: coAuthor.token).status == 200)
            #expect(try await app.get(call.submissions, token: coAuthor.token).json["items"].array.count == 1)
            #expect(try await app.patch(path, token: coAuthor.token, json: ["title": "Par le co-auteur"]).status == 403)
            #expect(try await app.post("\(path)/withdraw", token: coAuthor.token).status == 403)
            #expect(try await app.get(path, token: call.admin.token).status == 200)
            #expect(try await app.get("\(call.submissions)/stats", token: author.token).status == 403)
        }
    }

    @Test func concurrentCreatesWithDistinctKeysAllLandAndOneKeyLandsOnce() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let author = try await app.signUp("Claire")
            let body = call.proposal(by: author)
            let distinct = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<100 {
                    group.addTask {
                        try await app.post(call.submissions, token: author.token, json: body, headers: ["Idempotency-Key": "create-\(index)"]).status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(distinct.allSatisfy { $0 == 201 })
            let same = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        try await app.post(call.submissions, token: author.token, json: body, headers: ["Idempotency-Key": "the-same"]).json["id"].string
                    }
                }
                return try await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(Set(same).count == 1 && same[0] != nil)
            let stats = try await app.get("\(call.submissions)/stats", token: call.admin.token)
            #expect(stats.json["total"] == 101)
            let numbers = try await app.repositories.database.client.query("SELECT count(DISTINCT number)::int FROM submissions")
            for try await n in numbers.decode(Int.self) { #expect(n == 101) }
        }
    }
}

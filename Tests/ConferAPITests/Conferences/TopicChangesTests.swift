import Foundation
import Testing

@Suite("Conferences: changing and deleting work areas and topics")
struct TopicChangesTests {
    @Test func organizersRenameAndClearTopicsWithVersions() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let path = "/v1/conferences/\(call.slug)/topics/\(call.topicId)"
            let token = call.admin.token
            let described = try await app.patch(path, token: token, json: ["description": "Formations, statuts, métiers"])
            #expect(described.status == 200)
            #expect(described.header("ETag") == "\"2\"")
            let renamed = try await app.patch(path, token: token, json: [
                "title": "Formation des pairs-aidants", "kind": "area", "translations": ["en": ["title": "Training peer-supporters"]],
            ], headers: ["If-Match": "\"2\""])
            #expect(renamed.status == 200)
            #expect(renamed.json["title"] == "Formation des pairs-aidants")
            #expect(renamed.json["kind"] == "area")
            #expect(renamed.json["description"] == "Formations, statuts, métiers")
            #expect(try await app.get(path, headers: ["Accept-Language": "en"]).json["title"] == "Training peer-supporters")
            // A stale version changes nothing.
            #expect(try await app.patch(path, token: token, json: ["title": "Autre"], headers: ["If-Match": "\"2\""]).status == 412)

            // null clears what may be cleared, and is refused, naming the field, on what may not.
            let cleared = try await app.patch(path, token: token, json: ["description": nil])
            #expect(cleared.status == 200)
            #expect(cleared.json["description"].isNull)
            let untitled = try await app.patch(path, token: token, json: ["title": nil])
            #expect(untitled.status == 422)
            #expect(untitled.errorFields == ["title"])
            #expect(try await app.patch(path, token: token, json: ["kind": nil]).errorFields == ["kind"])
            #expect(try await app.patch(path, token: token, json: ["title": " "]).errorFields == ["title"])
            #expect(try await app.get(path).json["title"] == "Formation des pairs-aidants")
        }
    }

    @Test func aTopicInUseIsKeptAndNamesWhatHoldsIt() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let base = "/v1/conferences/\(call.slug)"
            let token = call.admin.token
            let author = try await app.signUp("Claire")
            let proposal = try await app.post(call.submissions, token: author.token, json: call.proposal(by: author))
            let proposalId = try #require(proposal.json["id"].string)
            let room = try #require(try await app.post("\(base)/rooms", token: token, json: ["name": "Salle 1", "capacity": 40]).json["id"].string)
            var session = ProgramTests.session("Formation", room: room, 14, "09:00", "10:00")
            session["topicId"] = .string(call.topicId)
            let sessionId = try #require(try await app.post("\(base)/sessions", token: token, json: session).json["id"].string)
            let reviewer = try await app.signUp("Relectrice")
            _ = try await app.put("\(base)/members/\(reviewer.id)", token: token, json: ["roles": ["reviewer"], "topicIds": [.string(call.topicId)]])

            let held = try await app.delete("\(base)/topics/\(call.topicId)", token: token)
            #expect(held.status == 409)
            #expect(held.json["type"].string?.hasSuffix("topic-in-use") == true)
            #expect(held.json["detail"].string?.contains("1 proposal and 1 session") == true)

            #expect(try await app.patch("\(call.submissions)/\(proposalId)", token: author.token, json: ["topicId": nil]).json["topicId"].isNull)
            let stillSession = try await app.delete("\(base)/topics/\(call.topicId)", token: token)
            #expect(stillSession.json["detail"].string?.contains("1 session;") == true)
            #expect(try await app.patch("\(base)/sessions/\(sessionId)", token: token, json: ["topicId": nil]).json["topicId"].isNull)

            // Reviewers and authors may not; then the organizer may, and the reviewer's declared topics lose it.
            #expect(try await app.delete("\(base)/topics/\(call.topicId)", token: reviewer.token).status == 403)
            #expect(try await app.delete("\(base)/topics/\(call.topicId)").status == 401)
            #expect(try await app.delete("\(base)/topics/\(call.topicId)", token: token).status == 204)
            #expect(try await app.get("\(base)/topics/\(call.topicId)").status == 404)
            #expect(try await app.delete("\(base)/topics/\(call.topicId)", token: token).status == 404)
            let members = try await app.get("\(base)/members", token: token).json["items"].array
            #expect(members.first { $0["accountId"].string == reviewer.id }?["topicIds"] == [])
        }
    }

    @Test func topicsOfAnotherConferenceAreUnknown() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            _ = try await app.createConference("other-2020", by: call.admin)
            let elsewhere = "/v1/conferences/other-2020/topics/\(call.topicId)"
            #expect(try await app.patch(elsewhere, token: call.admin.token, json: ["title": "X"]).status == 404)
            #expect(try await app.delete(elsewhere, token: call.admin.token).status == 404)
            #expect(try await app.patch("/v1/conferences/\(call.slug)/topics/not-a-uuid", token: call.admin.token, json: ["title": "X"]).status == 404)
            #expect(try await app.get("/v1/conferences/\(call.slug)/topics/\(call.topicId)").header("ETag") == "\"1\"")
        }
    }
}

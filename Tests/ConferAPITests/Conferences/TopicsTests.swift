import Foundation
import Testing

@Suite("Conferences: work areas and topics")
struct TopicsTests {
    @Test func organizersAddBilingualTopicsThatAnyoneReads() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            _ = try await app.createConference("expairs-2019", by: admin)
            let created = try await app.post("/v1/conferences/expairs-2019/topics", token: admin.token, json: [
                "kind": "topic", "title": "Professionnalisation et formation des pairs-aidants",
                "translations": ["en": ["title": "Professionalization and training of peer-supporters"]],
            ])
            #expect(created.status == 201)
            let id = try #require(created.json["id"].string)
            #expect(created.header("Location") == "/v1/conferences/expairs-2019/topics/\(id)")
            #expect(created.json["position"] == 1)

            let en = try await app.get("/v1/conferences/expairs-2019/topics/\(id)", headers: ["Accept-Language": "en"])
            #expect(en.json["title"] == "Professionalization and training of peer-supporters")
            let fr = try await app.get("/v1/conferences/expairs-2019/topics/\(id)", headers: ["Accept-Language": "fr"])
            #expect(fr.json["title"] == "Professionnalisation et formation des pairs-aidants")
            #expect(fr.json["translations"]["en"]["title"] == en.json["title"])
        }
    }

    @Test func listsFilterByKindAndPage() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            _ = try await app.createConference("expairs-2019", by: admin)
            for (kind, title) in [("area", "Les acteurs"), ("topic", "Aides techniques"), ("area", "Les environnements"), ("topic", "Genre")] {
                let reply = try await app.post("/v1/conferences/expairs-2019/topics", token: admin.token, json: ["kind": .string(kind), "title": .string(title)])
                #expect(reply.status == 201)
            }
            let areas = try await app.get("/v1/conferences/expairs-2019/topics?kind=area")
            #expect(areas.json["items"].array.map { $0["title"] } == ["Les acteurs", "Les environnements"])
            let page = try await app.get("/v1/conferences/expairs-2019/topics?limit=3")
            #expect(page.json["items"].array.map { $0["position"] } == [1, 2, 3])
            let cursor = try #require(page.json["nextCursor"].string)
            let rest = try await app.get("/v1/conferences/expairs-2019/topics?limit=3&cursor=\(cursor)")
            #expect(rest.json["items"].array.map { $0["title"] } == ["Genre"])
            let unknownKind = try await app.get("/v1/conferences/expairs-2019/topics?kind=session")
            #expect(unknownKind.status == 400)
            #expect(unknownKind.isProblem)
        }
    }

    @Test func invalidTopicsAndOutsidersAreRefused() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            _ = try await app.createConference("expairs-2019", by: admin)
            _ = try await app.createConference("other-2020", by: admin)
            let reviewer = try await app.signUp("Reviewer")
            _ = try await app.put("/v1/conferences/expairs-2019/members/\(reviewer.id)", token: admin.token, json: ["roles": ["reviewer"]])
            let base = "/v1/conferences/expairs-2019/topics"
            #expect(try await app.post(base, json: ["kind": "topic", "title": "X"]).status == 401)
            #expect(try await app.post(base, token: reviewer.token, json: ["kind": "topic", "title": "X"]).status == 403)
            let badLanguage = try await app.post(base, token: admin.token, json: ["kind": "topic", "title": "X", "translations": ["es": ["title": "Y"]]])
            #expect(badLanguage.errorFields == ["translations.es"])
            #expect(try await app.post(base, token: admin.token, json: ["kind": "topic", "title": " "]).errorFields == ["title"])
            let created = try await app.post(base, token: admin.token, json: ["kind": "area", "title": "Les acteurs"])
            let id = try #require(created.json["id"].string)
            #expect(try await app.get("/v1/conferences/other-2020/topics/\(id)").status == 404)
            #expect(try await app.get("\(base)/\(UUID().uuidString)").status == 404)
            #expect(try await app.get("/v1/conferences/nope/topics").status == 404)
            #expect(try await app.get(base).json["items"].array.count == 1)
        }
    }
}

import Foundation
import Testing

@Suite("Conferences: committee members")
struct MembersTests {
    @Test func organizersAddChangeListAndRemoveMembers() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            _ = try await app.createConference("expairs-2019", by: admin)
            let reviewer = try await app.signUp("Reviewer", affiliation: "Université de Montréal")
            let path = "/v1/conferences/expairs-2019/members/\(reviewer.id)"

            let added = try await app.put(path, token: admin.token, json: ["roles": ["reviewer"]])
            #expect(added.status == 201)
            #expect(added.header("Location") == path)
            #expect(added.json["roles"] == ["reviewer"])
            #expect(added.json["affiliation"] == "Université de Montréal")
            let changed = try await app.put(path, token: admin.token, json: ["roles": ["reviewer", "organizer"]])
            #expect(changed.status == 200)
            #expect(changed.json["roles"] == ["organizer", "reviewer"])
            #expect(changed.header("ETag") == "\"2\"")

            let all = try await app.get("/v1/conferences/expairs-2019/members", token: admin.token)
            #expect(all.json["items"].array.count == 2)
            let reviewers = try await app.get("/v1/conferences/expairs-2019/members?role=reviewer", token: admin.token)
            #expect(reviewers.json["items"].array.map { $0["accountId"] } == [.string(reviewer.id)])
            let paged = try await app.get("/v1/conferences/expairs-2019/members?limit=1", token: admin.token)
            let cursor = try #require(paged.json["nextCursor"].string)
            let rest = try await app.get("/v1/conferences/expairs-2019/members?limit=1&cursor=\(cursor)", token: admin.token)
            #expect(rest.json["items"].array.count == 1)
            #expect(rest.json["items"][0]["accountId"] != paged.json["items"][0]["accountId"])

            #expect(try await app.get(path, token: admin.token).json["name"] == "Reviewer")
            #expect(try await app.delete(path, token: admin.token).status == 204)
            #expect(try await app.get(path, token: admin.token).status == 404)
            #expect(try await app.delete(path, token: admin.token).status == 404)
        }
    }

    @Test func theLastOrganizerCannotLeaveOrBeDemoted() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            _ = try await app.createConference("expairs-2019", by: admin)
            let path = "/v1/conferences/expairs-2019/members/\(admin.id)"
            let demote = try await app.put(path, token: admin.token, json: ["roles": ["reviewer"]])
            #expect(demote.status == 409)
            #expect(demote.json["type"].string?.hasSuffix("last-organizer") == true)
            #expect(try await app.delete(path, token: admin.token).status == 409)
            let second = try await app.signUp("Second organizer")
            _ = try await app.put("/v1/conferences/expairs-2019/members/\(second.id)", token: admin.token, json: ["roles": ["organizer"]])
            #expect(try await app.delete(path, token: admin.token).status == 204)
        }
    }

    @Test func badRolesAndUnknownAccountsAreRefused() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            _ = try await app.createConference("expairs-2019", by: admin)
            let claire = try await app.signUp("Claire")
            let base = "/v1/conferences/expairs-2019/members"
            #expect(try await app.put("\(base)/\(claire.id)", token: admin.token, json: ["roles": []]).errorFields == ["roles"])
            #expect(try await app.put("\(base)/\(claire.id)", token: admin.token, json: ["roles": ["chair"]]).status == 422)
            #expect(try await app.put("\(base)/\(UUID().uuidString)", token: admin.token, json: ["roles": ["reviewer"]]).status == 404)
            #expect(try await app.put("\(base)/not-a-uuid", token: admin.token, json: ["roles": ["reviewer"]]).status == 404)
            #expect(try await app.get("\(base)", token: admin.token).json["items"].array.count == 1)
        }
    }

    @Test func onlyOrganizersManageTheCommittee() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            _ = try await app.createConference("expairs-2019", by: admin)
            let reviewer = try await app.signUp("Reviewer")
            let stranger = try await app.signUp("Stranger")
            let base = "/v1/conferences/expairs-2019/members"
            _ = try await app.put("\(base)/\(reviewer.id)", token: admin.token, json: ["roles": ["reviewer"]])
            #expect(try await app.get(base).status == 401)
            #expect(try await app.get(base, token: reviewer.token).status == 403)
            #expect(try await app.get(base, token: stranger.token).status == 403)
            #expect(try await app.put("\(base)/\(stranger.id)", token: reviewer.token, json: ["roles": ["organizer"]]).status == 403)
            #expect(try await app.delete("\(base)/\(admin.id)", token: stranger.token).status == 403)
            #expect(try await app.get("/v1/conferences/nope/members", token: admin.token).status == 404)
        }
    }
}

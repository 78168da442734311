import Foundation
import Testing

@Suite("Conferences: creation, bilingual reads, lists, updates")
struct ConferencesTests {
    @Test func anAdminCreatesAConferenceAndBecomesItsOrganizer() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            let reply = try await app.post("/v1/conferences", token: admin.token, json: TestApp.conferenceBody(slug: "expairs-2019"))
            #expect(reply.status == 201)
            #expect(reply.header("Location") == "/v1/conferences/expairs-2019")
            #expect(reply.header("ETag") == "\"1\"")
            #expect(reply.json["abstractMaxLength"] == 3000)
            #expect(reply.json["reviewsPerSubmission"] == 2)
            #expect(reply.json["reviewMode"] == "double-blind")
            #expect(reply.json["submissionDeadline"] == "2019-05-30T21:59:59Z")
            #expect(reply.json["languages"] == ["fr", "en"])
            let me = try await app.get("/v1/me", token: admin.token)
            #expect(me.json["memberships"][0]["conference"]["slug"] == "expairs-2019")
            #expect(me.json["memberships"][0]["roles"] == ["organizer"])
        }
    }

    @Test func onlyAdminsCreateConferences() async throws {
        try await TestApp.run { app in
            let claire = try await app.signUp("Claire")
            #expect(try await app.post("/v1/conferences", json: TestApp.conferenceBody(slug: "x")).status == 401)
            let forbidden = try await app.post("/v1/conferences", token: claire.token, json: TestApp.conferenceBody(slug: "x"))
            #expect(forbidden.status == 403)
            #expect(forbidden.isProblem)
            #expect(try await app.get("/v1/conferences/x").status == 404)
        }
    }

    @Test func aTakenSlugIs409() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            _ = try await app.createConference("expairs-2019", by: admin)
            let again = try await app.post("/v1/conferences", token: admin.token, json: TestApp.conferenceBody(slug: "expairs-2019"))
            #expect(again.status == 409)
            #expect(again.json["type"].string?.hasSuffix("slug-taken") == true)
        }
    }

    @Test func inconsistentConferencesAre422NamingEveryField() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            var body = TestApp.conferenceBody(slug: "Bad Slug")
            body["endDate"] = "2019-11-01"
            body["timezone"] = "Europe/Rennes"
            body["registrationCloses"] = "2019-03-01T00:00:00Z"
            body["abstractMaxLength"] = 5
            body["translations"] = ["de": ["name": "Peer-Unterstützung"]]
            let reply = try await app.post("/v1/conferences", token: admin.token, json: body)
            #expect(reply.status == 422)
            #expect(Set(reply.errorFields).isSuperset(of: ["slug", "timezone", "abstractMaxLength"]))
            var second = TestApp.conferenceBody(slug: "ok-slug")
            second["endDate"] = "2019-11-01"
            second["registrationCloses"] = "2019-03-01T00:00:00Z"
            second["translations"] = ["de": ["name": "Peer-Unterstützung"]]
            let invariants = try await app.post("/v1/conferences", token: admin.token, json: second)
            #expect(invariants.status == 422)
            #expect(Set(invariants.errorFields) == ["endDate", "registrationCloses", "translations.de"])
            let badDate = try await app.post("/v1/conferences", token: admin.token, json: TestApp.conferenceBody(slug: "d").with("startDate", "2019-02-30"))
            #expect(badDate.status == 422)
            #expect(badDate.errorFields == ["startDate"])
        }
    }

    @Test func textsFollowAcceptLanguageAndTranslationsAreAlwaysThere() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            _ = try await app.createConference("expairs-2019", by: admin)
            let fr = try await app.get("/v1/conferences/expairs-2019", headers: ["Accept-Language": "fr-FR,fr;q=0.9"])
            let en = try await app.get("/v1/conferences/expairs-2019", headers: ["Accept-Language": "en-GB,en;q=0.8"])
            let other = try await app.get("/v1/conferences/expairs-2019", headers: ["Accept-Language": "de"])
            #expect(fr.json["name"] == "L'accompagnement par les pairs : enjeux contemporains")
            #expect(fr.header("Content-Language") == "fr")
            #expect(en.json["name"] == "Peer support: contemporary issues")
            #expect(en.json["venue"] == "MSHB, Rennes")
            #expect(en.header("Content-Language") == "en")
            #expect(other.json["name"] == fr.json["name"])
            #expect(fr.json["translations"] == en.json["translations"])
            #expect(en.json["translations"]["fr"]["name"] == fr.json["name"])
            #expect(en.json["translations"]["en"]["name"] == en.json["name"])
        }
    }

    @Test func listsPageWithAStableCursor() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            for (index, slug) in ["c-one", "c-two", "c-three"].enumerated() {
                _ = try await app.createConference(slug, by: admin, body: TestApp.conferenceBody(slug: slug)
                    .with("startDate", .string("2020-0\(index + 1)-10")).with("endDate", .string("2020-0\(index + 1)-11"))
                    .with("registrationOpens", nil).with("registrationCloses", nil))
            }
            let first = try await app.get("/v1/conferences?limit=2")
            #expect(first.status == 200)
            #expect(first.json["items"].array.map { $0["slug"] } == ["c-three", "c-two"])
            let cursor = try #require(first.json["nextCursor"].string)
            let second = try await app.get("/v1/conferences?limit=2&cursor=\(cursor)")
            #expect(second.json["items"].array.map { $0["slug"] } == ["c-one"])
            #expect(second.json["nextCursor"].isNull)
            #expect(try await app.get("/v1/conferences?limit=0").errorFields == ["limit"])
            #expect(try await app.get("/v1/conferences?limit=201").status == 422)
            #expect(try await app.get("/v1/conferences?cursor=garbage!").errorFields == ["cursor"])
            #expect(try await app.get("/v1/conferences?limit=abc").status == 400)
        }
    }

    @Test func organizersPatchWithETagsAndIfMatch() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            _ = try await app.createConference("expairs-2019", by: admin)
            let organizer = try await app.signUp("Organizer")
            _ = try await app.put("/v1/conferences/expairs-2019/members/\(organizer.id)", token: admin.token, json: ["roles": ["organizer"]])

            let patched = try await app.patch("/v1/conferences/expairs-2019", token: organizer.token, json: [
                "abstractMaxLength": 2500, "translations": ["en": ["description": "Two days in Rennes"]],
            ], headers: ["If-Match": "\"1\""])
            #expect(patched.status == 200)
            #expect(patched.header("ETag") == "\"2\"")
            #expect(patched.json["abstractMaxLength"] == 2500)
            #expect(patched.json["translations"]["en"]["name"] == "Peer support: contemporary issues")
            #expect(patched.json["translations"]["en"]["description"] == "Two days in Rennes")

            let stale = try await app.patch("/v1/conferences/expairs-2019", token: organizer.token, json: ["abstractMaxLength": 2000], headers: ["If-Match": "\"1\""])
            #expect(stale.status == 412)
            #expect(stale.isProblem)
            #expect(try await app.get("/v1/conferences/expairs-2019").json["abstractMaxLength"] == 2500)

            let mergePatch = try await app.request(.patch, "/v1/conferences/expairs-2019", token: organizer.token,
                raw: #"{"reviewMode":"open"}"#, headers: ["Content-Type": "application/merge-patch+json"])
            #expect(mergePatch.status == 200)
            #expect(mergePatch.json["reviewMode"] == "open")

            let slugChange = try await app.patch("/v1/conferences/expairs-2019", token: organizer.token, json: ["endDate": "2019-01-01"])
            #expect(slugChange.status == 422)
            #expect(slugChange.errorFields == ["endDate"])
        }
    }

    @Test func onlyOrganizersPatch() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            _ = try await app.createConference("expairs-2019", by: admin)
            _ = try await app.createConference("other-2020", by: admin)
            let reviewer = try await app.signUp("Reviewer")
            let stranger = try await app.signUp("Stranger")
            let otherOrganizer = try await app.signUp("Other organizer")
            _ = try await app.put("/v1/conferences/expairs-2019/members/\(reviewer.id)", token: admin.token, json: ["roles": ["reviewer"]])
            _ = try await app.put("/v1/conferences/other-2020/members/\(otherOrganizer.id)", token: admin.token, json: ["roles": ["organizer"]])
            let change: JSON = ["abstractMaxLength": 1000]
            #expect(try await app.patch("/v1/conferences/expairs-2019", json: change).status == 401)
            #expect(try await app.patch("/v1/conferences/expairs-2019", token: reviewer.token, json: change).status == 403)
            #expect(try await app.patch("/v1/conferences/expairs-2019", token: stranger.token, json: change).status == 403)
            #expect(try await app.patch("/v1/conferences/expairs-2019", token: otherOrganizer.token, json: change).status == 403)
            #expect(try await app.patch("/v1/conferences/nope", token: admin.token, json: change).status == 404)
            #expect(try await app.get("/v1/conferences/expairs-2019").json["abstractMaxLength"] == 3000)
        }
    }
}

import Foundation
import Testing

@Suite("Accounts: my submissions, registrations and assignments across conferences")
struct MyThingsTests {
    @Test func myProposalsInEveryConferenceAsTheirAuthorsSeeThem() async throws {
        try await TestApp.run { app in
            let first = try await OpenCall.make(app)
            let second = try await OpenCall.make(app, slug: "expairs-2028")
            let claire = try await app.signUp("Claire Martin")
            let malik = try await app.signUp("Malik Benali")
            let stranger = try await app.signUp("Stranger")

            let own = try await app.post(first.submissions, token: claire.token, json: first.proposal(by: claire))
            let ownId = try #require(own.json["id"].string)
            #expect(try await app.post("\(first.submissions)/\(ownId)/submit", token: claire.token).status == 200)
            // Malik's proposal lists Claire by email as a co-author: it is hers too.
            var coAuthored = second.proposal(by: malik, title: "Pairs et handicap")
            coAuthored["authors"] = [
                ["name": "Malik Benali", "email": .string(malik.email), "presenting": true],
                ["name": "Claire Martin", "email": .string(claire.email), "presenting": false],
            ]
            let coId = try #require(try await app.post(second.submissions, token: malik.token, json: coAuthored).json["id"].string)
            _ = try await app.post(first.submissions, token: stranger.token, json: first.proposal(by: stranger, title: "Autre"))
            // Accepted but not yet notified: the author still reads "submitted".
            #expect(try await app.post("\(first.submissions)/\(ownId)/decision", token: first.admin.token, json: ["decision": "accepted"]).status == 200)

            let mine = try await app.get("/v1/me/submissions", token: claire.token, headers: ["Accept-Language": "en"])
            #expect(mine.status == 200)
            let items = mine.json["items"].array
            #expect(items.map { $0["submission"]["id"].string } == [ownId, coId])
            #expect(items.map { $0["conference"]["slug"].string } == [first.slug, second.slug])
            #expect(items[0]["conference"]["name"] == "Peer support: contemporary issues")
            #expect(items[0]["conference"]["id"].string != nil)
            #expect(items[0]["submission"]["status"] == "submitted")
            #expect(items[0]["submission"]["decidedAt"] == .null)
            #expect(items[1]["submission"]["status"] == "draft")
            let french = try await app.get("/v1/me/submissions", token: claire.token, headers: ["Accept-Language": "fr"])
            #expect(french.json["items"][0]["conference"]["name"] == "L'accompagnement par les pairs : enjeux contemporains")

            let paged = try await app.get("/v1/me/submissions?limit=1", token: claire.token)
            #expect(paged.json["items"].array.map { $0["submission"]["id"].string } == [ownId])
            let cursor = try #require(paged.json["nextCursor"].string)
            let rest = try await app.get("/v1/me/submissions?limit=1&cursor=\(cursor)", token: claire.token)
            #expect(rest.json["items"].array.map { $0["submission"]["id"].string } == [coId])
            #expect(rest.json["nextCursor"] == .null)

            #expect(try await app.get("/v1/me/submissions", token: malik.token).json["items"].array.map { $0["submission"]["id"].string } == [coId])
            #expect(try await app.get("/v1/me/submissions").status == 401)
            #expect(try await app.get("/v1/me/submissions?cursor=forged", token: claire.token).errorFields == ["cursor"])
            // Organizing a conference shows nobody else's proposals here.
            #expect(try await app.get("/v1/me/submissions", token: first.admin.token).json["items"] == [])
        }
    }

    @Test func myRegistrationsAndMyReviewQueue() async throws {
        try await TestApp.run { app in
            let reg = try await OpenRegistration.make(app)
            let category = try await reg.category(app, capacity: 1)
            let claire = try await app.signUp("Claire Martin")
            let zoe = try await app.signUp("Zoé Lefèvre")
            #expect(try await app.post("\(reg.base)/registrations", token: zoe.token, json: ["categoryId": .string(category)]).status == 201)
            let waiting = try await app.post("\(reg.base)/registrations", token: claire.token, json: ["categoryId": .string(category)])
            #expect(waiting.json["status"] == "waitlisted")

            let registrations = try await app.get("/v1/me/registrations", token: claire.token)
            #expect(registrations.status == 200)
            #expect(registrations.json["items"].array.map { $0["registration"]["id"] } == [waiting.json["id"]])
            #expect(registrations.json["items"][0]["registration"]["status"] == "waitlisted")
            #expect(registrations.json["items"][0]["registration"]["waitlistPosition"] == 1)
            #expect(registrations.json["items"][0]["conference"]["slug"].string == reg.slug)
            #expect(try await app.get("/v1/me/registrations", token: reg.admin.token).json["items"] == [])
            #expect(try await app.get("/v1/me/registrations").status == 401)

            let round = try await ReviewRound.make(app, proposals: 3, reviewerCount: 1, sharing: 0)
            let reviewer = round.reviewers[0]
            for index in [2, 0] {
                #expect(try await app.post("\(round.submission(index))/assignments", token: round.call.admin.token,
                                           json: ["reviewerId": .string(reviewer.id)]).status == 201)
            }
            #expect(try await app.post("\(round.submission(2))/reviews", token: reviewer.token, json: ReviewsTests.review(4, "Solide.")).status == 201)
            let queue = try await app.get("/v1/me/assignments", token: reviewer.token)
            #expect(queue.status == 200)
            // Oldest assignment first; whether each is reviewed is part of the queue.
            #expect(queue.json["items"].array.map { $0["assignment"]["submissionId"].string } == [round.submissions[2], round.submissions[0]])
            #expect(queue.json["items"].array.map { $0["assignment"]["reviewed"] } == [true, false])
            #expect(queue.json["items"][0]["conference"]["slug"].string == round.call.slug)
            let page = try await app.get("/v1/me/assignments?limit=1", token: reviewer.token)
            #expect(page.json["items"].array.count == 1)
            #expect(page.json["nextCursor"].string != nil)
            #expect(try await app.get("/v1/me/assignments", token: round.authors[0].token).json["items"] == [])
            #expect(try await app.get("/v1/me/assignments?limit=500", token: reviewer.token).errorFields == ["limit"])
            #expect(try await app.get("/v1/me/assignments").status == 401)
        }
    }
}

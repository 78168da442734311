import Foundation
import Testing

@Suite("Review: one review read alone, as the lists show it")
struct ReviewReadTests {
    @Test func oneReviewIsShownToWhoMaySeeItAndAsTheyMay() async throws {
        try await TestApp.run { app in
            let round = try await ReviewRound.make(app, proposals: 2, reviewerCount: 2, sharing: 0)
            let admin = round.call.admin.token
            for reviewer in round.reviewers {
                _ = try await app.post("\(round.submission(0))/assignments", token: admin, json: ["reviewerId": .string(reviewer.id)])
            }
            let reviews = "\(round.submission(0))/reviews"
            let written = try await app.post(reviews, token: round.reviewers[0].token,
                                             json: ReviewsTests.review(4, "Solide.", committee: "Accepter."))
            let path = "\(reviews)/\(try #require(written.json["id"].string))"

            let own = try await app.get(path, token: round.reviewers[0].token)
            #expect(own.status == 200)
            #expect(own.json["score"] == 4)
            #expect(own.json["commentsForCommittee"] == "Accepter.")
            #expect(own.header("ETag") == "\"1\"")
            #expect(try await app.get(path, token: admin).json["reviewerId"].string == round.reviewers[0].id)
            // The other reviewer reads it once they wrote theirs; the author not before notification.
            #expect(try await app.get(path, token: round.reviewers[1].token).status == 403)
            #expect(try await app.get(path, token: round.authors[0].token).status == 403)
            #expect(try await app.get(path).status == 401)
            _ = try await app.post(reviews, token: round.reviewers[1].token, json: ReviewsTests.review(2, "Fragile."))
            #expect(try await app.get(path, token: round.reviewers[1].token).json["commentsForAuthors"] == "Solide.")

            _ = try await app.post("\(round.submission(0))/decision", token: admin, json: ["decision": "accepted"])
            _ = try await app.post("/v1/conferences/\(round.call.slug)/notifications", token: admin, json: ["kind": "decisions"])
            let forAuthor = try await app.get(path, token: round.authors[0].token)
            #expect(forAuthor.status == 200)
            #expect(forAuthor.json["commentsForAuthors"] == "Solide.")
            #expect(forAuthor.json.keys.isDisjoint(with: ["commentsForCommittee", "reviewerId", "reviewerName"]))

            // A review is read under its own proposal only; the other author does not learn the proposal exists.
            let elsewhere = "\(round.submission(1))/reviews/\(try #require(written.json["id"].string))"
            #expect(try await app.get(elsewhere, token: admin).status == 404)
            #expect(try await app.get("\(reviews)/\(UUID().uuidString)", token: admin).status == 404)
            #expect(try await app.get("\(reviews)/not-a-uuid", token: admin).status == 404)
            #expect(try await app.get(path, token: round.authors[1].token).status == 404)
        }
    }
}

import Foundation
import Testing

@Suite("Review: assignment without conflicts of interest")
struct AssignmentTests {
    @Test func autoAssignmentStaffsEveryProposalWithoutConflictsAndBalancesLoads() async throws {
        try await TestApp.run { app in
            let round = try await ReviewRound.make(app)
            let result = try await app.post("/v1/conferences/\(round.call.slug)/auto-assignments", token: round.call.admin.token, json: [:])
            #expect(result.status == 200)
            #expect(result.json["created"] == 60)
            #expect(result.json["unstaffed"] == [])

            let assignments = try await round.assignments()
            #expect(assignments.count == 60)
            let reviewerIndex = Dictionary(uniqueKeysWithValues: round.reviewers.enumerated().map { ($1.id, $0) })
            var perSubmission: [String: Int] = [:]
            var perReviewer: [String: Int] = [:]
            for assignment in assignments {
                let submission = try #require(assignment["submissionId"].string)
                let reviewer = try #require(assignment["reviewerId"].string)
                perSubmission[submission, default: 0] += 1
                perReviewer[reviewer, default: 0] += 1
                // Reviewer k < 3 shares affiliation k with the authors whose index % 10 == k.
                let authorIndex = try #require(round.submissions.firstIndex(of: submission))
                let r = try #require(reviewerIndex[reviewer])
                #expect(!(r < 3 && authorIndex % 10 == r), "reviewer \(r) shares an affiliation with author \(authorIndex)")
            }
            #expect(perSubmission.count == 30 && perSubmission.values.allSatisfy { $0 == 2 })
            let loads = round.reviewers.map { perReviewer[$0.id] ?? 0 }
            #expect((loads.max() ?? 0) - (loads.min() ?? 0) <= 1)

            let again = try await app.post("/v1/conferences/\(round.call.slug)/auto-assignments", token: round.call.admin.token)
            #expect(again.json["created"] == 0)
            let more = try await app.post("/v1/conferences/\(round.call.slug)/auto-assignments", token: round.call.admin.token,
                                          json: ["reviewsPerSubmission": 3])
            #expect(more.json["created"] == 30)
        }
    }

    @Test func unstaffableProposalsAreReportedWithTheReason() async throws {
        try await TestApp.run { app in
            // Two reviewers, one of them from the only author's institution: one reviewer each at most.
            let round = try await ReviewRound.make(app, proposals: 2, affiliationCount: 1, reviewerCount: 2, sharing: 1)
            let result = try await app.post("/v1/conferences/\(round.call.slug)/auto-assignments", token: round.call.admin.token, json: [:])
            #expect(result.json["created"] == 2)
            #expect(result.json["unstaffed"].array.count == 2)
            #expect(result.json["unstaffed"][0]["assigned"] == 1)
            #expect(result.json["unstaffed"][0]["reason"].string?.contains("1 in conflict of interest") == true)
        }
    }

    @Test func conflictedReviewersCannotBeAssignedAndNeverSeeTheProposal() async throws {
        try await TestApp.run { app in
            let round = try await ReviewRound.make(app, proposals: 3, reviewerCount: 4, sharing: 1)
            let admin = round.call.admin.token
            // Reviewer 0 works at the institution of author 0.
            let conflicted = try await app.post("\(round.submission(0))/assignments", token: admin, json: ["reviewerId": .string(round.reviewers[0].id)])
            #expect(conflicted.status == 409)
            #expect(conflicted.json["type"].string?.hasSuffix("conflict-of-interest") == true)
            #expect(conflicted.json["detail"].string?.contains("affiliation") == true)
            #expect(try await app.get(round.submission(0), token: round.reviewers[0].token).status == 404)

            // An author of the proposal who sits on the committee is in conflict as an author.
            let authorReviewer = round.authors[1]
            _ = try await app.put("/v1/conferences/\(round.call.slug)/members/\(authorReviewer.id)", token: admin, json: ["roles": ["reviewer"]])
            let own = try await app.post("\(round.submission(1))/assignments", token: admin, json: ["reviewerId": .string(authorReviewer.id)])
            #expect(own.status == 409)
            #expect(own.json["detail"].string?.contains("authors") == true)

            // A declared conflict removes the assignment and blocks a new one.
            let assigned = try await app.post("\(round.submission(2))/assignments", token: admin, json: ["reviewerId": .string(round.reviewers[1].id)])
            #expect(assigned.status == 201)
            #expect(try await app.get(round.submission(2), token: round.reviewers[1].token).status == 200)
            let declared = try await app.post("/v1/conferences/\(round.call.slug)/conflicts", token: round.reviewers[1].token,
                                              json: ["submissionId": .string(round.submissions[2]), "reason": "Ancien directeur de thèse"])
            #expect(declared.status == 201)
            #expect(try await app.get(round.submission(2), token: round.reviewers[1].token).status == 404)
            #expect(try await app.post("\(round.submission(2))/assignments", token: admin, json: ["reviewerId": .string(round.reviewers[1].id)]).status == 409)
            let conflicts = try await app.get("/v1/conferences/\(round.call.slug)/conflicts", token: round.reviewers[1].token)
            #expect(conflicts.json["items"].array.count == 1)
            #expect(try await app.get("/v1/conferences/\(round.call.slug)/conflicts", token: round.authors[0].token).status == 403)

            let notReviewer = try await app.post("\(round.submission(2))/assignments", token: admin, json: ["reviewerId": .string(round.authors[0].id)])
            #expect(notReviewer.errorFields == ["reviewerId"])
            #expect(try await app.post("\(round.submission(2))/assignments", token: round.reviewers[2].token,
                                       json: ["reviewerId": .string(round.reviewers[2].id)]).status == 403)
        }
    }

    @Test func reviewersSeeOnlyTheirQueueAndOrganizersRemoveAssignments() async throws {
        try await TestApp.run { app in
            let round = try await ReviewRound.make(app, proposals: 2, reviewerCount: 2, sharing: 0)
            let admin = round.call.admin.token
            _ = try await app.post("\(round.submission(0))/assignments", token: admin, json: ["reviewerId": .string(round.reviewers[0].id)])
            _ = try await app.post("\(round.submission(1))/assignments", token: admin, json: ["reviewerId": .string(round.reviewers[1].id)])
            let queue = try await app.get("/v1/conferences/\(round.call.slug)/assignments", token: round.reviewers[0].token)
            #expect(queue.json["items"].array.map { $0["submissionId"] } == [.string(round.submissions[0])])
            #expect(queue.json["items"][0]["reviewed"] == false)
            #expect(try await app.get("/v1/conferences/\(round.call.slug)/assignments?reviewerId=\(round.reviewers[1].id)",
                                      token: round.reviewers[0].token).status == 403)
            #expect(try await app.get("/v1/conferences/\(round.call.slug)/assignments", token: round.authors[0].token).status == 403)
            let listed = try await app.get(round.call.submissions, token: round.reviewers[0].token)
            #expect(listed.json["items"].array.map { $0["id"] } == [.string(round.submissions[0])])

            let path = "\(round.submission(0))/assignments/\(round.reviewers[0].id)"
            #expect(try await app.delete(path, token: admin).status == 204)
            #expect(try await app.delete(path, token: admin).status == 404)
            #expect(try await app.get(round.submission(0), token: round.reviewers[0].token).status == 404)
        }
    }
}

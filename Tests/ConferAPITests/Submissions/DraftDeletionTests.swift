import Foundation
import Testing

@Suite("Submissions: deleting a draft")
struct DraftDeletionTests {
    @Test func aDraftIsDeletedByItsAuthorOrAnOrganizerAndASubmittedProposalIsNot() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let claire = try await app.signUp("Claire Martin")
            let malik = try await app.signUp("Malik Benali")
            let stranger = try await app.signUp("Stranger")
            // Malik is a co-author, not the corresponding author: he reads the draft but may not delete it.
            var body = call.proposal(by: claire)
            body["authors"] = [
                ["name": "Claire Martin", "email": .string(claire.email), "presenting": true],
                ["name": "Malik Benali", "email": .string(malik.email), "presenting": false],
            ]
            let draft = "\(call.submissions)/\(try #require(try await app.post(call.submissions, token: claire.token, json: body).json["id"].string))"
            #expect(try await app.get(draft, token: malik.token).status == 200)

            #expect(try await app.delete(draft).status == 401)
            let forStranger = try await app.delete(draft, token: stranger.token)
            #expect(forStranger.status == 404 && forStranger.isProblem)
            #expect(try await app.delete(draft, token: malik.token).status == 403)
            #expect(try await app.get(draft, token: claire.token).status == 200)

            #expect(try await app.delete(draft, token: claire.token).status == 204)
            #expect(try await app.get(draft, token: claire.token).status == 404)
            #expect(try await app.delete(draft, token: claire.token).status == 404)
            #expect(try await app.get("/v1/me/submissions", token: claire.token).json["items"] == [])

            // Organizers delete drafts too; a submitted proposal is withdrawn instead.
            let byOrganizer = try #require(try await app.post(call.submissions, token: claire.token, json: call.proposal(by: claire)).json["id"].string)
            #expect(try await app.delete("\(call.submissions)/\(byOrganizer)", token: call.admin.token).status == 204)
            let submitted = "\(call.submissions)/\(try #require(try await app.post(call.submissions, token: claire.token, json: call.proposal(by: claire)).json["id"].string))"
            #expect(try await app.post("\(submitted)/submit", token: claire.token).status == 200)
            for token in [claire.token, call.admin.token] {
                let refused = try await app.delete(submitted, token: token)
                #expect(refused.status == 409)
                #expect(refused.json["type"].string?.hasSuffix("not-a-draft") == true)
            }
            #expect(try await app.get(submitted, token: claire.token).json["status"] == "submitted")
            #expect(try await app.delete("\(call.submissions)/\(UUID().uuidString)", token: claire.token).status == 404)
            #expect(try await app.delete("\(call.submissions)/not-a-uuid", token: claire.token).status == 404)
        }
    }
}

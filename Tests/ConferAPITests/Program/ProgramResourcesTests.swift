import Foundation
import Testing

@Suite("Program: one room, session or talk read, changed and deleted")
struct ProgramResourcesTests {
    @Test func roomsAreReadRenamedAndDeletedOnceNoSessionUsesThem() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let base = "/v1/conferences/\(call.slug)"
            let token = call.admin.token
            let salle = try #require(try await app.post("\(base)/rooms", token: token, json: ["name": "Salle 1", "capacity": 40]).json["id"].string)
            let amphi = try #require(try await app.post("\(base)/rooms", token: token, json: ["name": "Amphithéâtre", "capacity": 300]).json["id"].string)
            let read = try await app.get("\(base)/rooms/\(salle)")
            #expect(read.status == 200)
            #expect(read.json["name"] == "Salle 1")
            #expect(read.header("ETag") == "\"1\"")

            let renamed = try await app.patch("\(base)/rooms/\(salle)", token: token, json: ["name": "Salle Pierre Bourdieu", "capacity": 45],
                                              headers: ["If-Match": "\"1\""])
            #expect(renamed.status == 200)
            #expect(renamed.json["name"] == "Salle Pierre Bourdieu")
            #expect(renamed.json["capacity"] == 45)
            #expect(renamed.header("ETag") == "\"2\"")
            #expect(try await app.patch("\(base)/rooms/\(salle)", token: token, json: ["capacity": 50], headers: ["If-Match": "\"1\""]).status == 412)
            let taken = try await app.patch("\(base)/rooms/\(salle)", token: token, json: ["name": "Amphithéâtre"])
            #expect(taken.status == 409)
            #expect(taken.json["type"].string?.hasSuffix("room-exists") == true)
            #expect(try await app.patch("\(base)/rooms/\(salle)", token: token, json: ["capacity": 0]).errorFields == ["capacity"])
            #expect(try await app.patch("\(base)/rooms/\(salle)", token: token, json: ["name": ""]).errorFields == ["name"])

            for (title, from, to) in [("Pair-aidance", "09:00", "10:00"), ("Formation", "10:30", "11:30")] {
                #expect(try await app.post("\(base)/sessions", token: token, json: ProgramTests.session(title, room: salle, 14, from, to)).status == 201)
            }
            let held = try await app.delete("\(base)/rooms/\(salle)", token: token)
            #expect(held.status == 409)
            #expect(held.json["type"].string?.hasSuffix("room-in-use") == true)
            #expect(held.json["detail"].string?.contains("2 sessions") == true)
            #expect(held.json["detail"].string?.contains("\"Pair-aidance\"") == true)
            let author = try await app.signUp("Claire")
            #expect(try await app.delete("\(base)/rooms/\(amphi)", token: author.token).status == 403)
            #expect(try await app.patch("\(base)/rooms/\(amphi)", token: author.token, json: ["name": "X"]).status == 403)
            #expect(try await app.delete("\(base)/rooms/\(amphi)", token: token).status == 204)
            #expect(try await app.get("\(base)/rooms/\(amphi)").status == 404)
            #expect(try await app.delete("\(base)/rooms/\(amphi)", token: token).status == 404)
            #expect(try await app.get("\(base)/rooms").json["items"].array.map { $0["name"] } == ["Salle Pierre Bourdieu"])
        }
    }

    @Test func oneSessionAndOneTalkAreReadAlone() async throws {
        try await TestApp.run { app in
            let round = try await ReviewRound.make(app, proposals: 1, reviewerCount: 1, sharing: 0)
            let base = "/v1/conferences/\(round.call.slug)"
            let token = round.call.admin.token
            #expect(try await app.post("\(round.submission(0))/decision", token: token, json: ["decision": "accepted"]).status == 200)
            let room = try #require(try await app.post("\(base)/rooms", token: token, json: ["name": "A", "capacity": 50]).json["id"].string)
            let session = try await app.post("\(base)/sessions", token: token, json: ProgramTests.session("Pair-aidance", room: room, 14, "09:00", "10:30"))
            let sessionId = try #require(session.json["id"].string)
            let talk = try await app.post("\(base)/sessions/\(sessionId)/talks", token: token, json: [
                "submissionId": .string(round.submissions[0]), "startsAt": ProgramTests.at(14, "09:00"), "durationMinutes": 20,
            ])
            let talkId = try #require(talk.json["id"].string)

            let one = try await app.get("\(base)/sessions/\(sessionId)")
            #expect(one.status == 200)
            #expect(one.json["title"] == "Pair-aidance")
            #expect(one.json["talks"].array.map { $0["id"] } == [.string(talkId)])
            #expect(one.header("ETag") != nil)
            let alone = try await app.get("\(base)/sessions/\(sessionId)/talks/\(talkId)")
            #expect(alone.status == 200)
            #expect(alone.json["submissionId"].string == round.submissions[0])
            #expect(alone.json["endsAt"] == "2019-11-14T08:20:00Z")

            // A talk is read within its own session only; unknown and malformed ids are 404.
            let other = try #require(try await app.post("\(base)/sessions", token: token,
                                                       json: ProgramTests.session("Autre", room: room, 15, "09:00", "10:30")).json["id"].string)
            #expect(try await app.get("\(base)/sessions/\(other)/talks/\(talkId)").status == 404)
            #expect(try await app.get("\(base)/sessions/\(UUID().uuidString)").status == 404)
            #expect(try await app.get("\(base)/sessions/not-a-uuid").status == 404)
            #expect(try await app.get("\(base)/sessions/\(sessionId)/talks/\(UUID().uuidString)").status == 404)
            _ = try await app.createConference("other-2020", by: round.call.admin)
            #expect(try await app.get("/v1/conferences/other-2020/sessions/\(sessionId)").status == 404)
        }
    }
}

import Foundation
import Testing

@Suite("Program: rooms, sessions and talks with conflict checks")
struct ProgramTests {
    /// 14–15 November 2019 in Europe/Paris (UTC+1): 09:00 local is 08:00Z.
    static func at(_ day: Int, _ time: String) -> JSON { .string("2019-11-\(day)T\(time):00+01:00") }

    static func session(_ title: String, room: String, _ day: Int, _ from: String, _ to: String, kind: String = "parallel") -> JSON {
        ["title": .string(title), "roomId": .string(room), "startsAt": at(day, from), "endsAt": at(day, to), "kind": .string(kind)]
    }

    @Test func sessionsStayWithinTheDaysAndNeverClash() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let base = "/v1/conferences/\(call.slug)"
            let token = call.admin.token
            let amphi = try #require(try await app.post("\(base)/rooms", token: token, json: ["name": "Amphithéâtre", "capacity": 300]).json["id"].string)
            let salle = try #require(try await app.post("\(base)/rooms", token: token, json: ["name": "Salle 1", "capacity": 40]).json["id"].string)
            #expect(try await app.post("\(base)/rooms", token: token, json: ["name": "Salle 1", "capacity": 10]).status == 409)
            let hall = try #require(try await app.post("\(base)/rooms", token: token, json: ["name": "Hall", "capacity": 500]).json["id"].string)
            #expect(try await app.get("\(base)/rooms").json["items"].array.count == 3)

            let first = try await app.post("\(base)/sessions", token: token, json: Self.session("Pair-aidance et santé", room: salle, 14, "09:00", "10:30"))
            #expect(first.status == 201)
            let sameRoom = try await app.post("\(base)/sessions", token: token, json: Self.session("Autre", room: salle, 14, "10:00", "11:00"))
            #expect(sameRoom.status == 409)
            #expect(sameRoom.json["type"].string?.hasSuffix("room-conflict") == true)
            #expect(try await app.post("\(base)/sessions", token: token, json: Self.session("En parallèle", room: amphi, 14, "09:00", "10:30")).status == 201)
            let plenary = try await app.post("\(base)/sessions", token: token, json: Self.session("Plénière", room: hall, 14, "10:00", "11:00", kind: "plenary"))
            #expect(plenary.status == 409)
            #expect(plenary.json["type"].string?.hasSuffix("plenary-conflict") == true)
            #expect(try await app.post("\(base)/sessions", token: token, json: Self.session("Ouverture", room: amphi, 14, "08:00", "09:00", kind: "plenary")).status == 201)
            #expect(try await app.post("\(base)/sessions", token: token, json: Self.session("Café", room: salle, 14, "08:30", "09:00", kind: "break")).status == 201)

            var chaired = Self.session("Présidée", room: salle, 15, "16:00", "17:00")
            chaired["chairIds"] = [.string(call.admin.id)]
            #expect(try await app.post("\(base)/sessions", token: token, json: chaired).status == 201)
            var twice = Self.session("Présidée aussi", room: amphi, 15, "16:30", "17:30")
            twice["chairIds"] = [.string(call.admin.id)]
            let chairClash = try await app.post("\(base)/sessions", token: token, json: twice)
            #expect(chairClash.json["type"].string?.hasSuffix("chair-conflict") == true)
            #expect(try await app.post("\(base)/sessions", token: token, json: Self.session("Trop tôt", room: salle, 13, "09:00", "10:00")).errorFields == ["startsAt"])
            #expect(try await app.post("\(base)/sessions", token: token, json: Self.session("À l'envers", room: salle, 15, "10:00", "09:00")).errorFields == ["endsAt"])
            #expect(try await app.post("\(base)/sessions", token: token, json: Self.session("Sans salle", room: UUID().uuidString, 15, "09:00", "10:00")).errorFields == ["roomId"])

            let id = try #require(first.json["id"].string)
            let moved = try await app.patch("\(base)/sessions/\(id)", token: token, json: ["startsAt": Self.at(15, "14:00"), "endsAt": Self.at(15, "15:30")],
                                            headers: ["If-Match": "\"1\""])
            #expect(moved.status == 200)
            #expect(moved.json["startsAt"] == "2019-11-15T13:00:00Z")
            #expect(try await app.patch("\(base)/sessions/\(id)", token: token, json: ["title": "x"], headers: ["If-Match": "\"1\""]).status == 412)
            let author = try await app.signUp("Claire")
            #expect(try await app.post("\(base)/sessions", token: author.token, json: Self.session("Pirate", room: salle, 15, "09:00", "10:00")).status == 403)
            #expect(try await app.get("\(base)/sessions").json["items"].array.count == 5)
            #expect(try await app.delete("\(base)/sessions/\(id)", token: token).status == 204)
            #expect(try await app.get("\(base)/sessions").json["items"].array.count == 4)
        }
    }

    @Test func talksNeedAcceptedProposalsAndFreePresenters() async throws {
        try await TestApp.run { app in
            let round = try await ReviewRound.make(app, proposals: 3, reviewerCount: 1, sharing: 0)
            let base = "/v1/conferences/\(round.call.slug)"
            let token = round.call.admin.token
            // Proposal 2 also lists the author of proposal 0 as a presenter.
            _ = try await app.patch(round.submission(2), token: token, json: ["authors": [
                ["name": "Auteur2 Nom2", "email": .string(round.authors[2].email), "presenting": true],
                ["name": "Auteur0 Nom0", "email": .string(round.authors[0].email), "presenting": true],
            ]])
            for index in [0, 2] {
                #expect(try await app.post("\(round.submission(index))/decision", token: token, json: ["decision": "accepted"]).status == 200)
            }
            let roomA = try #require(try await app.post("\(base)/rooms", token: token, json: ["name": "A", "capacity": 50]).json["id"].string)
            let roomB = try #require(try await app.post("\(base)/rooms", token: token, json: ["name": "B", "capacity": 50]).json["id"].string)
            let sessionA = try #require(try await app.post("\(base)/sessions", token: token, json: Self.session("A", room: roomA, 14, "09:00", "10:30")).json["id"].string)
            let sessionB = try #require(try await app.post("\(base)/sessions", token: token, json: Self.session("B", room: roomB, 14, "09:00", "10:30")).json["id"].string)
            let talk = { (index: Int, start: String, minutes: Int) -> JSON in
                ["submissionId": .string(round.submissions[index]), "startsAt": Self.at(14, start), "durationMinutes": .number(Double(minutes))]
            }

            let placed = try await app.post("\(base)/sessions/\(sessionA)/talks", token: token, json: talk(0, "09:00", 20))
            #expect(placed.status == 201)
            #expect(placed.json["endsAt"] == "2019-11-14T08:20:00Z")
            let notAccepted = try await app.post("\(base)/sessions/\(sessionA)/talks", token: token, json: talk(1, "09:20", 20))
            #expect(notAccepted.status == 409)
            #expect(notAccepted.json["type"].string?.hasSuffix("not-accepted") == true)
            #expect(try await app.post("\(base)/sessions/\(sessionA)/talks", token: token, json: talk(2, "10:20", 20)).errorFields == ["startsAt"])
            let overlap = try await app.post("\(base)/sessions/\(sessionA)/talks", token: token, json: talk(2, "09:10", 20))
            #expect(overlap.json["type"].string?.hasSuffix("talk-overlap") == true)
            let presenter = try await app.post("\(base)/sessions/\(sessionB)/talks", token: token, json: talk(2, "09:10", 20))
            #expect(presenter.status == 409)
            #expect(presenter.json["type"].string?.hasSuffix("presenter-conflict") == true)
            #expect(presenter.json["detail"].string?.contains(placed.json["id"].string ?? "-") == true)
            #expect(try await app.post("\(base)/sessions/\(sessionB)/talks", token: token, json: talk(2, "09:20", 20)).status == 201)
            let twice = try await app.post("\(base)/sessions/\(sessionB)/talks", token: token, json: talk(0, "10:00", 20))
            #expect(twice.json["type"].string?.hasSuffix("already-scheduled") == true)

            let sessions = try await app.get("\(base)/sessions")
            #expect(sessions.json["items"].array.flatMap { $0["talks"].array }.count == 2)
            let talkId = try #require(placed.json["id"].string)
            #expect(try await app.delete("\(base)/sessions/\(sessionA)/talks/\(talkId)", token: token).status == 204)
            #expect(try await app.delete("\(base)/sessions/\(sessionA)/talks/\(talkId)", token: token).status == 404)
        }
    }
}

import Foundation
import Testing

@Suite("Program: automatic scheduling")
struct ScheduleTests {
    @Test func autoScheduleGroupsTopicsAndNeverDoublesAPresenter() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let base = "/v1/conferences/\(call.slug)"
            let token = call.admin.token
            // The reference conference's 14 topics.
            var topics = [call.topicId]
            for index in 1..<14 {
                topics.append(try #require(try await app.post("\(base)/topics", token: token, json: ["kind": "topic", "title": .string("Thème \(index)")]).json["id"].string))
            }
            // 58 orals (14 topics) and 2 posters; the presenter of proposal k also presents proposal k + 14.
            var authors: [TestApp.User] = []
            for index in 0..<60 {
                let author = try await app.signUp("Orateur\(index)")
                authors.append(author)
                var presenters: [JSON] = [["name": .string("Orateur\(index)"), "email": .string(author.email), "presenting": true]]
                if index >= 14 && index < 58 {
                    presenters.append(["name": .string("Orateur\(index - 14)"), "email": .string(authors[index - 14].email), "presenting": true])
                }
                let body: JSON = [
                    "title": .string("Communication \(index)"), "abstract": "Résumé.", "language": "fr",
                    "format": index >= 58 ? "poster" : "oral", "topicId": .string(topics[index % 14]), "authors": .array(presenters),
                ]
                let created = try await app.post("\(base)/submissions", token: author.token, json: body)
                let path = "\(base)/submissions/\(created.json["id"].string ?? "")"
                _ = try await app.post("\(path)/submit", token: author.token)
                #expect(try await app.post("\(path)/decision", token: token, json: ["decision": "accepted"]).status == 200)
            }
            var rooms: [String] = []
            for name in ["Amphi", "Salle 1", "Salle 2"] {
                rooms.append(try #require(try await app.post("\(base)/rooms", token: token, json: ["name": .string(name), "capacity": 60]).json["id"].string))
            }
            // 3 rooms x 2 days x 3 slots of four talks: 72 places; Orateur0 chairs the first morning session.
            var first = true
            for day in [14, 15] {
                for (from, to) in [("09:00", "10:20"), ("11:00", "12:20"), ("14:00", "15:20")] {
                    for room in rooms {
                        var body = ProgramTests.session("Session \(day) \(from)", room: room, day, from, to)
                        if first { body["chairIds"] = [.string(authors[0].id)] }
                        first = false
                        #expect(try await app.post("\(base)/sessions", token: token, json: body).status == 201)
                    }
                }
            }
            _ = try await app.post("\(base)/sessions", token: token, json: ProgramTests.session("Posters", room: rooms[0], 15, "16:00", "17:00", kind: "poster"))

            let result = try await app.post("\(base)/program/schedule", token: token, json: ["talkMinutes": 20])
            #expect(result.status == 200)
            #expect(result.json["placed"] == 60)
            #expect(result.json["unplaced"] == [])
            #expect(try await app.post("\(base)/program/schedule", token: token, json: [:]).json["placed"] == 0)

            _ = try await app.post("\(base)/program/releases", token: token, json: [:])
            let program = try await app.get("\(base)/program")
            var busy: [String: [(String, String)]] = [:]
            // The chair is busy in the session they chair (and may present only there).
            let chaired = program.json["days"][0]["sessions"].array.first { $0["chairs"].array.count == 1 }
            #expect(chaired?["chairs"][0]["name"] == "Orateur0")
            var sessionsByTopic: [String: Set<String>] = [:]
            var placed = 0
            for session in program.json["days"].array.flatMap({ $0["sessions"].array }) {
                for talk in session["talks"].array {
                    placed += 1
                    let start = try #require(talk["startsAt"].string), end = try #require(talk["endsAt"].string)
                    for presenter in talk["presenters"].array.compactMap({ $0["name"].string }) {
                        let clash = (busy[presenter] ?? []).contains { $0.0 < end && start < $0.1 }
                        #expect(!clash, "\(presenter) presents twice at \(start)")
                        busy[presenter, default: []].append((start, end))
                    }
                    if session["kind"] == "parallel", let number = talk["title"].string.flatMap({ Int($0.split(separator: " ").last ?? "") }) {
                        sessionsByTopic[String(number % 14), default: []].insert(session["id"].string ?? "")
                    }
                }
            }
            #expect(placed == 60)
            if let chaired, let from = chaired["startsAt"].string, let to = chaired["endsAt"].string {
                for talk in program.json["days"].array.flatMap({ $0["sessions"].array }).filter({ $0["id"] != chaired["id"] }).flatMap({ $0["talks"].array }) {
                    let presentsHere = talk["presenters"].array.contains { $0["name"] == "Orateur0" }
                    let overlaps = (talk["startsAt"].string ?? "") < to && from < (talk["endsAt"].string ?? "")
                    #expect(!(presentsHere && overlaps), "the chair presents elsewhere while chairing")
                }
            }
            // Four or five talks of a topic fit in one or two sessions; presenter clashes may push one more out.
            #expect(sessionsByTopic.values.allSatisfy { $0.count <= 3 })
        }
    }
}

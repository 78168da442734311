import ConferDomain
import ConferUseCases
import Foundation
import Testing

@Suite("The reference conference (demo data)")
struct ReferenceConferenceTests {
    @Test func seedsFourAreasAndFourteenTopicsInFrenchAndEnglish() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            let shared = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/reference-conference.json")
            let reference = FileManager.default.fileExists(atPath: shared.path)
                ? try ReferenceConference.load(shared) : try ReferenceConference.bundled()
            let organizer = Caller(accountId: try #require(UUID(uuidString: admin.id)), email: admin.email, name: "Admin", isAdmin: true)
            #expect(try await reference.seed(by: organizer, context: app.useCases)?.topicIds.count == 14)
            #expect(try await reference.seed(by: organizer, context: app.useCases) == nil)

            let fr = try await app.get("/v1/conferences/expairs-2019", headers: ["Accept-Language": "fr"])
            #expect(fr.json["name"].string?.hasPrefix("L'accompagnement par les pairs") == true)
            #expect(fr.json["abstractMaxLength"] == 3000)
            #expect(fr.json["startDate"] == "2019-11-14")
            #expect(fr.json["timezone"] == "Europe/Paris")
            let en = try await app.get("/v1/conferences/expairs-2019", headers: ["Accept-Language": "en"])
            #expect(en.json["name"] == "Peer support: contemporary issues. Health, disability, mental health")

            let areas = try await app.get("/v1/conferences/expairs-2019/topics?kind=area", headers: ["Accept-Language": "en"])
            #expect(areas.json["items"].array.count == 4)
            let topicsEn = try await app.get("/v1/conferences/expairs-2019/topics?kind=topic", headers: ["Accept-Language": "en"])
            let topicsFr = try await app.get("/v1/conferences/expairs-2019/topics?kind=topic", headers: ["Accept-Language": "fr"])
            #expect(topicsEn.json["items"].array.count == 14)
            #expect(topicsEn.json["items"][4]["title"] == "Professionalization and training of peer-supporters")
            #expect(topicsFr.json["items"][4]["title"] == "Professionnalisation et formation des pairs-aidants")
            #expect(topicsFr.json["items"].array.allSatisfy { $0["translations"].keys == ["fr", "en"] })
        }
    }

    /// The demo as `scripts/run` loads it: the conference in September 2019, seen through the API by the accounts it prints.
    @Test func theDemoIsTheConferenceInSeptember2019() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            let organizer = Caller(accountId: try #require(UUID(uuidString: admin.id)), email: admin.email, name: "Admin", isAdmin: true)
            let seeded = try #require(try await ReferenceConference.bundled().seed(by: organizer, context: app.useCases))
            let summary = try await ReferenceDemo.bundled().seed(into: seeded.conference, topicIds: seeded.topicIds, by: organizer, context: app.useCases)
            #expect(summary.proposals == 40)
            #expect(summary.waitlisted == 2)
            #expect(summary.talks == 28)
            let base = "/v1/conferences/expairs-2019"

            // The organizer: every submitted proposal decided, the students' category full with two waiting.
            var statuses: [String: Int] = [:]
            var cursor: String?
            repeat {
                let page = try await app.get("\(base)/submissions?limit=200" + (cursor.map { "&cursor=\($0)" } ?? ""), token: admin.token)
                #expect(page.status == 200)
                for item in page.json["items"].array { statuses[item["status"].string ?? "", default: 0] += 1 }
                cursor = page.json["nextCursor"].string
            } while cursor != nil
            #expect(statuses["accepted"] == 28)
            #expect(statuses["rejected"] == 10)
            let waiting = try await app.get("\(base)/registrations?status=waitlisted", token: admin.token)
            #expect(waiting.json["items"].array.count == 2)
            #expect(try await app.get("\(base)/registrations?status=confirmed", token: admin.token).json["items"].array.count == 24)

            // The letters go out in the conference's name.
            let conference = try await app.get(base)
            #expect(conference.json["mailFrom"].string == ReferenceDemo.mailFrom)
            #expect(conference.json["replyTo"].string == ReferenceDemo.replyTo)
            let letters = try await app.get("\(base)/outbox?limit=200", token: admin.token).json["items"].array
            let decisions = letters.filter { $0["kind"].string?.hasPrefix("decision-") == true }
            #expect(decisions.count > 40)
            #expect(Set(letters.compactMap { $0["kind"].string }).isSubset(of: [
                "decision-accepted", "decision-rejected", "registration-confirmed", "registration-waitlisted",
            ]))

            // The author: three proposals of her own (one still a draft) and one she co-wrote, decisions notified.
            let author = try await app.signIn(ReferenceDemo.authorEmail, ReferenceDemo.password)
            let mine = try await app.get("/v1/me/submissions", token: author)
            #expect(mine.json["items"].array.count == 4)
            #expect(Set(mine.json["items"].array.compactMap { $0["submission"]["status"].string }) == ["accepted", "rejected", "draft"])
            #expect(mine.json["items"].array.allSatisfy { $0["conference"]["slug"] == "expairs-2019" })

            // The reviewer: a review queue, every assignment reviewed, the proposals readable.
            let reviewer = try await app.signIn(ReferenceDemo.reviewerEmail, ReferenceDemo.password)
            let queue = try await app.get("/v1/me/assignments", token: reviewer).json["items"].array
            #expect(queue.count >= 5)
            #expect(queue.allSatisfy { $0["assignment"]["reviewed"] == true })
            let assigned = try #require(queue.first?["assignment"]["submissionId"].string)
            #expect(try await app.get("\(base)/submissions/\(assigned)", token: reviewer).status == 200)
            #expect(try await app.get("\(base)/submissions/\(assigned)/reviews", token: reviewer).json["items"].array.isEmpty == false)

            // The attendee: registered, confirmed.
            let attendee = try await app.signIn(ReferenceDemo.attendeeEmail, ReferenceDemo.password)
            let registrations = try await app.get("/v1/me/registrations", token: attendee).json["items"].array
            #expect(registrations.map { $0["registration"]["status"] } == ["confirmed"])

            // Anyone: the released program, over two days, every accepted proposal in it.
            let program = try await app.get("\(base)/program", headers: ["Accept-Language": "en"])
            #expect(program.status == 200)
            #expect(program.json["days"].array.count == 2)
            let talks = program.json["days"].array.flatMap { $0["sessions"].array }.flatMap { $0["talks"].array }
            #expect(talks.count == 28)
        }
    }
}

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
            #expect(try await reference.seed(by: organizer, context: app.useCases) != nil)
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
}

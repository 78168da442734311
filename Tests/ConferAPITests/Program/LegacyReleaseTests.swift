import Foundation
import PostgresNIO
import Testing

/// Releases published before releases had a storage format of their own (format 0: the first round's API JSON, kept
/// in `Fixtures/release-format-0.json` exactly as that code stored it) are still served as they were published.
@Suite("Program: releases stored by earlier versions")
struct LegacyReleaseTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/release-format-0.json")

    @Test func aReleaseOfFormatZeroIsServedAsItWasPublished() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            let conference = try await app.createConference("legacy-2019", by: admin)
            let stored = try String(contentsOf: Self.fixture, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            let published = try JSONDecoder().decode(JSON.self, from: Data(stored.utf8))
            let conferenceId = try #require(conference["id"].string.flatMap(UUID.init(uuidString:)))
            try await app.repositories.database.client.query(
                """
                INSERT INTO program_releases (conference_id, version, note, published_at, format_version, snapshot)
                VALUES (\(conferenceId), 1, 'Première version', '2026-12-02T05:58:53Z', 0, \(stored))
                """)

            let base = "/v1/conferences/legacy-2019"
            let program = try await app.get("\(base)/program")
            #expect(program.status == 200)
            #expect(program.json == published, "served \(program.text)")
            let generated = try await app.get("\(base)/program?version=1&extra=generated-route")
            #expect(generated.json == published)

            let calendar = try await app.get("\(base)/program.ics")
            #expect(calendar.status == 200)
            let talk = try #require(published["days"][0]["sessions"][0]["talks"][0]["id"].string)
            #expect(calendar.text.contains("UID:talk-\(talk)@confer"))
            #expect(calendar.text.contains("DTSTART;TZID=Europe/Paris:20191114T092000"))
            #expect(calendar.text.contains("LOCATION:Amphi B"))

            // A release of today's format after it: the changes between the two read both.
            #expect(try await app.post("\(base)/program/releases", token: admin.token, json: ["note": "v2"]).status == 201)
            let changes = try await app.get("\(base)/program/changes?from=1&to=2")
            #expect(changes.status == 200)
            #expect(changes.json["removed"].array.map { $0["talkId"].string } == [talk])
            #expect(changes.json["removed"][0]["room"] == "Amphi B")
            let releases = try await app.get("\(base)/program/releases")
            #expect(releases.json["items"].array.compactMap { $0["version"].int } == [2, 1])
        }
    }
}

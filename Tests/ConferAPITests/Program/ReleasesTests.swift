import ConferAPI
import Foundation
import Testing

@Suite("Program: published versions, changes and iCalendar")
struct ReleasesTests {
    @Test func publishMoveRepublishAndCompare() async throws {
        try await TestApp.run { app in
            let round = try await ReviewRound.make(app, proposals: 2, reviewerCount: 1, sharing: 0)
            let base = "/v1/conferences/\(round.call.slug)"
            let token = round.call.admin.token
            for index in 0..<2 {
                _ = try await app.post("\(round.submission(index))/decision", token: token, json: ["decision": "accepted"])
            }
            let room = try #require(try await app.post("\(base)/rooms", token: token, json: ["name": "Amphi B", "capacity": 80]).json["id"].string)
            let session = try #require(try await app.post("\(base)/sessions", token: token,
                json: ProgramTests.session("Pair-aidance, santé mentale", room: room, 14, "09:00", "10:30")).json["id"].string)
            let first = try await app.post("\(base)/sessions/\(session)/talks", token: token, json: [
                "submissionId": .string(round.submissions[0]), "startsAt": ProgramTests.at(14, "09:00"), "durationMinutes": 20,
            ])
            let talkId = try #require(first.json["id"].string)
            _ = try await app.post("\(base)/sessions/\(session)/talks", token: token, json: [
                "submissionId": .string(round.submissions[1]), "startsAt": ProgramTests.at(14, "09:20"), "durationMinutes": 20,
            ])

            let before = try await app.get("\(base)/program")
            #expect(before.status == 404)
            #expect(before.isProblem)
            let v1 = try await app.post("\(base)/program/releases", token: token, json: ["note": "Première version"])
            #expect(v1.status == 201)
            #expect(v1.json["version"] == 1)
            #expect(try await app.post("\(base)/program/releases", token: round.authors[0].token, json: [:]).status == 403)

            let program = try await app.get("\(base)/program")
            #expect(program.status == 200)
            #expect(program.header("Cache-Control")?.contains("max-age") == true)
            let etag = try #require(program.header("ETag"))
            #expect(program.json["version"] == 1)
            let day = program.json["days"][0]
            #expect(day["date"] == "2019-11-14")
            #expect(day["sessions"][0]["room"]["name"] == "Amphi B")
            #expect(day["sessions"][0]["talks"].array.count == 2)
            #expect(day["sessions"][0]["talks"][0]["presenters"][0]["name"] == "Auteur0 Nom0")
            let notModified = try await app.get("\(base)/program", headers: ["If-None-Match": etag])
            #expect(notModified.status == 304)
            #expect(notModified.body.readableBytes == 0)

            let moved = try await app.request(.patch, "\(base)/sessions/\(session)/talks/\(talkId)", token: token,
                                              json: ["startsAt": ProgramTests.at(14, "09:40")])
            #expect(moved.status == 200)
            #expect(try await app.request(.patch, "\(base)/sessions/\(session)/talks/\(talkId)", token: token,
                                          json: ["startsAt": ProgramTests.at(14, "09:30")]).status == 409)
            #expect(try await app.post("\(base)/program/releases", token: token, json: ["note": "Horaires ajustés"]).json["version"] == 2)

            let changes = try await app.get("\(base)/program/changes?from=1&to=2")
            #expect(changes.status == 200)
            #expect(changes.json["added"] == [])
            #expect(changes.json["removed"] == [])
            #expect(changes.json["moved"].array.count == 1)
            #expect(changes.json["moved"][0]["before"]["talkId"].string == talkId)
            #expect(changes.json["moved"][0]["before"]["startsAt"] == "2019-11-14T08:00:00Z")
            #expect(changes.json["moved"][0]["after"]["startsAt"] == "2019-11-14T08:40:00Z")
            #expect(try await app.get("\(base)/program?version=1").json["days"][0]["sessions"][0]["talks"][0]["startsAt"] == "2019-11-14T08:00:00Z")
            #expect(try await app.get("\(base)/program").header("ETag") != etag)
            #expect(try await app.get("\(base)/program?version=9").status == 404)
            let releases = try await app.get("\(base)/program/releases")
            #expect(releases.json["items"].array.map { $0["note"] } == ["Horaires ajustés", "Première version"])

            // An accepted proposal withdrawn by its authors leaves the program, and the changes say so.
            let secondTalk = try #require(try await app.get("\(base)/program").json["days"][0]["sessions"][0]["talks"].array
                .first { $0["submissionId"].string == round.submissions[1] }?["id"].string)
            #expect(try await app.post("\(round.submission(1))/withdraw", token: round.authors[1].token).json["status"] == "withdrawn")
            _ = try await app.post("\(base)/program/releases", token: token, json: ["note": "Retrait"])
            let removal = try await app.get("\(base)/program/changes?from=2&to=3")
            #expect(removal.json["removed"].array.map { $0["talkId"] } == [.string(secondTalk)])
            #expect(try await app.get("\(base)/sessions").json["items"][0]["talks"].array.count == 1)

            let ics = try await app.get("\(base)/program.ics")
            #expect(ics.status == 200)
            #expect(ics.header("Content-Type")?.hasPrefix("text/calendar") == true)
            let lines = ics.text.components(separatedBy: "\r\n")
            #expect(lines.first == "BEGIN:VCALENDAR")
            #expect(lines.filter { $0.hasPrefix("BEGIN:") }.count == lines.filter { $0.hasPrefix("END:") }.count)
            #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2)
            #expect(lines.contains("UID:talk-\(talkId)@confer"))
            #expect(lines.contains("DTSTART;TZID=Europe/Paris:20191114T094000"))
            #expect(lines.contains("TZID:Europe/Paris"))
            #expect(lines.contains("LOCATION:Amphi B"))
            #expect(lines.allSatisfy { $0.utf8.count <= 75 })
            try Self.parseWithICalendar(ics.text, expecting: "talk-\(talkId)@confer")
        }
    }

    /// The program is served from memory: the stored snapshot byte for byte, the latest release at once on the
    /// instance that published it, and within `ProgramReleaseCache.freshness` on every other one.
    @Test func anotherInstanceServesANewReleaseWithinASecond() async throws {
        try await TestApp.run { app in
            let round = try await ReviewRound.make(app, proposals: 1, reviewerCount: 1, sharing: 0)
            let base = "/v1/conferences/\(round.call.slug)"
            let token = round.call.admin.token
            #expect(try await app.post("\(base)/program/releases", token: token, json: ["note": "v1"]).status == 201)
            try await app.alongside { other in
                let first = try await other.get("\(base)/program")
                #expect(first.json["version"] == 1)
                let conference = try #require(try await app.repositories.conferences.find(slug: round.call.slug))
                let stored = try #require(try await app.repositories.program.release(conferenceId: conference.id, version: 1))
                #expect(first.text == (try ProgramDocument.json(stored)))
                #expect(try await other.get("\(base)/program.ics").text.contains("BEGIN:VCALENDAR"))

                #expect(try await app.post("\(base)/program/releases", token: token, json: ["note": "v2"]).status == 201)
                #expect(try await app.get("\(base)/program").json["version"] == 2)
                let published = ContinuousClock.now
                var seen = try await other.get("\(base)/program").json["version"]
                while seen != 2, ContinuousClock.now - published < .seconds(3) {
                    try await Task.sleep(for: .milliseconds(50))
                    seen = try await other.get("\(base)/program").json["version"]
                }
                #expect(seen == 2)
                #expect(ContinuousClock.now - published < .milliseconds(1500))
                #expect(try await other.get("\(base)/program?version=1").json["version"] == 1)
                #expect(try await other.get("\(base)/program?version=abc").status == 400)
                #expect(try await other.get("/v1/conferences/no-such-conference/program").status == 404)
            }
        }
    }

    /// Parses the calendar with the `icalendar` package from PyPI, which scripts/test installs and names in
    /// CONFER_ICALENDAR_PYTHON (a plain `swift test` without it keeps the structural checks above).
    static func parseWithICalendar(_ ics: String, expecting uid: String) throws {
        guard let python = ProcessInfo.processInfo.environment["CONFER_ICALENDAR_PYTHON"] else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("confer-\(UUID().uuidString).ics")
        try Data(ics.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", """
            import sys
            from icalendar import Calendar
            cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
            for event in cal.walk('VEVENT'):
                start = event['DTSTART'].dt
                assert start.tzinfo is not None, 'DTSTART without a time zone'
                print(event['UID'], start.isoformat())
            """, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "icalendar refused the calendar: \(printed)")
        #expect(printed.contains("\(uid) 2019-11-14T09:40:00+01:00"), "\(printed)")
    }
}

import Foundation
import Testing

@Suite("Submissions: lists, search, CSV and counts for organizers")
struct SubmissionListsTests {
    @Test func organizersFilterSearchSortAndPage() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let claire = try await app.signUp("Claire")
            let marc = try await app.signUp("Marc")
            let first = try await app.post(call.submissions, token: claire.token, json: call.proposal(by: claire,
                title: "Accompagner les pairs", abstract: "L'accompagnement des personnes vivant avec un handicap."))
            let second = try await app.post(call.submissions, token: marc.token, json: call.proposal(by: marc,
                title: "Bénévolat et salariat", abstract: "Quel statut pour les pairs ?").with("topicId", nil).with("format", "poster")
                .with("translations", ["en": ["title": "Volunteering and employment", "abstract": "Which status for peer supporters?"]]))
            _ = try await app.post("\(call.submissions)/\(second.json["id"].string ?? "")/submit", token: marc.token)

            let all = try await app.get(call.submissions, token: call.admin.token)
            #expect(all.json["items"].array.count == 2)
            let byTopic = try await app.get("\(call.submissions)?topicId=\(call.topicId)", token: call.admin.token)
            #expect(byTopic.json["items"].array.map { $0["id"] } == [first.json["id"]])
            let submitted = try await app.get("\(call.submissions)?status=submitted", token: call.admin.token)
            #expect(submitted.json["items"].array.map { $0["id"] } == [second.json["id"]])
            #expect(try await app.get("\(call.submissions)?format=poster", token: call.admin.token).json["items"].array.count == 1)

            // French stemming: "accompagnements" finds "accompagnement"; English: "volunteers" finds "Volunteering".
            let french = try await app.get("\(call.submissions)?q=accompagnements", token: call.admin.token)
            #expect(french.json["items"].array.map { $0["id"] } == [first.json["id"]])
            let english = try await app.get("\(call.submissions)?q=volunteering", token: call.admin.token)
            #expect(english.json["items"].array.map { $0["id"] } == [second.json["id"]])
            let keyword = try await app.get("\(call.submissions)?q=%22sant%C3%A9%20mentale%22", token: call.admin.token)
            #expect(keyword.json["items"].array.count == 2)
            #expect(try await app.get("\(call.submissions)?q=astrophysique", token: call.admin.token).json["items"] == [])

            let byTitle = try await app.get("\(call.submissions)?sort=title&limit=1", token: call.admin.token)
            #expect(byTitle.json["items"][0]["title"] == "Accompagner les pairs")
            let cursor = try #require(byTitle.json["nextCursor"].string)
            let next = try await app.get("\(call.submissions)?sort=title&limit=1&cursor=\(cursor)", token: call.admin.token)
            #expect(next.json["items"][0]["title"] == "Bénévolat et salariat")
            #expect(next.json["nextCursor"].isNull)
            let newest = try await app.get("\(call.submissions)?sort=-createdAt", token: call.admin.token)
            #expect(newest.json["items"].array.map { $0["id"] } == [second.json["id"], first.json["id"]])
            #expect(try await app.get("\(call.submissions)?topicId=nope", token: call.admin.token).errorFields == ["topicId"])

            let stats = try await app.get("\(call.submissions)/stats", token: call.admin.token)
            #expect(stats.json["byStatus"] == ["draft": 1, "submitted": 1, "accepted": 0, "rejected": 0, "withdrawn": 0])
            #expect(stats.json["byFormat"] == ["oral": 1, "poster": 1, "video": 0])
            #expect(Set(stats.json["byTopic"].array) == [["topicId": .string(call.topicId), "count": 1], ["count": 1]])
        }
    }

    @Test func organizersDownloadASafeCSV() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let claire = try await app.signUp("Claire")
            _ = try await app.post(call.submissions, token: claire.token, json: call.proposal(by: claire,
                title: "=HYPERLINK(\"http://evil.example\")", abstract: "Évaluation des effets, « entre pairs »."))
            let csv = try await app.get(call.submissions, token: call.admin.token, headers: ["Accept": "text/csv"])
            #expect(csv.status == 200)
            #expect(csv.header("Content-Type")?.hasPrefix("text/csv") == true)
            let lines = csv.text.components(separatedBy: "\r\n")
            #expect(lines[0].hasPrefix("\u{FEFF}\"number\",\"id\",\"status\",\"title\""))
            #expect(lines[1].contains(#""'=HYPERLINK(""http://evil.example"")""#))
            #expect(lines[1].contains("Évaluation des effets, « entre pairs »."))
            #expect(lines[1].contains("Claire Martin <\(claire.email)>"))
            #expect(lines[1].contains("Professionnalisation et formation des pairs-aidants"))
            #expect(lines.count == 3 && lines[2].isEmpty)
            #expect(try await app.get(call.submissions, token: claire.token, headers: ["Accept": "text/csv"]).status == 403)
            #expect(try await app.get(call.submissions, token: call.admin.token, headers: ["Accept": "application/json"]).json["items"].array.count == 1)
        }
    }
}

import Foundation
import Testing

/// PATCH bodies are merge patches (RFC 7396): a field left out is kept, a field set to `null` is cleared, and a
/// `null` on a field that cannot be cleared is refused naming it. Instants are RFC 3339 with an offset, to the
/// microsecond; anything else is refused naming the field, never read loosely or rounded.
@Suite("Merge patches and instants")
struct MergePatchAndInstantsTests {
    @Test func nullClearsOptionalConferenceFieldsAndIsRefusedOnRequiredOnes() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            _ = try await app.createConference("expairs-2019", by: admin)
            let path = "/v1/conferences/expairs-2019"
            let cleared = try await app.patch(path, token: admin.token, json: ["venue": nil, "programDate": nil])
            #expect(cleared.status == 200)
            #expect(cleared.json["programDate"].isNull)
            // The English venue stays until it is cleared too: meanwhile it is the venue shown in every language.
            #expect(cleared.json["translations"]["en"]["venue"] == "MSHB, Rennes")
            #expect(cleared.json["venue"] == "MSHB, Rennes")
            let english = try await app.patch(path, token: admin.token, json: ["translations": ["en": ["venue": nil]]])
            #expect(english.json["translations"]["en"]["venue"].isNull)
            #expect(english.json["translations"]["en"]["name"] == "Peer support: contemporary issues")
            #expect(try await app.get(path).json["venue"].isNull)

            for field in ["name", "startDate", "timezone", "languages"] {
                let refused = try await app.patch(path, token: admin.token, json: [field: nil])
                #expect(refused.status == 422, "\(field)")
                #expect(refused.isProblem)
                #expect(refused.errorFields == [field])
            }
            // Several refused at once are all named, and nothing changes.
            let both = try await app.patch(path, token: admin.token, json: ["name": nil, "endDate": nil, "acronym": "EXPAIRs"])
            #expect(Set(both.errorFields) == ["name", "endDate"])
            #expect(try await app.get(path).json["acronym"].isNull)
            // A patch sent as application/merge-patch+json reads the same.
            let typed = try await app.request(.patch, path, token: admin.token, raw: #"{"acronym": "EXPAIRs"}"#,
                                              headers: ["Content-Type": "application/merge-patch+json"])
            #expect(typed.status == 200)
            #expect(typed.json["acronym"] == "EXPAIRs")
            #expect(try await app.patch(path, token: admin.token, json: ["acronym": nil]).json["acronym"].isNull)
        }
    }

    @Test func nullClearsAProposalsTopicAndVideoJustificationButNotItsTitle() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let author = try await app.signUp("Claire")
            let created = try await app.post(call.submissions, token: author.token, json: call.proposal(by: author)
                .with("format", "video").with("videoJustification", "Je vis à La Réunion."))
            let path = "\(call.submissions)/\(try #require(created.json["id"].string))"
            #expect(created.json["topicId"].string == call.topicId)
            // A video needs its justification: it is cleared with the format that asks for it.
            let unjustified = try await app.patch(path, token: author.token, json: ["topicId": nil, "videoJustification": nil])
            #expect(unjustified.status == 422, "\(unjustified)")
            #expect(unjustified.errorFields == ["videoJustification"])
            #expect(try await app.get(path, token: author.token).json["topicId"].string == call.topicId)
            let cleared = try await app.patch(path, token: author.token, json: ["topicId": nil, "videoJustification": nil, "format": "oral"])
            #expect(cleared.status == 200, "\(cleared)")
            #expect(cleared.json["topicId"].isNull)
            #expect(cleared.json["videoJustification"].isNull)
            #expect(try await app.patch(path, token: author.token, json: ["title": nil]).errorFields == ["title"])
            #expect(try await app.patch(path, token: author.token, json: ["authors": nil]).errorFields == ["authors"])
            #expect(try await app.get(path, token: author.token).json["title"] == "Les pairs-aidants en santé mentale")
            // Cleared, it is in no topic's list; a plain value puts it back.
            let inTopic = "\(call.submissions)?topicId=\(call.topicId)"
            #expect(try await app.get(inTopic, token: author.token).json["items"] == [])
            #expect(try await app.patch(path, token: author.token, json: ["topicId": .string(call.topicId)]).json["topicId"].string == call.topicId)
            #expect(try await app.get(inTopic, token: author.token).json["items"].array.map { $0["id"] } == [created.json["id"]])
        }
    }

    @Test func nullClearsAWebhooksDescriptionAndASessionsTopic() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let base = "/v1/conferences/\(call.slug)"
            let token = call.admin.token
            let hook = try await app.post("\(base)/webhooks", token: token, json: [
                "url": "http://127.0.0.1:9/hook", "events": ["submission.submitted"], "description": "Notre tableau de bord",
            ])
            let hookPath = "\(base)/webhooks/\(try #require(hook.json["id"].string))"
            #expect(try await app.patch(hookPath, token: token, json: ["description": nil]).json["description"].isNull)
            #expect(try await app.patch(hookPath, token: token, json: ["url": nil]).errorFields == ["url"])

            let room = try #require(try await app.post("\(base)/rooms", token: token, json: ["name": "Salle 1", "capacity": 40]).json["id"].string)
            var body = ProgramTests.session("Pair-aidance", room: room, 14, "09:00", "10:00")
            body["topicId"] = .string(call.topicId)
            let session = try await app.post("\(base)/sessions", token: token, json: body)
            let sessionPath = "\(base)/sessions/\(try #require(session.json["id"].string))"
            #expect(try await app.patch(sessionPath, token: token, json: ["topicId": nil]).json["topicId"].isNull)
            #expect(try await app.patch(sessionPath, token: token, json: ["roomId": nil]).errorFields == ["roomId"])
            #expect(try await app.patch("\(base)/rooms/\(room)", token: token, json: ["capacity": nil]).errorFields == ["capacity"])
        }
    }

    @Test(arguments: [
        ("2019-11-14T09:00:00", "startsAt"), ("tomorrow morning", "startsAt"), ("2019-11-14", "startsAt"),
        ("2019-11-14 09:00:00+01:00", "startsAt"), ("2019-11-14T09:00:00.1234567+01:00", "startsAt"),
    ])
    func anInstantWithoutOffsetOrInWordsIsRefusedNamingItsField(_ text: String, _ field: String) async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let base = "/v1/conferences/\(call.slug)"
            let room = try #require(try await app.post("\(base)/rooms", token: call.admin.token, json: ["name": "Salle 1", "capacity": 40]).json["id"].string)
            let body = ProgramTests.session("Pair-aidance", room: room, 14, "09:00", "10:00").with(field, .string(text))
            let refused = try await app.post("\(base)/sessions", token: call.admin.token, json: body)
            #expect(refused.status == 422)
            #expect(refused.isProblem)
            #expect(refused.errorFields == [field])
            #expect(refused.json["errors"][0]["message"].string?.contains("offset") == true)
            #expect(try await app.get("\(base)/sessions").json["items"] == [])
            // The same in a nested field and in a patch.
            let deadline = try await app.patch(base, token: call.admin.token, json: ["submissionDeadline": .string(text)])
            #expect(deadline.errorFields == ["submissionDeadline"])
        }
    }

    @Test func fractionalSecondsAreKeptToTheMicrosecond() async throws {
        try await TestApp.run { app in
            let admin = try await app.admin()
            _ = try await app.createConference("expairs-2019", by: admin)
            let path = "/v1/conferences/expairs-2019"
            let precise = try await app.patch(path, token: admin.token, json: ["submissionDeadline": "2019-05-30T23:59:59.123456+02:00"])
            #expect(precise.status == 200)
            #expect(precise.json["submissionDeadline"] == "2019-05-30T21:59:59.123456Z")
            #expect(try await app.get(path).json["submissionDeadline"] == "2019-05-30T21:59:59.123456Z")
            let half = try await app.patch(path, token: admin.token, json: ["submissionDeadline": "2019-05-30T23:59:59.5+02:00"])
            #expect(half.json["submissionDeadline"] == "2019-05-30T21:59:59.5Z")
            let whole = try await app.patch(path, token: admin.token, json: ["submissionDeadline": "2019-05-30T23:59:59.000+02:00"])
            #expect(whole.json["submissionDeadline"] == "2019-05-30T21:59:59Z")
            // Nanoseconds would be dropped by storage: refused rather than rounded.
            let tooFine = try await app.patch(path, token: admin.token, json: ["submissionDeadline": "2019-05-30T23:59:59.1234567+02:00"])
            #expect(tooFine.errorFields == ["submissionDeadline"])
            #expect(try await app.get(path).json["submissionDeadline"] == "2019-05-30T21:59:59Z")
        }
    }
}

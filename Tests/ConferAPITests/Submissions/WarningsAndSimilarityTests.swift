import Foundation
import Testing

@Suite("Submissions: anonymity warnings and near-duplicates")
struct WarningsAndSimilarityTests {
    static let naming = "Comme l'a montré Claire Martin (Université Rennes 2), les pairs-aidants transforment les services."

    @Test func doubleBlindProposalsThatNameTheirAuthorsAreWarnedNotRefused() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            #expect(try await app.patch("/v1/conferences/\(call.slug)", token: call.admin.token, json: ["reviewMode": "double-blind"]).status == 200)
            let author = try await app.signUp("Claire")
            let created = try await app.post(call.submissions, token: author.token, json: call.proposal(by: author, abstract: Self.naming))
            #expect(created.status == 201)
            let warnings = created.json["warnings"].array
            #expect(warnings.map { $0["field"].string } == ["abstract", "abstract"])
            #expect(warnings.map { $0["code"].string } == ["author-name", "author-affiliation"])
            #expect(warnings[0]["message"].string?.contains("Claire Martin") == true)
            let id = try #require(created.json["id"].string)

            // Stored: the author reads them back, organizers filter on them.
            #expect(try await app.get("\(call.submissions)/\(id)", token: author.token).json["warnings"].array.count == 2)
            let clean = try await app.post(call.submissions, token: author.token, json: call.proposal(by: author, title: "Autre"))
            #expect(clean.json["warnings"] == [])
            let flagged = try await app.get("\(call.submissions)?hasAnonymityWarnings=true", token: call.admin.token)
            #expect(flagged.json["items"].array.compactMap { $0["id"].string } == [id])
            let unflagged = try await app.get("\(call.submissions)?hasAnonymityWarnings=false", token: call.admin.token)
            #expect(unflagged.json["items"].array.compactMap { $0["id"].string } == [clean.json["id"].string])

            // A reviewer assigned to it never sees the warnings, which quote the authors.
            let reviewer = try await app.signUp("Relecteur", affiliation: "Institut international")
            #expect(try await app.put("/v1/conferences/\(call.slug)/members/\(reviewer.id)", token: call.admin.token,
                                      json: ["roles": ["reviewer"]]).status == 201)
            #expect(try await app.post("\(call.submissions)/\(id)/submit", token: author.token).status == 200)
            #expect(try await app.post("\(call.submissions)/\(id)/assignments", token: call.admin.token,
                                       json: ["reviewerId": .string(reviewer.id)]).status == 201)
            let seen = try await app.get("\(call.submissions)/\(id)", token: reviewer.token)
            #expect(seen.status == 200)
            #expect(seen.json["warnings"] == [])
            #expect(!seen.text.contains("Claire Martin") || seen.text.contains(Self.naming), "only the author's own text may name her")

            // Fixing the text clears them on the next save.
            let fixed = try await app.patch("\(call.submissions)/\(id)", token: author.token,
                                            json: ["abstract": "Les pairs-aidants transforment les services."])
            #expect(fixed.status == 200)
            #expect(fixed.json["warnings"] == [])
            #expect(try await app.get("\(call.submissions)?hasAnonymityWarnings=true", token: call.admin.token).json["items"] == [])
        }
    }

    @Test func theSameTextInASingleBlindConferenceRaisesNoWarning() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            #expect(try await app.patch("/v1/conferences/\(call.slug)", token: call.admin.token, json: ["reviewMode": "single-blind"]).status == 200)
            let author = try await app.signUp("Claire")
            let created = try await app.post(call.submissions, token: author.token, json: call.proposal(by: author, abstract: Self.naming))
            #expect(created.status == 201)
            #expect(created.json["warnings"] == [])
        }
    }

    static let peerSupport = """
        Cette communication présente une recherche qualitative menée auprès de quarante travailleurs pairs employés \
        dans des services de psychiatrie publique en Bretagne et au Québec. À partir d'entretiens semi-directifs et \
        d'observations, nous décrivons comment les pairs-aidants négocient leur place dans les équipes soignantes, \
        les tensions entre savoir expérientiel et savoirs professionnels, et les conditions qui favorisent leur \
        reconnaissance. Nous discutons enfin des effets de la professionnalisation sur la singularité de leur rôle.
        """
    static let fewWordsChanged = """
        Cette communication présente une enquête qualitative menée auprès de trente travailleurs pairs employés \
        dans des services de psychiatrie publique en Bretagne et en Suisse. À partir d'entretiens semi-directifs et \
        d'observations, nous décrivons comment les pairs-aidants négocient leur place dans les équipes soignantes, \
        les tensions entre savoir expérientiel et savoirs professionnels, et les conditions qui favorisent leur \
        reconnaissance. Nous discutons enfin des effets de la formation sur la singularité de leur rôle.
        """
    static let unrelated = [
        """
        Nous analysons les politiques d'accessibilité des universités françaises pour les étudiants sourds, à partir \
        des budgets de quinze établissements entre 2010 et 2018 et des rapports des missions handicap.
        """,
        """
        This paper measures how often hospital discharge letters mention community resources, using a corpus of \
        twelve thousand letters from three regional hospitals and a supervised text classifier.
        """,
    ]

    @Test func nearDuplicatesFindEachOtherAndNothingElse() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let first = try await app.signUp("Claire")
            let second = try await app.signUp("Malik")
            func propose(_ author: TestApp.User, _ title: String, _ abstract: String) async throws -> String {
                let reply = try await app.post(call.submissions, token: author.token, json: call.proposal(by: author, title: title, abstract: abstract))
                guard reply.status == 201, let id = reply.json["id"].string else { throw Unexpected(reply) }
                return id
            }
            let a = try await propose(first, "Les travailleurs pairs en psychiatrie", Self.peerSupport)
            let b = try await propose(second, "Les travailleurs pairs en psychiatrie publique", Self.fewWordsChanged)
            let others = [
                try await propose(second, "Accessibilité des universités", Self.unrelated[0]),
                try await propose(first, "Discharge letters", Self.unrelated[1]),
            ]

            let similarToA = try await app.get("\(call.submissions)/\(a)/similar", token: call.admin.token)
            #expect(similarToA.status == 200)
            #expect(similarToA.json["items"].array.map { $0["submission"]["id"].string } == [b])
            let score = try #require(similarToA.json["items"][0]["score"].double)
            #expect(score > 0.7 && score < 1)
            let similarToB = try await app.get("\(call.submissions)/\(b)/similar", token: call.admin.token)
            #expect(similarToB.json["items"].array.map { $0["submission"]["id"].string } == [a])
            for other in others {
                #expect(try await app.get("\(call.submissions)/\(other)/similar", token: call.admin.token).json["items"] == [])
            }
            let filtered = try await app.get("\(call.submissions)?duplicateOf=\(a)", token: call.admin.token)
            #expect(filtered.json["items"].array.compactMap { $0["id"].string } == [b])

            // Different authors: no warning to either. Organizers only may look for duplicates.
            #expect(try await app.get("\(call.submissions)/\(b)", token: second.token).json["warnings"] == [])
            #expect(try await app.get("\(call.submissions)/\(a)/similar", token: first.token).status == 403)
            #expect(try await app.get("\(call.submissions)?duplicateOf=\(a)", token: first.token).status == 403)
            #expect(try await app.get("\(call.submissions)/\(UUID())/similar", token: call.admin.token).status == 404)
            #expect(try await app.get("\(call.submissions)/\(a)/similar?limit=0", token: call.admin.token).status == 422)
        }
    }

    @Test func anAuthorSubmittingTheSameAbstractTwiceIsWarned() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let author = try await app.signUp("Claire")
            let body = call.proposal(by: author, title: "Les travailleurs pairs en psychiatrie", abstract: Self.peerSupport)
            let first = try await app.post(call.submissions, token: author.token, json: body)
            #expect(first.json["warnings"] == [])
            let again = try await app.post(call.submissions, token: author.token, json: body.with("title", "Travailleurs pairs en psychiatrie"))
            #expect(again.status == 201, "a warning, not a refusal")
            let warnings = again.json["warnings"].array
            #expect(warnings.map { $0["code"].string } == ["possible-duplicate"])
            #expect(warnings.first?["message"].string?.contains("#\(first.json["number"].int ?? 0)") == true)
            // Withdrawing the first clears the warning on the next save of the second.
            let firstId = try #require(first.json["id"].string)
            #expect(try await app.post("\(call.submissions)/\(firstId)/withdraw", token: author.token).status == 200)
            let secondId = try #require(again.json["id"].string)
            let edited = try await app.patch("\(call.submissions)/\(secondId)", token: author.token, json: ["keywords": ["pairs"]])
            #expect(edited.json["warnings"] == [])
        }
    }
}

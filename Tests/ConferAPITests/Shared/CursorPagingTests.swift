import Foundation
import Testing

/// Every list answers `{items, nextCursor}`: walking it page by page gives the whole list once, in the same order.
@Suite("Cursors on the small lists")
struct CursorPagingTests {
    /// Walks `path` `limit` items at a time and checks the pages against the list read in one page.
    static func expectPagesMatch(
        _ app: TestApp, _ path: String, token: String?, limit: Int = 2, key: String = "id", maxLimit: Int = 200,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let separator = path.contains("?") ? "&" : "?"
        let whole = try await app.get("\(path)\(separator)limit=\(maxLimit)", token: token)
        #expect(whole.status == 200, "\(path): \(whole)", sourceLocation: sourceLocation)
        #expect(whole.json["nextCursor"] == .null, "\(path) in one page has no next cursor", sourceLocation: sourceLocation)
        let expected = whole.json["items"].array.map { $0[key] }
        #expect(expected.count > limit, "\(path) needs more than \(limit) items to page", sourceLocation: sourceLocation)

        var walked: [JSON] = []
        var cursor: String?
        var pages = 0
        repeat {
            let reply = try await app.get("\(path)\(separator)limit=\(limit)" + (cursor.map { "&cursor=\($0)" } ?? ""), token: token)
            #expect(reply.status == 200, "\(path): \(reply)", sourceLocation: sourceLocation)
            let items = reply.json["items"].array
            #expect(items.count <= limit, sourceLocation: sourceLocation)
            walked += items.map { $0[key] }
            cursor = reply.json["nextCursor"].string
            pages += 1
        } while cursor != nil && pages <= expected.count
        #expect(walked == expected, "\(path) walked page by page", sourceLocation: sourceLocation)
        #expect(pages == (expected.count + limit - 1) / limit, "\(path) pages", sourceLocation: sourceLocation)

        let forged = try await app.get("\(path)\(separator)cursor=not-a-cursor", token: token)
        #expect(forged.status == 422 && forged.errorFields == ["cursor"], "\(path): \(forged)", sourceLocation: sourceLocation)
        let tooMany = try await app.get("\(path)\(separator)limit=0", token: token)
        #expect(tooMany.status == 422 && tooMany.errorFields == ["limit"], "\(path): \(tooMany)", sourceLocation: sourceLocation)
    }

    @Test func roomsSessionsAndReleases() async throws {
        try await TestApp.run { app in
            let call = try await OpenCall.make(app)
            let base = "/v1/conferences/\(call.slug)"
            let token = call.admin.token
            var rooms: [String] = []
            for name in ["Salle B", "Amphithéâtre", "Salle A"] {
                rooms.append(try #require(try await app.post("\(base)/rooms", token: token, json: ["name": .string(name), "capacity": 40]).json["id"].string))
            }
            for (index, room) in rooms.enumerated() {
                let created = try await app.post("\(base)/sessions", token: token, json: ProgramTests.session("Session \(index)", room: room, 14, "09:00", "10:00"))
                #expect(created.status == 201)
            }
            for note in ["v1", "v2", "v3"] {
                #expect(try await app.post("\(base)/program/releases", token: token, json: ["note": .string(note)]).status == 201)
            }
            try await Self.expectPagesMatch(app, "\(base)/rooms", token: nil)
            #expect(try await app.get("\(base)/rooms").json["items"].array.map { $0["name"] } == ["Amphithéâtre", "Salle A", "Salle B"])
            try await Self.expectPagesMatch(app, "\(base)/sessions", token: nil)
            try await Self.expectPagesMatch(app, "\(base)/program/releases", token: nil, key: "version")
        }
    }

    @Test func categoriesVouchersAndBadges() async throws {
        try await TestApp.run { app in
            let reg = try await OpenRegistration.make(app)
            var categories: [String] = []
            for (name, amount) in [("Étudiant·e", 4500), ("Plein tarif", 12000), ("Invité·e", 0)] {
                categories.append(try await reg.category(app, name: name, amount: amount))
            }
            for code in ["PAIR2019", "INVITE", "COMITE"] {
                let voucher = try await app.post("\(reg.base)/vouchers", token: reg.admin.token, json: [
                    "code": .string(code), "discountPercent": 50, "maxUses": 5, "categoryIds": [.string(categories[0])],
                ])
                #expect(voucher.status == 201)
            }
            for name in ["Zoé Lefèvre", "Ana Lopes", "Malik Benali"] {
                let person = try await app.signUp(name)
                #expect(try await app.post("\(reg.base)/registrations", token: person.token, json: ["categoryId": .string(categories[1])]).status == 201)
            }
            try await Self.expectPagesMatch(app, "\(reg.base)/registration-categories", token: nil)
            try await Self.expectPagesMatch(app, "\(reg.base)/vouchers", token: reg.admin.token)
            try await Self.expectPagesMatch(app, "\(reg.base)/registrations/badges", token: reg.admin.token, key: "name")
        }
    }

    @Test func conflictsReviewsWebhooksAndSimilarProposals() async throws {
        try await TestApp.run { app in
            let round = try await ReviewRound.make(app, proposals: 4, reviewerCount: 3, sharing: 0, reviewMode: "single-blind")
            let admin = round.call.admin.token
            let base = "/v1/conferences/\(round.call.slug)"
            for index in 1...3 {
                let declared = try await app.post("\(base)/conflicts", token: round.reviewers[0].token,
                                                  json: ["submissionId": .string(round.submissions[index]), "reason": "Collègue"])
                #expect(declared.status == 201)
            }
            try await Self.expectPagesMatch(app, "\(base)/conflicts", token: round.reviewers[0].token, key: "submissionId")
            try await Self.expectPagesMatch(app, "\(base)/conflicts", token: admin, key: "submissionId")

            for reviewer in round.reviewers {
                #expect(try await app.post("\(round.submission(0))/assignments", token: admin, json: ["reviewerId": .string(reviewer.id)]).status == 201)
                #expect(try await app.post("\(round.submission(0))/reviews", token: reviewer.token, json: ReviewsTests.review(3, "Correct.")).status == 201)
            }
            try await Self.expectPagesMatch(app, "\(round.submission(0))/reviews", token: admin)
            try await Self.expectPagesMatch(app, "\(round.submission(0))/reviews", token: round.reviewers[1].token)

            for name in ["crm", "site", "appli"] {
                let hook = try await app.post("\(base)/webhooks", token: admin, json: [
                    "url": .string("https://hooks.example.org/\(name)"), "events": ["registration.confirmed"],
                ])
                #expect(hook.status == 201)
            }
            try await Self.expectPagesMatch(app, "\(base)/webhooks", token: admin)

            // Three copies of one abstract, a few words apart: each is similar to the two others.
            let author = round.authors[0]
            var copies: [String] = []
            for suffix in ["", " publique", " en France"] {
                let created = try await app.post(round.call.submissions, token: author.token, json: round.call.proposal(
                    by: author, title: "Les travailleurs pairs en psychiatrie\(suffix)", abstract: WarningsAndSimilarityTests.peerSupport))
                copies.append(try #require(created.json["id"].string))
            }
            try await Self.expectPagesMatch(app, "\(round.call.submissions)/\(copies[0])/similar", token: admin, limit: 1, key: "submission", maxLimit: 50)
        }
    }
}

import Foundation
import Testing

/// A conference whose registration window is open now (or as `opens`/`closes` say), with its organizer.
struct OpenRegistration: Sendable {
    var admin: TestApp.User
    var slug: String
    var base: String { "/v1/conferences/\(slug)" }

    static func make(_ app: TestApp, opens: String = "2020-01-01T00:00:00Z", closes: String = "2099-01-01T00:00:00Z") async throws -> OpenRegistration {
        let admin = try await app.admin()
        let slug = "expairs-reg"
        _ = try await app.createConference(slug, by: admin, body: TestApp.conferenceBody(slug: slug)
            .with("registrationOpens", .string(opens)).with("registrationCloses", .string(closes)))
        return OpenRegistration(admin: admin, slug: slug)
    }

    func category(_ app: TestApp, name: String = "Étudiant·e", amount: Int = 4500, capacity: Int? = nil) async throws -> String {
        var body: JSON = ["name": .string(name), "price": ["amount": .number(Double(amount)), "currency": "EUR"],
                          "translations": ["en": ["name": "Student"]]]
        if let capacity { body["capacity"] = .number(Double(capacity)) }
        let reply = try await app.post("\(base)/registration-categories", token: admin.token, json: body)
        guard let id = reply.json["id"].string else { throw Unexpected(reply) }
        return id
    }
}

@Suite("Registration: window, capacity, waiting list, cancellation")
struct RegistrationTests {
    @Test func theWindowDecidesWhoMayRegister() async throws {
        try await TestApp.run { app in
            let before = try await OpenRegistration.make(app, opens: "2098-01-01T00:00:00Z")
            let category = try await before.category(app)
            let claire = try await app.signUp("Claire")
            let early = try await app.post("\(before.base)/registrations", token: claire.token, json: ["categoryId": .string(category)])
            #expect(early.status == 409)
            #expect(early.json["type"].string?.hasSuffix("registration-closed") == true)
            // Organizers register people at any time.
            let byOrganizer = try await app.post("\(before.base)/registrations", token: before.admin.token,
                                                 json: ["categoryId": .string(category), "accountId": .string(claire.id)])
            #expect(byOrganizer.status == 201)
            #expect(byOrganizer.json["accountId"].string == claire.id)
            #expect(try await app.post("\(before.base)/registrations", json: ["categoryId": .string(category)]).status == 401)
        }
    }

    @Test func fullCategoriesWaitlistAndACancellationPromotesTheFirst() async throws {
        try await TestApp.run { app in
            let reg = try await OpenRegistration.make(app)
            let category = try await reg.category(app, capacity: 2)
            var people: [TestApp.User] = []
            var ids: [String] = []
            for index in 0..<4 {
                let person = try await app.signUp("Personne\(index)", affiliation: "Association \(index)")
                let reply = try await app.post("\(reg.base)/registrations", token: person.token, json: [
                    "categoryId": .string(category), "dietaryRequirements": "Végétarien",
                    "accessibility": ["wheelchairAccess": true, "signLanguageInterpretation": .bool(index == 0), "other": "Place près de l'entrée"],
                ])
                #expect(reply.status == 201)
                people.append(person)
                ids.append(reply.json["id"].string ?? "")
                if index < 2 {
                    #expect(reply.json["status"] == "confirmed")
                } else {
                    #expect(reply.json["status"] == "waitlisted")
                    #expect(reply.json["waitlistPosition"] == .number(Double(index - 1)))
                }
                #expect(reply.json["name"] == .string("Personne\(index)"))
                #expect(reply.json["email"].string == person.email)
                #expect(reply.json["accessibility"]["wheelchairAccess"] == true)
                #expect(reply.json["pricePaid"] == ["amount": 4500, "currency": "EUR"])
            }
            let again = try await app.post("\(reg.base)/registrations", token: people[0].token, json: ["categoryId": .string(category)])
            #expect(again.status == 409)
            let categories = try await app.get("\(reg.base)/registration-categories", headers: ["Accept-Language": "en"])
            #expect(categories.json["items"][0]["remaining"] == 0)
            #expect(categories.json["items"][0]["name"] == "Student")

            let cancelled = try await app.post("\(reg.base)/registrations/\(ids[0])/cancel", token: people[0].token)
            #expect(cancelled.status == 200)
            #expect(cancelled.json["status"] == "cancelled")
            #expect(try await app.post("\(reg.base)/registrations/\(ids[0])/cancel", token: people[0].token).status == 409)
            let promoted = try await app.get("\(reg.base)/registrations/\(ids[2])", token: people[2].token)
            #expect(promoted.json["status"] == "confirmed")
            #expect(promoted.json["waitlistPosition"].isNull)
            #expect(try await app.get("\(reg.base)/registrations/\(ids[3])", token: people[3].token).json["waitlistPosition"] == 1)
            let outbox = try await app.get("\(reg.base)/outbox", token: reg.admin.token).json["items"].array
            // Each registration had its letter, and so had the cancellation; one promotion letter, to the first waiting.
            #expect(outbox.filter { $0["kind"] == "registration-cancelled" }.count == 1)
            let promotions = outbox.filter { $0["kind"] == "registration-promoted" }
            #expect(promotions.count == 1)
            #expect(promotions.first?["to"].string == people[2].email)
            #expect(promotions.first?["subject"].string?.contains("confirmée") == true)

            // The cancelled attendee may register again.
            #expect(try await app.post("\(reg.base)/registrations", token: people[0].token, json: ["categoryId": .string(category)]).json["status"] == "waitlisted")
            // Other people's registrations do not exist for them.
            #expect(try await app.get("\(reg.base)/registrations/\(ids[2])", token: people[3].token).status == 404)
            #expect(try await app.post("\(reg.base)/registrations/\(ids[2])/cancel", token: people[3].token).status == 404)
            #expect(try await app.get("\(reg.base)/registrations", token: people[3].token).json["items"].array.count == 1)
        }
    }

    @Test func twoHundredParallelRegistrationsForFiftyPlaces() async throws {
        try await TestApp.run { app in
            let reg = try await OpenRegistration.make(app)
            let category = try await reg.category(app, capacity: 50)
            var people: [TestApp.User] = []
            for index in 0..<200 { people.append(try await app.signUp("P\(index)")) }
            let replies = try await withThrowingTaskGroup(of: Reply.self) { group in
                for person in people {
                    group.addTask { try await app.post("\(reg.base)/registrations", token: person.token, json: ["categoryId": .string(category)]) }
                }
                return try await group.reduce(into: [Reply]()) { $0.append($1) }
            }
            #expect(replies.allSatisfy { $0.status == 201 })
            let statuses = replies.map { $0.json["status"].string ?? "" }
            #expect(statuses.filter { $0 == "confirmed" }.count == 50)
            #expect(statuses.filter { $0 == "waitlisted" }.count == 150)
            // Waiting-list positions are 1…150: one ticket each, in the order the category lock was taken.
            let positions = replies.compactMap { $0.json["waitlistPosition"].int }.sorted()
            #expect(positions == Array(1...150))
            let rows = try await app.repositories.database.client.query(
                "SELECT count(*)::int FROM registrations WHERE status = 'confirmed'")
            for try await n in rows.decode(Int.self) { #expect(n == 50) }
        }
    }
}

@Suite("Registration: vouchers, payment, check-in, exports")
struct RegistrationOperationsTests {
    @Test func vouchersDiscountAndNeverExceedTheirUses() async throws {
        try await TestApp.run { app in
            let reg = try await OpenRegistration.make(app)
            let student = try await reg.category(app, amount: 4500)
            let other = try await reg.category(app, name: "Professionnel·le", amount: 12000)
            let voucher = try await app.post("\(reg.base)/vouchers", token: reg.admin.token, json: [
                "code": "pairs-2019", "discountPercent": 50, "maxUses": 3, "categoryIds": [.string(student)],
            ])
            #expect(voucher.status == 201)
            #expect(voucher.json["code"] == "PAIRS-2019")
            #expect(try await app.post("\(reg.base)/vouchers", token: reg.admin.token, json: ["code": "PAIRS-2019", "discountPercent": 10, "maxUses": 1]).status == 409)
            #expect(try await app.post("\(reg.base)/vouchers", token: reg.admin.token, json: ["code": "x", "maxUses": 0]).status == 422)

            let wrongCategory = try await app.post("\(reg.base)/registrations", token: try await app.signUp("A").token,
                                                   json: ["categoryId": .string(other), "voucherCode": "PAIRS-2019"])
            #expect(wrongCategory.errorFields == ["voucherCode"])
            let unknown = try await app.post("\(reg.base)/registrations", token: try await app.signUp("B").token,
                                             json: ["categoryId": .string(student), "voucherCode": "NOPE"])
            #expect(unknown.errorFields == ["voucherCode"])

            var people: [TestApp.User] = []
            for index in 0..<10 { people.append(try await app.signUp("V\(index)")) }
            let replies = try await withThrowingTaskGroup(of: Reply.self) { group in
                for person in people {
                    group.addTask {
                        try await app.post("\(reg.base)/registrations", token: person.token,
                                           json: ["categoryId": .string(student), "voucherCode": "pairs-2019"])
                    }
                }
                return try await group.reduce(into: [Reply]()) { $0.append($1) }
            }
            let accepted = replies.filter { $0.status == 201 }
            #expect(accepted.count == 3)
            #expect(accepted.allSatisfy { $0.json["pricePaid"] == ["amount": 2250, "currency": "EUR"] })
            #expect(replies.filter { $0.status == 422 }.allSatisfy { $0.errorFields == ["voucherCode"] })
            let vouchers = try await app.get("\(reg.base)/vouchers", token: reg.admin.token)
            #expect(vouchers.json["items"][0]["uses"] == 3)
            // A refused voucher leaves no registration behind.
            let count = try await app.repositories.database.client.query("SELECT count(*)::int FROM registrations")
            for try await n in count.decode(Int.self) { #expect(n == 3) }
        }
    }

    @Test func organizersTrackPaymentsCheckInAndExport() async throws {
        try await TestApp.run { app in
            let reg = try await OpenRegistration.make(app)
            let category = try await reg.category(app, amount: 4500)
            let hacker = try await app.signUp("=HYPERLINK(\"http://evil.example\")")
            let zoe = try await app.signUp("Zoé Lefèvre", affiliation: "Université Rennes 2")
            let first = try await app.post("\(reg.base)/registrations", token: hacker.token, json: ["categoryId": .string(category)])
            let second = try await app.post("\(reg.base)/registrations", token: zoe.token, json: [
                "categoryId": .string(category), "accessibility": ["hearingLoop": true, "companion": true],
            ])
            let path = "\(reg.base)/registrations/\(second.json["id"].string ?? "")"

            #expect(try await app.patch(path, token: zoe.token, json: ["paymentStatus": "paid"]).status == 403)
            let paid = try await app.patch(path, token: reg.admin.token, json: ["paymentStatus": "paid"], headers: ["If-Match": "\"1\""])
            #expect(paid.status == 200)
            #expect(paid.json["paymentStatus"] == "paid")
            #expect(try await app.patch(path, token: reg.admin.token, json: ["paymentStatus": "bitcoin"]).status == 422)

            let checkedIn = try await app.post("\(path)/check-in", token: reg.admin.token)
            #expect(checkedIn.status == 200)
            #expect(checkedIn.json["checkedInAt"].string != nil)
            #expect(try await app.post("\(path)/check-in", token: reg.admin.token).status == 409)
            #expect(try await app.post("\(path)/check-in", token: zoe.token).status == 403)

            let filtered = try await app.get("\(reg.base)/registrations?paymentStatus=paid&q=lef%C3%A8vre", token: reg.admin.token)
            #expect(filtered.json["items"].array.map { $0["id"] } == [second.json["id"]])
            #expect(try await app.get("\(reg.base)/registrations?status=confirmed", token: reg.admin.token).json["items"].array.count == 2)

            let csv = try await app.get("\(reg.base)/registrations", token: reg.admin.token, headers: ["Accept": "text/csv"])
            #expect(csv.status == 200)
            #expect(csv.text.hasPrefix("\u{FEFF}\"id\",\"status\""))
            #expect(csv.text.contains(#""'=HYPERLINK(""http://evil.example"")""#))
            #expect(csv.text.contains("\"Zoé Lefèvre\""))
            #expect(csv.text.contains("\"Université Rennes 2\""))
            #expect(try await app.get("\(reg.base)/registrations", token: zoe.token, headers: ["Accept": "text/csv"]).status == 403)

            let stats = try await app.get("\(reg.base)/registrations/stats", token: reg.admin.token)
            #expect(stats.json["categories"][0]["confirmed"] == 2)
            #expect(stats.json["categories"][0]["checkedIn"] == 1)
            #expect(stats.json["revenue"] == [["currency": "EUR", "paid": 4500, "outstanding": 4500]])
            #expect(try await app.get("\(reg.base)/registrations/stats", token: zoe.token).status == 403)
            _ = first
        }
    }

    @Test func badgesListConfirmedAttendeesByName() async throws {
        try await TestApp.run { app in
            let reg = try await OpenRegistration.make(app)
            let category = try await reg.category(app, capacity: 2)
            let zoe = try await app.signUp("Zoé Lefèvre", affiliation: "Université Rennes 2")
            let ana = try await app.signUp("Ana Lopes")
            let late = try await app.signUp("Aaron Late")
            _ = try await app.post("\(reg.base)/registrations", token: zoe.token, json: [
                "categoryId": .string(category), "accessibility": ["signLanguageInterpretation": true, "quietRoom": true],
            ])
            _ = try await app.post("\(reg.base)/registrations", token: ana.token, json: ["categoryId": .string(category)])
            #expect(try await app.post("\(reg.base)/registrations", token: late.token, json: ["categoryId": .string(category)]).json["status"] == "waitlisted")

            let badges = try await app.get("\(reg.base)/registrations/badges", token: reg.admin.token, headers: ["Accept-Language": "en"])
            #expect(badges.status == 200)
            #expect(badges.json["items"].array.map { $0["name"] } == ["Ana Lopes", "Zoé Lefèvre"])
            #expect(badges.json["items"][1]["category"] == "Student")
            #expect(badges.json["items"][1]["affiliation"] == "Université Rennes 2")
            #expect(badges.json["items"][1]["accessibility"] == ["signLanguageInterpretation", "quietRoom"])
            let csv = try await app.get("\(reg.base)/registrations/badges", token: reg.admin.token, headers: ["Accept": "text/csv"])
            #expect(csv.text.contains("\"Zoé Lefèvre\",\"Université Rennes 2\""))
            #expect(try await app.get("\(reg.base)/registrations/badges", token: zoe.token).status == 403)
        }
    }

    @Test func categoriesAreValidatedAndOrganizerOnly() async throws {
        try await TestApp.run { app in
            let reg = try await OpenRegistration.make(app)
            let claire = try await app.signUp("Claire")
            let bad = try await app.post("\(reg.base)/registration-categories", token: reg.admin.token,
                                         json: ["name": " ", "price": ["amount": -5, "currency": "euro"], "capacity": 0])
            #expect(Set(bad.errorFields) == ["name", "price.amount", "price.currency", "capacity"])
            #expect(try await app.post("\(reg.base)/registration-categories", token: claire.token,
                                       json: ["name": "X", "price": ["amount": 1, "currency": "EUR"]]).status == 403)
            #expect(try await app.post("\(reg.base)/registrations", token: claire.token, json: ["categoryId": .string(UUID().uuidString)]).errorFields == ["categoryId"])
            let free = try await reg.category(app, name: "Pair·e bénévole", amount: 0)
            let registered = try await app.post("\(reg.base)/registrations", token: claire.token, json: ["categoryId": .string(free)])
            #expect(registered.json["paymentStatus"] == "waived")
        }
    }
}

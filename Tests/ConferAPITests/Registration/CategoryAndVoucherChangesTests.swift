import Foundation
import Testing

@Suite("Registration: changing and deleting fee categories and vouchers")
struct CategoryAndVoucherChangesTests {
    @Test func aCategoryIsReadChangedAndGrowsIntoItsWaitingList() async throws {
        try await TestApp.run { app in
            let reg = try await OpenRegistration.make(app)
            let category = try await reg.category(app, capacity: 1)
            let path = "\(reg.base)/registration-categories/\(category)"
            var ids: [String] = []
            var people: [TestApp.User] = []
            for index in 0..<4 {
                let person = try await app.signUp("Personne\(index)")
                let reply = try await app.post("\(reg.base)/registrations", token: person.token, json: ["categoryId": .string(category)])
                ids.append(try #require(reply.json["id"].string))
                people.append(person)
            }
            let read = try await app.get(path, headers: ["Accept-Language": "en"])
            #expect(read.status == 200)
            #expect(read.json["name"] == "Student")
            #expect(read.json["confirmed"] == 1)
            #expect(read.json["remaining"] == 0)
            let etag = try #require(read.header("ETag"))

            // Two more places: the first two of the waiting list are confirmed at once and told by mail.
            let grown = try await app.patch(path, token: reg.admin.token, json: ["capacity": 3, "price": ["amount": 5000, "currency": "EUR"]],
                                            headers: ["If-Match": etag])
            #expect(grown.status == 200, "\(grown)")
            #expect(grown.json["confirmed"] == 3)
            #expect(grown.json["remaining"] == 0)
            #expect(grown.json["price"] == ["amount": 5000, "currency": "EUR"])
            #expect(try await app.get("\(reg.base)/registrations/\(ids[1])", token: people[1].token).json["status"] == "confirmed")
            #expect(try await app.get("\(reg.base)/registrations/\(ids[2])", token: people[2].token).json["status"] == "confirmed")
            let last = try await app.get("\(reg.base)/registrations/\(ids[3])", token: people[3].token)
            #expect(last.json["status"] == "waitlisted")
            #expect(last.json["waitlistPosition"] == 1)
            // What they paid is what they were charged when they registered.
            #expect(last.json["pricePaid"] == ["amount": 4500, "currency": "EUR"])
            let outbox = try await app.get("\(reg.base)/outbox", token: reg.admin.token).json["items"].array
            let promotions = outbox.filter { $0["kind"] == "registration-promoted" }
            #expect(Set(promotions.compactMap { $0["to"].string }) == [people[1].email, people[2].email])
            #expect(try await app.patch(path, token: reg.admin.token, json: ["capacity": 5], headers: ["If-Match": etag]).status == 412)

            // Never below who is confirmed; null makes it unlimited, which confirms the rest.
            let below = try await app.patch(path, token: reg.admin.token, json: ["capacity": 2])
            #expect(below.status == 409)
            #expect(below.json["type"].string?.hasSuffix("capacity-below-confirmed") == true)
            let unlimited = try await app.patch(path, token: reg.admin.token, json: ["capacity": nil, "description": nil])
            #expect(unlimited.json["capacity"].isNull)
            #expect(unlimited.json["remaining"].isNull)
            #expect(unlimited.json["confirmed"] == 4)
            #expect(try await app.patch(path, token: reg.admin.token, json: ["name": nil]).errorFields == ["name"])
            #expect(try await app.patch(path, token: reg.admin.token, json: ["price": ["amount": -1, "currency": "EUR"]]).errorFields == ["price.amount"])
            #expect(try await app.patch(path, token: people[0].token, json: ["capacity": 100]).status == 403)
            #expect(try await app.get("\(reg.base)/registration-categories/\(UUID().uuidString)").status == 404)
        }
    }

    @Test func aCategoryIsDeletedOnlyWhenNothingNamesIt() async throws {
        try await TestApp.run { app in
            let reg = try await OpenRegistration.make(app)
            let used = try await reg.category(app)
            let spare = try await reg.category(app, name: "Invité·e", amount: 0)
            let voucher = try await app.post("\(reg.base)/vouchers", token: reg.admin.token, json: [
                "code": "INVITE", "discountPercent": 100, "maxUses": 5, "categoryIds": [.string(spare)],
            ])
            let claire = try await app.signUp("Claire")
            let registration = try await app.post("\(reg.base)/registrations", token: claire.token, json: ["categoryId": .string(used)])
            _ = try await app.post("\(reg.base)/registrations/\(try #require(registration.json["id"].string))/cancel", token: claire.token)

            // Cancelled registrations still name it: registrations are never deleted.
            let held = try await app.delete("\(reg.base)/registration-categories/\(used)", token: reg.admin.token)
            #expect(held.status == 409)
            #expect(held.json["type"].string?.hasSuffix("category-in-use") == true)
            #expect(held.json["detail"].string?.contains("1 registration") == true)
            let byVoucher = try await app.delete("\(reg.base)/registration-categories/\(spare)", token: reg.admin.token)
            #expect(byVoucher.json["detail"].string?.contains("1 voucher") == true)

            let voucherPath = "\(reg.base)/vouchers/\(try #require(voucher.json["id"].string))"
            #expect(try await app.patch(voucherPath, token: reg.admin.token, json: ["categoryIds": []]).json["categoryIds"] == [])
            #expect(try await app.delete("\(reg.base)/registration-categories/\(spare)", token: claire.token).status == 403)
            #expect(try await app.delete("\(reg.base)/registration-categories/\(spare)", token: reg.admin.token).status == 204)
            #expect(try await app.get("\(reg.base)/registration-categories/\(spare)").status == 404)
            #expect(try await app.delete("\(reg.base)/registration-categories/\(spare)", token: reg.admin.token).status == 404)
            #expect(try await app.get("\(reg.base)/registration-categories").json["items"].array.count == 1)
        }
    }

    @Test func vouchersChangeWithinTheirUsesAndGoOnlyUnused() async throws {
        try await TestApp.run { app in
            let reg = try await OpenRegistration.make(app)
            let student = try await reg.category(app)
            let created = try await app.post("\(reg.base)/vouchers", token: reg.admin.token, json: [
                "code": "PAIRS-2019", "discountPercent": 50, "maxUses": 3, "validUntil": "2099-01-01T00:00:00Z",
            ])
            let path = "\(reg.base)/vouchers/\(try #require(created.json["id"].string))"
            let read = try await app.get(path, token: reg.admin.token)
            #expect(read.status == 200)
            #expect(read.json["code"] == "PAIRS-2019")
            #expect(read.header("ETag") == "\"1\"")
            let claire = try await app.signUp("Claire")
            #expect(try await app.get(path, token: claire.token).status == 403)
            #expect(try await app.get(path).status == 401)

            let forStudents = try await app.patch(path, token: reg.admin.token, json: [
                "categoryIds": [.string(student)], "validUntil": nil, "maxUses": 2,
            ], headers: ["If-Match": "\"1\""])
            #expect(forStudents.status == 200)
            #expect(forStudents.json["categoryIds"] == [.string(student)])
            #expect(forStudents.json["validUntil"].isNull)
            #expect(forStudents.json["maxUses"] == 2)
            #expect(forStudents.header("ETag") == "\"2\"")
            let unknown = try await app.patch(path, token: reg.admin.token, json: ["categoryIds": [.string(student), .string(UUID().uuidString)]])
            #expect(unknown.errorFields == ["categoryIds[1]"])
            #expect(try await app.patch(path, token: reg.admin.token, json: ["maxUses": nil]).errorFields == ["maxUses"])
            #expect(try await app.patch(path, token: reg.admin.token, json: ["maxUses": 0]).errorFields == ["maxUses"])

            let used = try await app.post("\(reg.base)/registrations", token: claire.token,
                                          json: ["categoryId": .string(student), "voucherCode": "pairs-2019"])
            #expect(used.json["pricePaid"] == ["amount": 2250, "currency": "EUR"])
            let inUse = try await app.delete(path, token: reg.admin.token)
            #expect(inUse.status == 409)
            #expect(inUse.json["type"].string?.hasSuffix("voucher-in-use") == true)
            // One use was made: the limit cannot go below it, and the voucher is ended by its date instead.
            let exhausted = try await app.patch(path, token: reg.admin.token, json: ["maxUses": 1, "categoryIds": []])
            #expect(exhausted.status == 200)
            #expect(exhausted.json["categoryIds"] == [])
            let ended = try await app.patch(path, token: reg.admin.token, json: ["validUntil": "2020-01-01T00:00:00Z"])
            #expect(ended.json["validUntil"] == "2020-01-01T00:00:00Z")

            let spare = try await app.post("\(reg.base)/vouchers", token: reg.admin.token, json: [
                "code": "SPARE", "discountAmount": ["amount": 1000, "currency": "EUR"], "maxUses": 1,
            ])
            let sparePath = "\(reg.base)/vouchers/\(try #require(spare.json["id"].string))"
            #expect(try await app.delete(sparePath, token: claire.token).status == 403)
            #expect(try await app.delete(sparePath, token: reg.admin.token).status == 204)
            #expect(try await app.get(sparePath, token: reg.admin.token).status == 404)
            #expect(try await app.get("\(reg.base)/vouchers", token: reg.admin.token).json["items"].array.count == 1)
        }
    }

    @Test func aVoucherCannotAllowFewerUsesThanWereMade() async throws {
        try await TestApp.run { app in
            let reg = try await OpenRegistration.make(app)
            let student = try await reg.category(app)
            let created = try await app.post("\(reg.base)/vouchers", token: reg.admin.token, json: ["code": "DEUX", "discountPercent": 10, "maxUses": 5])
            let path = "\(reg.base)/vouchers/\(try #require(created.json["id"].string))"
            for name in ["A", "B"] {
                let person = try await app.signUp(name)
                #expect(try await app.post("\(reg.base)/registrations", token: person.token,
                                           json: ["categoryId": .string(student), "voucherCode": "DEUX"]).status == 201)
            }
            let below = try await app.patch(path, token: reg.admin.token, json: ["maxUses": 1])
            #expect(below.status == 409)
            #expect(below.json["type"].string?.hasSuffix("voucher-uses-exceeded") == true)
            #expect(try await app.get(path, token: reg.admin.token).json["maxUses"] == 5)
        }
    }
}

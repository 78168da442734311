import Foundation
import Testing
@testable import ConferDomain

/// `RegistrationRules.register`: the one place that decides a registration's status, price and payment status.
@Suite("RegistrationRules.register")
struct RegistrationDecisionTests {
    static let categoryId = UUID(uuidString: "00000000-0000-0000-0000-0000000000CA")!
    static let now = Fixtures.instant("2019-06-15T10:00:00+02:00")
    static let attendee = Attendee(name: "Alice Martin", email: "alice@example.org", affiliation: nil, dietaryRequirements: nil,
                                   accessibility: AccessibilityNeeds())

    static func category(capacity: Int? = 100, confirmed: Int = 0, price: Int = 4500) -> RegistrationCategory {
        var category = RegistrationCategory(
            id: categoryId, conferenceId: Fixtures.conferenceId, texts: Translations(["fr": ["name": "Plein tarif"]]),
            price: Money(amount: price, currency: "EUR"), capacity: capacity, position: 1, createdAt: Fixtures.created,
            updatedAt: Fixtures.created, version: 1)
        category.confirmed = confirmed
        return category
    }

    static func voucher(percent: Int? = 100, categoryIds: [UUID] = [], uses: Int = 0, validUntil: Date? = nil) -> Voucher {
        Voucher(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000F1")!, conferenceId: Fixtures.conferenceId, code: "PAIRS2019",
            categoryIds: categoryIds, discountPercent: percent, discountAmount: nil, maxUses: 3, uses: uses, validUntil: validUntil,
            createdAt: Fixtures.created)
    }

    static func request(voucherCode: String? = nil) -> RegistrationRequest {
        RegistrationRequest(
            categoryId: categoryId, accountId: nil, name: nil, email: nil, affiliation: nil, dietaryRequirements: nil,
            accessibility: AccessibilityNeeds(), voucherCode: voucherCode)
    }

    static func decide(
        _ request: RegistrationRequest = request(), category: RegistrationCategory? = category(), voucher: Voucher? = nil
    ) throws(DomainError) -> RegistrationDecision {
        try RegistrationRules.register(
            request, attendee: attendee, accountId: Fixtures.alice.accountId, category: category, voucher: voucher,
            conferenceId: Fixtures.conferenceId, id: UUID(), now: now)
    }

    static func error(_ body: () throws(DomainError) -> RegistrationDecision) -> DomainError? {
        do { _ = try body(); return nil } catch { return error }
    }

    @Test func confirmedWhilePlacesRemainThenWaitlisted() throws {
        let lastPlace = try Self.decide(category: Self.category(capacity: 100, confirmed: 99))
        #expect(lastPlace.registration.status == .confirmed)
        #expect(lastPlace.event == .confirmed)
        let full = try Self.decide(category: Self.category(capacity: 100, confirmed: 100))
        #expect(full.registration.status == .waitlisted)
        #expect(full.event == .waitlisted)
        #expect(full.registration.waitlistPosition == nil, "storage numbers the queue")
        let unlimited = try Self.decide(category: Self.category(capacity: nil, confirmed: 5000))
        #expect(unlimited.registration.status == .confirmed)
    }

    @Test func theCategoryPriceIsOwedUnlessNothingIsLeftToPay() throws {
        let paying = try Self.decide()
        #expect(paying.registration.pricePaid == Money(amount: 4500, currency: "EUR"))
        #expect(paying.registration.paymentStatus == .unpaid)
        #expect(paying.voucherUsed == nil)
        let free = try Self.decide(category: Self.category(price: 0))
        #expect(free.registration.paymentStatus == .waived)
    }

    @Test func aVoucherLowersThePriceAndIsCounted() throws {
        let half = try Self.decide(Self.request(voucherCode: "pairs2019"), voucher: Self.voucher(percent: 50))
        #expect(half.registration.pricePaid.amount == 2250)
        #expect(half.registration.paymentStatus == .unpaid)
        #expect(half.registration.voucherCode == "PAIRS2019")
        #expect(half.voucherUsed?.code == "PAIRS2019")
        let full = try Self.decide(Self.request(voucherCode: "PAIRS2019"), voucher: Self.voucher(percent: 100))
        #expect(full.registration.pricePaid.amount == 0)
        #expect(full.registration.paymentStatus == .waived)
        // Waitlisted registrations keep their voucher use: the place they wait for is theirs at that price.
        let waiting = try Self.decide(Self.request(voucherCode: "PAIRS2019"), category: Self.category(capacity: 1, confirmed: 1),
                                      voucher: Self.voucher(percent: 100))
        #expect(waiting.registration.status == .waitlisted)
        #expect(waiting.voucherUsed != nil)
    }

    @Test func unusableVouchersAndUnknownCategoriesAreRefusedByField() {
        let unknown = Self.error { () throws(DomainError) in try Self.decide(Self.request(voucherCode: "NOPE-2019"), voucher: nil) }
        #expect(unknown?.fields == ["voucherCode"])
        let expired = Self.error { () throws(DomainError) in
            try Self.decide(Self.request(voucherCode: "PAIRS2019"), voucher: Self.voucher(validUntil: Fixtures.created))
        }
        #expect(expired?.fields == ["voucherCode"])
        let otherCategory = Self.error { () throws(DomainError) in
            try Self.decide(Self.request(voucherCode: "PAIRS2019"), voucher: Self.voucher(categoryIds: [UUID()]))
        }
        #expect(otherCategory?.fields == ["voucherCode"])
        let usedUp = Self.error { () throws(DomainError) in
            try Self.decide(Self.request(voucherCode: "PAIRS2019"), voucher: Self.voucher(uses: 3))
        }
        #expect(usedUp?.fields == ["voucherCode"])
        // The code rule is the one vouchers are created with: 3 to 64 letters, digits, - or _.
        for code in ["", "ab", String(repeating: "A", count: 65), "PAIRS 2019"] {
            let malformed = Self.error { () throws(DomainError) in try Self.decide(Self.request(voucherCode: code), voucher: Self.voucher()) }
            #expect(malformed?.fields == ["voucherCode"], "\(code)")
        }
        let noCategory = Self.error { () throws(DomainError) in try Self.decide(category: nil) }
        #expect(noCategory?.fields == ["categoryId"])
    }

    @Test func registrationsAreSeenByTheirAttendeeAndOrganizersOnly() throws {
        let registration = try Self.decide().registration
        #expect(RegistrationRules.isVisible(registration, to: ConferenceAccess(caller: Fixtures.alice, roles: [])))
        #expect(RegistrationRules.isVisible(registration, to: ConferenceAccess(caller: Fixtures.bob, roles: [.organizer])))
        #expect(RegistrationRules.isVisible(registration, to: ConferenceAccess(caller: Fixtures.admin, roles: [])))
        #expect(!RegistrationRules.isVisible(registration, to: ConferenceAccess(caller: Fixtures.bob, roles: [.reviewer])))
        #expect(!RegistrationRules.isVisible(registration, to: ConferenceAccess(caller: nil, roles: [])))
    }

    @Test func aConfirmedCancellationFreesAPlaceForTheFirstWaiting() throws {
        let confirmed = try Self.decide().registration
        #expect(RegistrationState.freesPlace(confirmed))
        var waiting = try Self.decide(category: Self.category(capacity: 1, confirmed: 1)).registration
        #expect(!RegistrationState.freesPlace(waiting))
        waiting.waitlistPosition = 1
        let promoted = RegistrationState.promote(waiting, now: Self.now)
        #expect(promoted.status == .confirmed)
        #expect(promoted.waitlistPosition == nil)
        #expect(promoted.updatedAt == Self.now)
        #expect(Notices.letters(for: .registration(promoted, .promoted, at: Self.now), conference: try Fixtures.referenceConference()).map(\.kind) == [.registrationPromoted])
        #expect(Notices.letters(for: .registration(confirmed, .confirmed, at: Self.now), conference: try Fixtures.referenceConference()).map(\.kind) == [.registrationConfirmed])
    }
}

import Foundation
import Testing
@testable import ConferDomain

/// Shared data of the registration rules tests.
private enum R {
    static let categoryId = UUID(uuidString: "00000000-0000-0000-0000-0000000000CA")!
    static let otherCategoryId = UUID(uuidString: "00000000-0000-0000-0000-0000000000CB")!
    static let voucherId = UUID(uuidString: "00000000-0000-0000-0000-0000000000F1")!
    static let registrationId = UUID(uuidString: "00000000-0000-0000-0000-0000000000E1")!
    static let now = Fixtures.instant("2019-06-15T10:00:00+02:00")
    static let eur4500 = Money(amount: 4500, currency: "EUR")

    static func conflictCode(_ error: DomainError?) -> String? {
        if case .conflict(let code, _)? = error { return code }
        return nil
    }

    /// A category of the reference conference as storage returns it.
    static func category(price: Money = eur4500, id: UUID = categoryId) -> RegistrationCategory {
        RegistrationCategory(
            id: id, conferenceId: Fixtures.conferenceId, texts: Translations(["fr": ["name": "Plein tarif"]]), price: price,
            capacity: 100, position: 0, createdAt: Fixtures.created, updatedAt: Fixtures.created, version: 1)
    }

    static func voucher(
        percent: Int? = nil, amount: Money? = nil, categoryIds: [UUID] = [], maxUses: Int = 10, uses: Int = 0,
        validUntil: Date? = nil
    ) -> Voucher {
        Voucher(
            id: voucherId, conferenceId: Fixtures.conferenceId, code: "PAIRS2019", categoryIds: categoryIds,
            discountPercent: percent, discountAmount: amount, maxUses: maxUses, uses: uses, validUntil: validUntil,
            createdAt: Fixtures.created)
    }

    static func attendee(
        name: String = "Alice Martin", email: String = "alice@example.org", affiliation: String? = nil,
        dietaryRequirements: String? = nil, accessibility: AccessibilityNeeds = AccessibilityNeeds()
    ) -> Attendee {
        Attendee(name: name, email: email, affiliation: affiliation, dietaryRequirements: dietaryRequirements, accessibility: accessibility)
    }

    static func registration(
        status: RegistrationStatus, waitlistPosition: Int? = nil, checkedInAt: Date? = nil, cancelledAt: Date? = nil
    ) -> Registration {
        Registration(
            id: registrationId, conferenceId: Fixtures.conferenceId, categoryId: categoryId, accountId: Fixtures.alice.accountId,
            status: status, waitlistPosition: waitlistPosition, attendee: attendee(), voucherCode: nil, pricePaid: eur4500,
            paymentStatus: .unpaid, checkedInAt: checkedInAt, cancelledAt: cancelledAt, createdAt: Fixtures.created,
            updatedAt: Fixtures.created, version: 3)
    }
}

// MARK: - category()

@Suite("RegistrationRules.category")
struct RegistrationCategoryRulesTests {
    static func make(
        name: String = "Étudiant", description: String? = nil, translations: Translations? = nil, price: Money = R.eur4500,
        capacity: Int? = nil, conference: Conference? = nil
    ) throws -> RegistrationCategory {
        let conference = try conference ?? Fixtures.referenceConference()
        return try RegistrationRules.category(
            name: name, description: description, translations: translations, price: price, capacity: capacity,
            conference: conference, id: R.categoryId, now: R.now)
    }

    static func fields(
        name: String = "Étudiant", description: String? = nil, translations: Translations? = nil, price: Money = R.eur4500,
        capacity: Int? = nil
    ) throws -> [String] {
        let conference = try Fixtures.referenceConference()
        let error = domainError { () throws(DomainError) in
            try RegistrationRules.category(
                name: name, description: description, translations: translations, price: price, capacity: capacity,
                conference: conference, id: R.categoryId, now: R.now)
        }
        return try #require(error).fields
    }

    @Test("A valid category gets the id, conference, price, capacity, dates, position 0 and version 1")
    func valid() throws {
        let category = try Self.make(name: "Étudiant", price: Money(amount: 4500, currency: "EUR"), capacity: 80)
        #expect(category.id == R.categoryId)
        #expect(category.conferenceId == Fixtures.conferenceId)
        #expect(category.price == Money(amount: 4500, currency: "EUR"))
        #expect(category.capacity == 80)
        #expect(category.confirmed == 0)
        #expect(category.remaining == 80)
        #expect(category.position == 0)
        #expect(category.createdAt == R.now)
        #expect(category.updatedAt == R.now)
        #expect(category.version == 1)
    }

    // name

    @Test("The name is required: blank or empty is refused on `name`", arguments: ["", " ", "  \n\t "])
    func blankName(name: String) throws {
        #expect(try Self.fields(name: name) == ["name"])
    }

    @Test("The name is stored trimmed")
    func nameTrimmed() throws {
        let category = try Self.make(name: "  Étudiant \n")
        #expect(category.texts.text("name", in: "fr") == "Étudiant")
    }

    @Test("The name may be 200 characters, not 201 (counted trimmed, in characters)")
    func nameLimit() throws {
        let longest = String(repeating: "é", count: 200)
        #expect(try Self.make(name: "  " + longest + "  ").texts.text("name", in: "fr") == longest)
        #expect(try Self.fields(name: longest + "é") == ["name"])
    }

    @Test("A name with a NUL character is refused")
    func nameWithNul() throws {
        #expect(try Self.fields(name: "Étu\u{0}diant") == ["name"])
    }

    // description

    @Test("The description may be 2000 characters, not 2001")
    func descriptionLimit() throws {
        let longest = String(repeating: "x", count: 2000)
        #expect(try Self.make(description: longest).texts.text("description", in: "fr") == longest)
        #expect(try Self.fields(description: longest + "x") == ["description"])
    }

    @Test("The description is stored trimmed; a blank one is no description")
    func descriptionTrimmed() throws {
        #expect(try Self.make(description: "  Tarif réduit \n").texts.text("description", in: "fr") == "Tarif réduit")
        #expect(try Self.make(description: "   ").texts.text("description", in: "fr") == nil)
        #expect(try Self.make(description: nil).texts.text("description", in: "fr") == nil)
    }

    // price

    @Test("The price amount must be from 0 to 100,000,000 minor units", arguments: [-1, -4500, 100_000_001, Int.max, Int.min])
    func priceAmountOutOfRange(amount: Int) throws {
        #expect(try Self.fields(price: Money(amount: amount, currency: "EUR")) == ["price.amount"])
    }

    @Test("Free and the most expensive prices are accepted", arguments: [0, 1, 100_000_000])
    func priceAmountBounds(amount: Int) throws {
        #expect(try Self.make(price: Money(amount: amount, currency: "EUR")).price == Money(amount: amount, currency: "EUR"))
    }

    @Test("The currency must be three uppercase ASCII letters",
          arguments: ["eur", "Eur", "EU", "EURO", "", "E1R", "€UR", "ÉUR", " EUR", "EU R"])
    func badCurrency(currency: String) throws {
        #expect(try Self.fields(price: Money(amount: 4500, currency: currency)) == ["price.currency"])
    }

    @Test("Any three uppercase letters are taken as a currency", arguments: ["EUR", "USD", "CHF", "XOF"])
    func goodCurrency(currency: String) throws {
        #expect(try Self.make(price: Money(amount: 4500, currency: currency)).price.currency == currency)
    }

    // capacity

    @Test("A capacity must be from 1 to 1,000,000", arguments: [0, -1, 1_000_001])
    func badCapacity(capacity: Int) throws {
        #expect(try Self.fields(capacity: capacity) == ["capacity"])
    }

    @Test("Capacity bounds and unlimited (nil) are accepted", arguments: [1, 1_000_000, nil] as [Int?])
    func goodCapacity(capacity: Int?) throws {
        #expect(try Self.make(capacity: capacity).capacity == capacity)
    }

    @Test("Every mistake is reported at once, in field order")
    func allIssues() throws {
        let fields = try Self.fields(
            name: " ", description: String(repeating: "x", count: 2001), price: Money(amount: -1, currency: "eur"), capacity: 0)
        #expect(fields == ["name", "description", "price.amount", "price.currency", "capacity"])
    }

    // texts and translations

    @Test("Plain texts are stored in the conference's first language (fr), the others as translations")
    func textsByLanguage() throws {
        let category = try Self.make(
            name: "Étudiant", description: "Tarif réduit sur justificatif",
            translations: Translations(["en": ["name": "Student", "description": "Reduced fee, proof required"]]))
        #expect(category.texts == Translations([
            "fr": ["name": "Étudiant", "description": "Tarif réduit sur justificatif"],
            "en": ["name": "Student", "description": "Reduced fee, proof required"],
        ]))
    }

    @Test("When the first language is English, plain texts are stored in English")
    func textsInFirstLanguageEnglish() throws {
        var conference = try Fixtures.referenceConference()
        conference.languages = ["en", "fr"]
        let category = try Self.make(
            name: "Student", translations: Translations(["fr": ["name": "Étudiant"]]), conference: conference)
        #expect(category.texts == Translations(["en": ["name": "Student"], "fr": ["name": "Étudiant"]]))
    }

    @Test("Translations are trimmed, and an empty translation is dropped")
    func translationsTrimmed() throws {
        let category = try Self.make(
            name: "Étudiant", translations: Translations(["en": ["name": "  Student  ", "description": ""]]))
        #expect(category.texts == Translations(["fr": ["name": "Étudiant"], "en": ["name": "Student"]]))
    }

    @Test("The plain name wins over a first-language translation of the name")
    func plainNameWins() throws {
        let category = try Self.make(
            name: "Étudiant", translations: Translations(["fr": ["name": "Autre"], "en": ["name": "Student"]]))
        #expect(category.texts.text("name", in: "fr") == "Étudiant")
        #expect(category.texts.text("name", in: "en") == "Student")
    }

    @Test("A translation in a language the conference does not have is refused", arguments: ["de", "es", "fr-CA", "EN"])
    func unknownLanguage(language: String) throws {
        #expect(try Self.fields(translations: Translations([language: ["name": "Student"]])) == ["translations.\(language)"])
    }

    @Test("Only name and description can be translated")
    func untranslatableField() throws {
        #expect(try Self.fields(translations: Translations(["en": ["price": "45"]])) == ["translations.en.price"])
    }

    @Test("Translated texts have the same limits as the plain ones")
    func translationLimits() throws {
        let fields = try Self.fields(translations: Translations([
            "en": ["name": String(repeating: "n", count: 201), "description": String(repeating: "d", count: 2001)],
        ]))
        #expect(fields == ["translations.en.description", "translations.en.name"])
        let longest = Translations(["en": ["name": String(repeating: "n", count: 200), "description": String(repeating: "d", count: 2000)]])
        #expect(try Self.make(translations: longest).texts.byLanguage["en"] == longest.byLanguage["en"])
    }

    @Test("A blank (not empty) translated name is refused")
    func blankTranslatedName() throws {
        #expect(try Self.fields(translations: Translations(["en": ["name": "   "]])) == ["translations.en.name"])
    }

    @Test("A description given only as a first-language translation is kept when the plain description is absent")
    func firstLanguageDescriptionTranslationKept() throws {
        let category = try Self.make(
            name: "Étudiant", description: nil, translations: Translations(["fr": ["description": "Tarif réduit"]]))
        #expect(category.texts.text("description", in: "fr") == "Tarif réduit")
    }
}

// MARK: - checkWindow()

@Suite("RegistrationRules.checkWindow")
struct RegistrationWindowTests {
    static func error(at now: Date, isOrganizer: Bool = false, conference: Conference? = nil) throws -> DomainError? {
        let conference = try conference ?? Fixtures.referenceConference()
        return domainError { () throws(DomainError) in
            try RegistrationRules.checkWindow(conference, isOrganizer: isOrganizer, now: now)
        }
    }

    @Test("Before registration opens, attendees are refused with a registration-closed conflict",
          arguments: [Fixtures.created, Fixtures.instant("2019-03-31T23:59:59+02:00")])
    func beforeOpens(now: Date) throws {
        let error = try Self.error(at: now)
        #expect(R.conflictCode(error) == "registration-closed")
        guard case .conflict(_, let detail)? = error else { return }
        #expect(detail.hasPrefix("Registration opens on 2019-03-31T22:00:00Z"))
    }

    @Test("After registration closes, attendees are refused with a registration-closed conflict",
          arguments: [Fixtures.instant("2019-11-14T00:00:00+01:00"), Fixtures.instant("2020-01-01T00:00:00Z")])
    func afterCloses(now: Date) throws {
        let error = try Self.error(at: now)
        #expect(R.conflictCode(error) == "registration-closed")
        guard case .conflict(_, let detail)? = error else { return }
        #expect(detail.hasPrefix("Registration closed on 2019-11-13T22:59:59Z"))
    }

    @Test("Inside the window, bounds included, attendees may register",
          arguments: [Fixtures.registrationOpens, Fixtures.instant("2019-06-15T10:00:00+02:00"), Fixtures.registrationCloses])
    func inside(now: Date) throws {
        #expect(try Self.error(at: now) == nil)
    }

    @Test("Organizers register people any time: before, inside and after the window",
          arguments: [Fixtures.created, Fixtures.registrationOpens, Fixtures.instant("2020-01-01T00:00:00Z")])
    func organizersAlways(now: Date) throws {
        #expect(try Self.error(at: now, isOrganizer: true) == nil)
    }

    @Test("Without an opening date, registration is open until it closes")
    func noOpening() throws {
        var conference = try Fixtures.referenceConference()
        conference.registrationOpens = nil
        #expect(try Self.error(at: Fixtures.instant(year: 1900), conference: conference) == nil)
        #expect(R.conflictCode(try Self.error(at: Fixtures.instant("2019-11-14T00:00:00+01:00"), conference: conference)) == "registration-closed")
    }

    @Test("Without a closing date, registration stays open once opened")
    func noClosing() throws {
        var conference = try Fixtures.referenceConference()
        conference.registrationCloses = nil
        #expect(try Self.error(at: Fixtures.instant(year: 2100), conference: conference) == nil)
        #expect(R.conflictCode(try Self.error(at: Fixtures.created, conference: conference)) == "registration-closed")
    }

    @Test("Without either date, registration never refuses", arguments: [Fixtures.instant(year: 1900), Fixtures.created, Fixtures.instant(year: 2100)])
    func noBounds(now: Date) throws {
        var conference = try Fixtures.referenceConference()
        conference.registrationOpens = nil
        conference.registrationCloses = nil
        #expect(try Self.error(at: now, conference: conference) == nil)
    }
}

// MARK: - attendee()

@Suite("RegistrationRules.attendee")
struct RegistrationAttendeeTests {
    static func fields(_ attendee: Attendee) throws -> [String] {
        try #require(domainError { () throws(DomainError) in try RegistrationRules.attendee(attendee) }).fields
    }

    @Test("A valid attendee is returned unchanged")
    func valid() throws {
        var needs = AccessibilityNeeds()
        needs.wheelchairAccess = true
        needs.other = "Sous-titrage"
        let attendee = R.attendee(affiliation: "Université Rennes 2", dietaryRequirements: "Végétarien", accessibility: needs)
        #expect(try RegistrationRules.attendee(attendee) == attendee)
    }

    @Test("Name and email are trimmed")
    func trimmed() throws {
        let clean = try RegistrationRules.attendee(R.attendee(name: "  Alice Martin\n", email: " alice@example.org\t"))
        #expect(clean.name == "Alice Martin")
        #expect(clean.email == "alice@example.org")
    }

    @Test("Optional texts are trimmed")
    func optionalTextsTrimmed() throws {
        var needs = AccessibilityNeeds()
        needs.other = "  Quiet seat \n"
        let clean = try RegistrationRules.attendee(
            R.attendee(affiliation: " Université Rennes 2 ", dietaryRequirements: "\tVegan ", accessibility: needs))
        #expect(clean.affiliation == "Université Rennes 2")
        #expect(clean.dietaryRequirements == "Vegan")
        #expect(clean.accessibility.other == "Quiet seat")
    }

    @Test("Empty or blank optional texts become nil", arguments: ["", "   ", "\n\t"])
    func emptyOptionalTextsBecomeNil(blank: String) throws {
        var needs = AccessibilityNeeds()
        needs.other = blank
        let clean = try RegistrationRules.attendee(R.attendee(affiliation: blank, dietaryRequirements: blank, accessibility: needs))
        #expect(clean.affiliation == nil)
        #expect(clean.dietaryRequirements == nil)
        #expect(clean.accessibility.other == nil)
        #expect(clean.accessibility.isEmpty)
    }

    @Test("Accessibility flags are kept as given")
    func flagsKept() throws {
        var needs = AccessibilityNeeds()
        needs.signLanguageInterpretation = true
        needs.hearingLoop = true
        needs.companion = true
        #expect(try RegistrationRules.attendee(R.attendee(accessibility: needs)).accessibility == needs)
    }

    @Test("A blank name is refused", arguments: ["", "  ", "\n"])
    func blankName(name: String) throws {
        #expect(try Self.fields(R.attendee(name: name)) == ["name"])
    }

    @Test("The name may be 200 characters, not 201")
    func nameLimit() throws {
        let longest = String(repeating: "a", count: 200)
        #expect(try RegistrationRules.attendee(R.attendee(name: longest)).name == longest)
        #expect(try Self.fields(R.attendee(name: longest + "a")) == ["name"])
    }

    @Test("An email that is not an address is refused",
          arguments: ["", "  ", "alice", "alice@", "@example.org", "alice@example", "alice@@example.org", "alice martin@example.org",
                      "alice@example..org", "alice@-example.org"])
    func badEmail(email: String) throws {
        #expect(try Self.fields(R.attendee(email: email)) == ["email"])
    }

    @Test("Plausible emails are accepted", arguments: ["alice@example.org", "a.martin+confer@univ-rennes2.fr", "ALICE@EXAMPLE.ORG"])
    func goodEmail(email: String) throws {
        #expect(try RegistrationRules.attendee(R.attendee(email: email)).email == email)
    }

    @Test("The affiliation may be 300 characters, not 301")
    func affiliationLimit() throws {
        let longest = String(repeating: "u", count: 300)
        #expect(try RegistrationRules.attendee(R.attendee(affiliation: longest)).affiliation == longest)
        #expect(try Self.fields(R.attendee(affiliation: longest + "u")) == ["affiliation"])
    }

    @Test("Dietary requirements may be 2000 characters, not 2001")
    func dietaryLimit() throws {
        let longest = String(repeating: "d", count: 2000)
        #expect(try RegistrationRules.attendee(R.attendee(dietaryRequirements: longest)).dietaryRequirements == longest)
        #expect(try Self.fields(R.attendee(dietaryRequirements: longest + "d")) == ["dietaryRequirements"])
    }

    @Test("Other accessibility needs may be 2000 characters, not 2001, counted trimmed")
    func accessibilityOtherLimit() throws {
        let longest = String(repeating: "o", count: 2000)
        var needs = AccessibilityNeeds()
        needs.other = "  " + longest + "  "
        #expect(try RegistrationRules.attendee(R.attendee(accessibility: needs)).accessibility.other == longest)
        needs.other = longest + "o"
        #expect(try Self.fields(R.attendee(accessibility: needs)) == ["accessibility.other"])
    }

    @Test("Every mistake is reported at once")
    func allIssues() throws {
        var needs = AccessibilityNeeds()
        needs.other = String(repeating: "o", count: 2001)
        let attendee = R.attendee(
            name: " ", email: "nope", affiliation: String(repeating: "u", count: 301),
            dietaryRequirements: String(repeating: "d", count: 2001), accessibility: needs)
        #expect(try Self.fields(attendee) == ["name", "email", "affiliation", "dietaryRequirements", "accessibility.other"])
    }
}

// MARK: - voucher()

@Suite("RegistrationRules.voucher")
struct RegistrationVoucherRulesTests {
    static func make(
        code: String = "PAIRS2019", categoryIds: [UUID] = [], percent: Int? = 20, amount: Money? = nil, maxUses: Int = 10,
        validUntil: Date? = nil
    ) throws -> Voucher {
        try RegistrationRules.voucher(
            code: code, categoryIds: categoryIds, discountPercent: percent, discountAmount: amount, maxUses: maxUses,
            validUntil: validUntil, conferenceId: Fixtures.conferenceId, id: R.voucherId, now: R.now)
    }

    static func fields(
        code: String = "PAIRS2019", percent: Int? = 20, amount: Money? = nil, maxUses: Int = 10
    ) throws -> [String] {
        let error = domainError { () throws(DomainError) in
            try RegistrationRules.voucher(
                code: code, categoryIds: [], discountPercent: percent, discountAmount: amount, maxUses: maxUses,
                validUntil: nil, conferenceId: Fixtures.conferenceId, id: R.voucherId, now: R.now)
        }
        return try #require(error).fields
    }

    @Test("A valid voucher keeps its fields and starts unused")
    func valid() throws {
        let until = Fixtures.registrationCloses
        let voucher = try Self.make(code: "PAIRS2019", categoryIds: [R.categoryId], percent: 20, maxUses: 50, validUntil: until)
        #expect(voucher == Voucher(
            id: R.voucherId, conferenceId: Fixtures.conferenceId, code: "PAIRS2019", categoryIds: [R.categoryId],
            discountPercent: 20, discountAmount: nil, maxUses: 50, uses: 0, validUntil: until, createdAt: R.now))
    }

    @Test("The code is trimmed and uppercased")
    func codeNormalized() throws {
        #expect(try Self.make(code: "  pairs-2019_b \n").code == "PAIRS-2019_B")
    }

    @Test("Codes of 3 to 64 letters, digits, - or _ are accepted", arguments: ["ABC", "a-b", "___", "123", String(repeating: "Z", count: 64)])
    func goodCode(code: String) throws {
        #expect(try Self.make(code: code).code == code.uppercased())
    }

    @Test("Other codes are refused on `code`",
          arguments: ["", "AB", "  AB  ", String(repeating: "Z", count: 65), "PAIRS 2019", "PAIRS.2019", "PAIRS/2019", "ÉTÉ2019",
                      "PAIRS€", "CODE!", "😀😀😀"])
    func badCode(code: String) throws {
        #expect(try Self.fields(code: code) == ["code"])
    }

    @Test("A percentage discount alone is accepted")
    func percentOnly() throws {
        let voucher = try Self.make(percent: 50, amount: nil)
        #expect(voucher.discountPercent == 50)
        #expect(voucher.discountAmount == nil)
    }

    @Test("An amount discount alone is accepted")
    func amountOnly() throws {
        let voucher = try Self.make(percent: nil, amount: Money(amount: 1000, currency: "EUR"))
        #expect(voucher.discountPercent == nil)
        #expect(voucher.discountAmount == Money(amount: 1000, currency: "EUR"))
    }

    @Test("Both kinds of discount at once are refused")
    func bothDiscounts() throws {
        #expect(try Self.fields(percent: 20, amount: Money(amount: 1000, currency: "EUR")) == ["discountPercent"])
    }

    @Test("No discount at all is refused")
    func noDiscount() throws {
        #expect(try Self.fields(percent: nil, amount: nil) == ["discountPercent"])
    }

    @Test("The percentage must be from 1 to 100", arguments: [0, -5, 101, 1_000])
    func badPercent(percent: Int) throws {
        #expect(try Self.fields(percent: percent) == ["discountPercent"])
    }

    @Test("Percentage bounds are accepted", arguments: [1, 100])
    func percentBounds(percent: Int) throws {
        #expect(try Self.make(percent: percent).discountPercent == percent)
    }

    @Test("An amount discount is checked like a price")
    func badAmount() throws {
        #expect(try Self.fields(percent: nil, amount: Money(amount: -1, currency: "EUR")) == ["discountAmount.amount"])
        // A discount of nothing is a mistake, not a voucher.
        #expect(try Self.fields(percent: nil, amount: Money(amount: 0, currency: "EUR")) == ["discountAmount.amount"])
        #expect(try Self.fields(percent: nil, amount: Money(amount: 100_000_001, currency: "EUR")) == ["discountAmount.amount"])
        #expect(try Self.fields(percent: nil, amount: Money(amount: 1000, currency: "eur")) == ["discountAmount.currency"])
    }

    @Test("A voucher must allow at least one use, and at most 1,000,000", arguments: [0, -1, 1_000_001])
    func badMaxUses(maxUses: Int) throws {
        #expect(try Self.fields(maxUses: maxUses) == ["maxUses"])
    }

    @Test("Use count bounds are accepted", arguments: [1, 1_000_000])
    func maxUsesBounds(maxUses: Int) throws {
        #expect(try Self.make(maxUses: maxUses).maxUses == maxUses)
    }

    @Test("Every mistake is reported at once")
    func allIssues() throws {
        #expect(try Self.fields(code: "x", percent: 0, maxUses: 0) == ["code", "discountPercent", "maxUses"])
    }
}

// MARK: - price()

@Suite("RegistrationRules.price")
struct RegistrationPriceTests {
    static func price(_ amount: Int, currency: String = "EUR", voucher: Voucher?) -> Money {
        RegistrationRules.price(R.category(price: Money(amount: amount, currency: currency)), voucher: voucher)
    }

    @Test("Without a voucher, the full price")
    func noVoucher() {
        #expect(Self.price(4500, voucher: nil) == Money(amount: 4500, currency: "EUR"))
    }

    @Test("50% of 4500 is 2250")
    func half() {
        #expect(Self.price(4500, voucher: R.voucher(percent: 50)) == Money(amount: 2250, currency: "EUR"))
    }

    @Test("33% of 4500 is a discount of 1485, so 3015 is paid")
    func thirtyThree() {
        #expect(Self.price(4500, voucher: R.voucher(percent: 33)) == Money(amount: 3015, currency: "EUR"))
    }

    @Test("The discount is rounded to the nearest minor unit, halves up",
          arguments: [
            (4501, 50, 2250),  // discount 2250.5 → 2251
            (4505, 10, 4054),  // discount 450.5 → 451
            (4501, 33, 3016),  // discount 1485.33 → 1485
            (4502, 33, 3016),  // discount 1485.66 → 1486
            (1, 50, 0),  // discount 0.5 → 1
            (1, 49, 1),  // discount 0.49 → 0
          ])
    func rounding(amount: Int, percent: Int, expected: Int) {
        #expect(Self.price(amount, voucher: R.voucher(percent: percent)) == Money(amount: expected, currency: "EUR"))
    }

    @Test("100% makes it free; a free category stays free")
    func free() {
        #expect(Self.price(4500, voucher: R.voucher(percent: 100)) == Money(amount: 0, currency: "EUR"))
        #expect(Self.price(0, voucher: R.voucher(percent: 50)) == Money(amount: 0, currency: "EUR"))
    }

    @Test("The largest price with the largest discount does not overflow")
    func largest() {
        #expect(Self.price(100_000_000, voucher: R.voucher(percent: 99)) == Money(amount: 1_000_000, currency: "EUR"))
    }

    @Test("An amount discount in the category's currency is taken off the price")
    func amountDiscount() {
        #expect(Self.price(4500, voucher: R.voucher(amount: Money(amount: 1000, currency: "EUR"))) == Money(amount: 3500, currency: "EUR"))
    }

    @Test("An amount discount never takes the price below zero", arguments: [4500, 4501, 100_000_000])
    func amountNeverBelowZero(discount: Int) {
        #expect(Self.price(4500, voucher: R.voucher(amount: Money(amount: discount, currency: "EUR"))) == Money(amount: 0, currency: "EUR"))
    }

    @Test("An amount discount in another currency is ignored")
    func otherCurrencyIgnored() {
        #expect(Self.price(4500, voucher: R.voucher(amount: Money(amount: 1000, currency: "USD"))) == Money(amount: 4500, currency: "EUR"))
    }

    @Test("The price stays in the category's currency", arguments: ["EUR", "USD", "CHF"])
    func currencyKept(currency: String) {
        #expect(Self.price(4500, currency: currency, voucher: R.voucher(percent: 50)).currency == currency)
    }
}

// MARK: - voucherProblem()

@Suite("RegistrationRules.voucherProblem")
struct RegistrationVoucherProblemTests {
    static func problem(_ voucher: Voucher?, categoryId: UUID = R.categoryId, price: Money = R.eur4500, now: Date = R.now) -> String? {
        RegistrationRules.voucherProblem(voucher, categoryId: categoryId, category: R.category(price: price, id: categoryId), now: now)
    }

    @Test("No voucher (unknown code) is a problem")
    func noVoucher() {
        #expect(Self.problem(nil) == "is not a voucher of this conference")
    }

    @Test("A usable voucher has no problem; empty categoryIds means every category")
    func usable() {
        #expect(Self.problem(R.voucher(percent: 20)) == nil)
        #expect(Self.problem(R.voucher(percent: 20), categoryId: R.otherCategoryId) == nil)
    }

    @Test("An expired voucher is refused")
    func expired() throws {
        let until = Fixtures.instant("2019-06-01T00:00:00Z")
        let problem = try #require(Self.problem(R.voucher(percent: 20, validUntil: until)))
        #expect(problem == "expired on 2019-06-01T00:00:00Z")
    }

    @Test("A voucher is usable up to and including its last instant")
    func validUntilInclusive() {
        #expect(Self.problem(R.voucher(percent: 20, validUntil: R.now)) == nil)
        #expect(Self.problem(R.voucher(percent: 20, validUntil: R.now.addingTimeInterval(1))) == nil)
        #expect(Self.problem(R.voucher(percent: 20, validUntil: R.now.addingTimeInterval(-1))) != nil)
    }

    @Test("A voucher limited to other categories is refused")
    func wrongCategory() {
        #expect(Self.problem(R.voucher(percent: 20, categoryIds: [R.otherCategoryId])) == "is not valid for this category")
    }

    @Test("A voucher limited to this category (among others) is usable")
    func rightCategory() {
        #expect(Self.problem(R.voucher(percent: 20, categoryIds: [R.otherCategoryId, R.categoryId])) == nil)
    }

    @Test("A voucher used as many times as it allows is refused", arguments: [(1, 1), (10, 10), (10, 11)])
    func exhausted(maxUses: Int, uses: Int) {
        #expect(Self.problem(R.voucher(percent: 20, maxUses: maxUses, uses: uses)) == "has been used as many times as it allows")
    }

    @Test("A voucher with one use left is usable")
    func oneUseLeft() {
        #expect(Self.problem(R.voucher(percent: 20, maxUses: 10, uses: 9)) == nil)
    }

    @Test("An amount voucher in another currency than the category's price is refused")
    func currencyMismatch() {
        #expect(Self.problem(R.voucher(amount: Money(amount: 1000, currency: "USD")))
            == "is in USD, the category's price is in EUR")
    }

    @Test("An amount voucher in the category's currency is usable; a percentage fits any currency")
    func currencyMatch() {
        #expect(Self.problem(R.voucher(amount: Money(amount: 1000, currency: "EUR"))) == nil)
        #expect(Self.problem(R.voucher(percent: 20), price: Money(amount: 5000, currency: "USD")) == nil)
    }
}

// MARK: - RegistrationState

@Suite("RegistrationState")
struct RegistrationStateTests {
    static let doorTime = Fixtures.instant("2019-11-14T08:30:00+01:00")

    static func cancelError(_ r: Registration) -> DomainError? {
        domainError { () throws(DomainError) in try RegistrationState.cancel(r, now: R.now) }
    }

    static func checkInError(_ r: Registration) -> DomainError? {
        domainError { () throws(DomainError) in try RegistrationState.checkIn(r, now: doorTime) }
    }

    // cancel

    @Test("Cancelling a confirmed registration records cancelledAt and updatedAt; storage bumps the version")
    func cancelConfirmed() throws {
        let confirmed = R.registration(status: .confirmed)
        var expected = confirmed
        expected.status = .cancelled
        expected.cancelledAt = R.now
        expected.updatedAt = R.now
        #expect(try RegistrationState.cancel(confirmed, now: R.now) == expected)
    }

    @Test("Cancelling a waitlisted registration leaves the waiting list")
    func cancelWaitlisted() throws {
        let cancelled = try RegistrationState.cancel(R.registration(status: .waitlisted, waitlistPosition: 3), now: R.now)
        #expect(cancelled.status == .cancelled)
        #expect(cancelled.waitlistPosition == nil)
        #expect(cancelled.cancelledAt == R.now)
        #expect(cancelled.updatedAt == R.now)
    }

    @Test("A cancelled registration cannot be cancelled again")
    func cancelTwice() throws {
        let cancelled = try RegistrationState.cancel(R.registration(status: .confirmed), now: R.now)
        #expect(Self.cancelError(cancelled) == .conflict(code: "already-cancelled", detail: "This registration is already cancelled."))
    }

    @Test("Cancelling again keeps the first cancellation instant (the error leaves it untouched)")
    func cancelTwiceKeepsInstant() {
        let cancelled = R.registration(status: .cancelled, cancelledAt: Fixtures.later)
        #expect(R.conflictCode(Self.cancelError(cancelled)) == "already-cancelled")
        #expect(cancelled.cancelledAt == Fixtures.later)
    }

    // checkIn

    @Test("Checking in a confirmed registration records checkedInAt and updatedAt, nothing else")
    func checkInConfirmed() throws {
        let confirmed = R.registration(status: .confirmed)
        var expected = confirmed
        expected.checkedInAt = Self.doorTime
        expected.updatedAt = Self.doorTime
        #expect(try RegistrationState.checkIn(confirmed, now: Self.doorTime) == expected)
    }

    @Test("An attendee is checked in once")
    func checkInTwice() throws {
        let checkedIn = try RegistrationState.checkIn(R.registration(status: .confirmed), now: Self.doorTime)
        #expect(Self.checkInError(checkedIn) == .conflict(code: "already-checked-in", detail: "This attendee was already checked in."))
    }

    @Test("Only a confirmed registration can be checked in", arguments: [RegistrationStatus.waitlisted, .cancelled])
    func checkInNotConfirmed(status: RegistrationStatus) {
        let error = Self.checkInError(R.registration(status: status, waitlistPosition: status == .waitlisted ? 1 : nil))
        #expect(error == .conflict(
            code: "not-confirmed", detail: "Only a confirmed registration can be checked in; this one is \(status.rawValue)."))
    }

    @Test("A cancelled registration that had been checked in is not-confirmed, not already-checked-in")
    func checkInCancelledAfterCheckIn() {
        let r = R.registration(status: .cancelled, checkedInAt: Self.doorTime, cancelledAt: R.now)
        #expect(R.conflictCode(Self.checkInError(r)) == "not-confirmed")
    }

    // promotionMessage

    @Test("The promotion message of a French-first conference is in French")
    func promotionFrench() throws {
        let conference = try Fixtures.referenceConference()
        let message = try Letters.registration(R.registration(status: .confirmed), conference: conference)
        #expect(message.kind == "registration-promoted")
        #expect(message.submissionId == nil)
        #expect(message.recipient == "alice@example.org")
        #expect(message.recipientName == "Alice Martin")
        #expect(message.language == "fr")
        #expect(message.subject == "\(Fixtures.frenchName) : votre inscription est confirmée")
        #expect(message.subject.contains("confirmée"))
        #expect(message.body.hasPrefix("Bonjour Alice Martin,"))
        #expect(message.body.contains("liste d'attente"))
    }

    @Test("The promotion message of an English-first conference is in English, with the English name")
    func promotionEnglish() throws {
        var conference = try Fixtures.referenceConference()
        conference.languages = ["en", "fr"]
        let message = try Letters.registration(R.registration(status: .confirmed), conference: conference)
        #expect(message.kind == "registration-promoted")
        #expect(message.recipient == "alice@example.org")
        #expect(message.language == "en")
        #expect(message.subject == "\(Fixtures.englishName): your registration is confirmed")
        #expect(message.body.hasPrefix("Dear Alice Martin,"))
        #expect(message.body.contains("waiting list"))
    }

    @Test("A conference whose first language is neither French nor English gets English", arguments: [["de", "en"], ["es"]])
    func promotionOtherLanguage(languages: [String]) throws {
        var conference = try Fixtures.referenceConference()
        conference.languages = languages
        conference.texts = Translations(["de": ["name": "Peer-Support"], "en": ["name": "Peer support"], "es": ["name": "Apoyo entre pares"]])
            .restricted(to: languages)
        let message = try Letters.registration(R.registration(status: .confirmed), conference: conference)
        #expect(message.language == "en")
        #expect(message.subject.hasSuffix(": your registration is confirmed"))
        // The English name when there is one, else the first language's.
        #expect(message.subject.hasPrefix(languages.contains("en") ? "Peer support:" : "Apoyo entre pares:"))
    }

    @Test("A regional French (fr-CA) first language is French, with its name")
    func promotionRegionalFrench() throws {
        var conference = try Fixtures.referenceConference()
        conference.languages = ["fr-CA", "en"]
        conference.texts = Translations(["fr-CA": ["name": "Soutien par les pairs"], "en": ["name": "Peer support"]])
        let message = try Letters.registration(R.registration(status: .confirmed), conference: conference)
        #expect(message.language == "fr")
        #expect(message.subject == "Soutien par les pairs : votre inscription est confirmée")
    }

    @Test("Without any name, the subject names the conference by its slug")
    func promotionSlugFallback() throws {
        var conference = try Fixtures.referenceConference()
        conference.texts = Translations()
        let message = try Letters.registration(R.registration(status: .confirmed), conference: conference)
        #expect(message.subject == "expairs-2019 : votre inscription est confirmée")
    }

    @Test("The recipient is the attendee's registered email, not the account's")
    func promotionRecipient() throws {
        var r = R.registration(status: .confirmed)
        r.attendee.email = "assistant@example.org"
        r.attendee.name = "Bob Durand"
        let message = try Letters.registration(r, conference: try Fixtures.referenceConference())
        #expect(message.recipient == "assistant@example.org")
        #expect(message.recipientName == "Bob Durand")
        #expect(message.body.hasPrefix("Bonjour Bob Durand,"))
    }

    @Test("A three-letter language code starting with fr (frr, North Frisian) is not French")
    func promotionFrisianIsNotFrench() throws {
        var conference = try Fixtures.referenceConference()
        conference.languages = ["frr", "en"]
        conference.texts = Translations(["frr": ["name": "Peer-stipe"], "en": ["name": "Peer support"]])
        let message = try Letters.registration(R.registration(status: .confirmed), conference: conference)
        #expect(message.language == "en")
    }
}

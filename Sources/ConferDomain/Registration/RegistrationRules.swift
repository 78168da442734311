import Foundation

/// Rules of fee categories, registrations and vouchers.
public enum RegistrationRules {
    public static let nameLimit = 1...200
    public static let textLimit = 2000

    /// A new category; the plain texts are in the conference's first language.
    public static func category(
        name: String, description: String?, translations: Translations?, price: Money, capacity: Int?,
        conference: Conference, id: UUID, now: Date
    ) throws(DomainError) -> RegistrationCategory {
        var v = Validator()
        v.text(name, "name", min: 1, max: nameLimit.upperBound, required: true)
        v.text(description, "description", max: textLimit)
        checkPrice(price, field: "price", into: &v)
        if let capacity { v.require((1...1_000_000).contains(capacity), "capacity", "must be from 1 to 1000000") }
        var texts = Translations()
        if let translations {
            translations.validate(languages: conference.languages, limits: ["name": nameLimit, "description": 0...textLimit], into: &v)
            texts = Translations().merging(translations).restricted(to: conference.languages)
        }
        texts.set("name", name.trimmingCharacters(in: .whitespacesAndNewlines), in: conference.primaryLanguage)
        if let description {
            texts.set("description", description.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty, in: conference.primaryLanguage)
        }
        try v.finish()
        return RegistrationCategory(
            id: id, conferenceId: conference.id, texts: texts,
            price: Money(amount: price.amount, currency: price.currency.uppercased()), capacity: capacity, position: 0,
            createdAt: now, updatedAt: now, version: 1)
    }

    /// ISO 4217 code and a non-negative amount in minor units.
    static func checkPrice(_ price: Money, field: String, minimum: Int = 0, into v: inout Validator) {
        v.require((minimum...100_000_000).contains(price.amount), "\(field).amount",
                  "must be from \(minimum) to 100000000 (minor units, e.g. cents)")
        v.require(price.currency.count == 3 && price.currency.allSatisfy { $0.isASCII && $0.isUppercase }, "\(field).currency",
                  "must be an ISO 4217 code such as EUR")
    }

    /// Registering is open between `registrationOpens` and `registrationCloses`; organizers register people any time.
    public static func checkWindow(_ conference: Conference, isOrganizer: Bool, now: Date) throws(DomainError) {
        guard !isOrganizer else { return }
        if let opens = conference.registrationOpens, now < opens {
            throw DomainError.conflict(code: "registration-closed", detail: "Registration opens on \(opens.formatted(.iso8601)).")
        }
        if let closes = conference.registrationCloses, now > closes {
            throw DomainError.conflict(code: "registration-closed", detail: "Registration closed on \(closes.formatted(.iso8601)).")
        }
    }

    /// Validates and trims the attendee's details.
    public static func attendee(_ a: Attendee) throws(DomainError) -> Attendee {
        var v = Validator()
        v.text(a.name, "name", min: 1, max: 200, required: true)
        v.require(AccountRules.isPlausibleEmail(a.email.trimmingCharacters(in: .whitespacesAndNewlines)), "email", "must be an email address")
        v.text(a.affiliation, "affiliation", max: 300)
        v.text(a.dietaryRequirements, "dietaryRequirements", max: textLimit)
        v.text(a.accessibility.other, "accessibility.other", max: textLimit)
        try v.finish()
        var clean = a
        clean.name = a.name.trimmingCharacters(in: .whitespacesAndNewlines)
        clean.email = a.email.trimmingCharacters(in: .whitespacesAndNewlines)
        clean.affiliation = a.affiliation?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        clean.dietaryRequirements = a.dietaryRequirements?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        clean.accessibility.other = a.accessibility.other?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        return clean
    }

    /// A voucher code: 3–64 letters, digits, `-` or `_`; the same rule when a voucher is made and when one is used.
    static func checkVoucherCode(_ code: String, into v: inout Validator, field: String) {
        v.require((3...64).contains(code.count) && code.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" },
                  field, "must be 3 to 64 letters, digits, - or _")
    }

    /// A new voucher: a code of 3–64 letters, digits, `-` or `_`, one kind of discount, at least one use.
    public static func voucher(
        code: String, categoryIds: [UUID], discountPercent: Int?, discountAmount: Money?, maxUses: Int, validUntil: Date?,
        conferenceId: UUID, id: UUID, now: Date
    ) throws(DomainError) -> Voucher {
        var v = Validator()
        let code = code.trimmingCharacters(in: .whitespacesAndNewlines)
        checkVoucherCode(code, into: &v, field: "code")
        v.require((discountPercent == nil) != (discountAmount == nil), "discountPercent", "give either discountPercent or discountAmount")
        if let percent = discountPercent { v.require((1...100).contains(percent), "discountPercent", "must be from 1 to 100") }
        if let amount = discountAmount { checkPrice(amount, field: "discountAmount", minimum: 1, into: &v) }
        v.require((1...1_000_000).contains(maxUses), "maxUses", "must be from 1 to 1000000")
        try v.finish()
        return Voucher(
            id: id, conferenceId: conferenceId, code: code.uppercased(), categoryIds: categoryIds, discountPercent: discountPercent,
            discountAmount: discountAmount, maxUses: maxUses, uses: 0, validUntil: validUntil, createdAt: now)
    }

    /// What an attendee pays in `category` with `voucher`: never below zero.
    public static func price(_ category: RegistrationCategory, voucher: Voucher?) -> Money {
        guard let voucher else { return category.price }
        var amount = category.price.amount
        if let percent = voucher.discountPercent {
            amount -= (category.price.amount * percent + 50) / 100
        } else if let discount = voucher.discountAmount, discount.currency == category.price.currency {
            amount -= discount.amount
        }
        return Money(amount: max(amount, 0), currency: category.price.currency)
    }

    /// Why `voucher` cannot be used for `categoryId` now, if it cannot.
    public static func voucherProblem(_ voucher: Voucher?, categoryId: UUID, category: RegistrationCategory, now: Date) -> String? {
        guard let voucher else { return "is not a voucher of this conference" }
        if let until = voucher.validUntil, now > until { return "expired on \(until.formatted(.iso8601))" }
        if !voucher.categoryIds.isEmpty && !voucher.categoryIds.contains(categoryId) { return "is not valid for this category" }
        if voucher.uses >= voucher.maxUses { return "has been used as many times as it allows" }
        if let discount = voucher.discountAmount, discount.currency != category.price.currency {
            return "is in \(discount.currency), the category's price is in \(category.price.currency)"
        }
        return nil
    }


    /// Attendees register themselves; only organizers register someone else (`accountId`).
    public static func checkRegistrant(_ request: RegistrationRequest, access: ConferenceAccess) throws(DomainError) {
        if request.accountId != nil { try access.requireOrganizer() }
    }

    /// Who may see a registration: organizers, and the account it belongs to; for anyone else it does not exist.
    public static func isVisible(_ r: Registration, to access: ConferenceAccess) -> Bool {
        access.isOrganizer || r.accountId == access.caller?.accountId
    }

    /// The attendee of a request: what the request says, else what the account says.
    public static func attendee(_ request: RegistrationRequest, account: Account) throws(DomainError) -> Attendee {
        try attendee(Attendee(
            name: request.name ?? account.name, email: request.email ?? account.email,
            affiliation: request.affiliation ?? account.affiliation, dietaryRequirements: request.dietaryRequirements,
            accessibility: request.accessibility))
    }

    /// Registering `attendee` in `category`: confirmed while places remain, waitlisted once the confirmed count
    /// reaches the capacity; the price less the voucher's discount, waived when nothing is left to pay. `category`
    /// and `voucher` are as read under the category's lock, nil when the request names none of this conference.
    public static func register(
        _ request: RegistrationRequest, attendee: Attendee, accountId: UUID, category: RegistrationCategory?,
        voucher: Voucher?, conferenceId: UUID, id: UUID, now: Date
    ) throws(DomainError) -> RegistrationDecision {
        var v = Validator()
        if let code = request.voucherCode { checkVoucherCode(code, into: &v, field: "voucherCode") }
        try v.finish()
        guard let category else { throw DomainError.invalid("categoryId", "is not a category of this conference") }
        var price = category.price
        if request.voucherCode != nil {
            if let problem = voucherProblem(voucher, categoryId: category.id, category: category, now: now) {
                throw DomainError.invalid("voucherCode", problem)
            }
            price = self.price(category, voucher: voucher)
        }
        let full = category.capacity.map { category.confirmed >= $0 } ?? false
        let registration = Registration(
            id: id, conferenceId: conferenceId, categoryId: category.id, accountId: accountId,
            status: full ? .waitlisted : .confirmed, waitlistPosition: nil, attendee: attendee,
            voucherCode: request.voucherCode?.uppercased(), pricePaid: price, paymentStatus: price.amount == 0 ? .waived : .unpaid,
            checkedInAt: nil, cancelledAt: nil, createdAt: now, updatedAt: now, version: 1)
        return RegistrationDecision(registration: registration, voucherUsed: request.voucherCode == nil ? nil : voucher,
                                    event: full ? .waitlisted : .confirmed)
    }
}

/// A registration as requested: by the attendee, or by an organizer for `accountId`. Attendee details the request
/// leaves out come from the account.
public struct RegistrationRequest: Sendable, Equatable {
    public var categoryId: UUID
    public var accountId: UUID?
    public var name: String?
    public var email: String?
    public var affiliation: String?
    public var dietaryRequirements: String?
    public var accessibility: AccessibilityNeeds
    public var voucherCode: String?

    public init(
        categoryId: UUID, accountId: UUID?, name: String?, email: String?, affiliation: String?,
        dietaryRequirements: String?, accessibility: AccessibilityNeeds, voucherCode: String?
    ) {
        self.categoryId = categoryId
        self.accountId = accountId
        self.name = name
        self.email = email
        self.affiliation = affiliation
        self.dietaryRequirements = dietaryRequirements
        self.accessibility = accessibility
        self.voucherCode = voucherCode
    }
}

/// What registering decided: the registration to store, the voucher whose use it counts, and what happened.
public struct RegistrationDecision: Sendable, Equatable {
    public var registration: Registration
    public var voucherUsed: Voucher?
    public var event: RegistrationEvent
}

extension RegistrationRules {
    /// The refusal for a registration the caller may not see, or that does not exist: the same, so none is revealed.
    public static func notFound(_ id: UUID) -> DomainError {
        .notFound("There is no registration \(id.uuidString.lowercased()) that you can see in this conference.")
    }
}

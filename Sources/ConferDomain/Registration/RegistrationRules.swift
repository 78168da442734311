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

    /// A new voucher: a code of 3–64 letters, digits, `-` or `_`, one kind of discount, at least one use.
    public static func voucher(
        code: String, categoryIds: [UUID], discountPercent: Int?, discountAmount: Money?, maxUses: Int, validUntil: Date?,
        conferenceId: UUID, id: UUID, now: Date
    ) throws(DomainError) -> Voucher {
        var v = Validator()
        let code = code.trimmingCharacters(in: .whitespacesAndNewlines)
        v.require((3...64).contains(code.count) && code.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" },
                  "code", "must be 3 to 64 letters, digits, - or _")
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
}

/// Status changes of a registration.
public enum RegistrationState {
    /// The attendee or an organizer cancels; a cancelled registration stays cancelled.
    public static func cancel(_ r: Registration, now: Date) throws(DomainError) -> Registration {
        guard r.status != .cancelled else {
            throw DomainError.conflict(code: "already-cancelled", detail: "This registration is already cancelled.")
        }
        var next = r
        next.status = .cancelled
        next.waitlistPosition = nil
        next.cancelledAt = now
        next.updatedAt = now
        return next
    }

    /// Organizers check attendees in at the door, once.
    public static func checkIn(_ r: Registration, now: Date) throws(DomainError) -> Registration {
        guard r.status == .confirmed else {
            throw DomainError.conflict(code: "not-confirmed", detail: "Only a confirmed registration can be checked in; this one is \(r.status.rawValue).")
        }
        guard r.checkedInAt == nil else {
            throw DomainError.conflict(code: "already-checked-in", detail: "This attendee was already checked in.")
        }
        var next = r
        next.checkedInAt = now
        next.updatedAt = now
        return next
    }

    /// The message to a waitlisted attendee whose place became free.
    public static func promotionMessage(_ r: Registration, conference: Conference) -> OutboundMessage {
        let french = LanguageNegotiation.isFrench(conference.primaryLanguage)
        let name = conference.text(.name, language: french ? "fr" : "en") ?? conference.slug
        let subject = french ? "\(name) : votre inscription est confirmée" : "\(name): your registration is confirmed"
        let body = french
            ? "Bonjour \(r.attendee.name),\n\nUne place s'est libérée : votre inscription, jusqu'ici en liste d'attente, est confirmée.\n\nL'équipe d'organisation"
            : "Dear \(r.attendee.name),\n\nA place became free: your registration, until now on the waiting list, is confirmed.\n\nThe organizing team"
        return OutboundMessage(
            kind: "registration.promoted", submissionId: nil, recipient: r.attendee.email, recipientName: r.attendee.name,
            language: french ? "fr" : "en", subject: subject, body: body)
    }
}

/// Filters of a registration list.
public struct RegistrationQuery: Sendable, Equatable {
    /// nil: every registration (organizers); otherwise only this account's.
    public var accountId: UUID?
    public var status: RegistrationStatus?
    public var categoryId: UUID?
    public var paymentStatus: PaymentStatus?
    /// Part of the attendee's name or email.
    public var text: String?

    public init(accountId: UUID? = nil, status: RegistrationStatus? = nil, categoryId: UUID? = nil, paymentStatus: PaymentStatus? = nil, text: String? = nil) {
        self.accountId = accountId
        self.status = status
        self.categoryId = categoryId
        self.paymentStatus = paymentStatus
        self.text = text
    }
}

/// Counts per category and status, and revenue per currency.
public struct RegistrationStats: Sendable, Equatable {
    public struct CategoryCount: Sendable, Equatable {
        public var categoryId: UUID
        public var confirmed: Int
        public var waitlisted: Int
        public var cancelled: Int
        public var checkedIn: Int
        public init(categoryId: UUID, confirmed: Int, waitlisted: Int, cancelled: Int, checkedIn: Int) {
            self.categoryId = categoryId
            self.confirmed = confirmed
            self.waitlisted = waitlisted
            self.cancelled = cancelled
            self.checkedIn = checkedIn
        }
    }

    public struct Revenue: Sendable, Equatable {
        public var currency: String
        /// Paid by confirmed attendees.
        public var paid: Int
        /// Owed by confirmed attendees who have not paid.
        public var outstanding: Int
        public init(currency: String, paid: Int, outstanding: Int) {
            self.currency = currency
            self.paid = paid
            self.outstanding = outstanding
        }
    }

    public var categories: [CategoryCount]
    public var revenue: [Revenue]

    public init(categories: [CategoryCount], revenue: [Revenue]) {
        self.categories = categories
        self.revenue = revenue
    }
}

/// Storage of categories, registrations and vouchers.
public protocol RegistrationRepository: Sendable {
    /// Stores a category at the next position.
    func createCategory(_ category: RegistrationCategory) async throws -> RegistrationCategory
    /// Categories with their confirmed counts, in creation order.
    func categories(conferenceId: UUID) async throws -> [RegistrationCategory]
    /// One category with its confirmed count.
    func category(conferenceId: UUID, id: UUID) async throws -> RegistrationCategory?
    /// Registers in one transaction that locks the category row, so capacity is never exceeded and the waiting list
    /// keeps arrival order: counts a voucher use (never past its maximum), then confirms or waitlists.
    /// A second active registration of the account is a `conflict("already-registered")`; an unusable voucher a
    /// validation error on `voucherCode`.
    func register(_ draft: Registration, now: Date) async throws -> Registration
    /// One registration, with its waiting list position.
    func find(conferenceId: UUID, id: UUID) async throws -> Registration?
    /// A page of registrations, oldest first.
    func list(conferenceId: UUID, query: RegistrationQuery, page: PageRequest) async throws -> Page<Registration>
    /// Every matching registration, for exports.
    func all(conferenceId: UUID, query: RegistrationQuery) async throws -> [Registration]
    /// Cancels in one transaction with the category locked; when a confirmed place frees up, the first waitlisted
    /// registration becomes confirmed and `promotionMessage` goes to the outbox. Returns the cancelled registration.
    func cancel(_ cancelled: Registration, ifVersion: Int, now: Date, promotionMessage: @escaping @Sendable (Registration) -> OutboundMessage) async throws -> Registration?
    /// Stores a changed registration (payment status, check-in) if still at `ifVersion`.
    func update(_ registration: Registration, ifVersion: Int) async throws -> Registration?
    /// Counts and revenue.
    func stats(conferenceId: UUID) async throws -> RegistrationStats
    /// Stores a voucher; a code already used in the conference is a `conflict("voucher-exists")`.
    func createVoucher(_ voucher: Voucher) async throws -> Voucher
    /// The vouchers of a conference.
    func vouchers(conferenceId: UUID) async throws -> [Voucher]
    /// A voucher by code (case-insensitive).
    func voucher(conferenceId: UUID, code: String) async throws -> Voucher?
}

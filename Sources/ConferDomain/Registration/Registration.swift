import Foundation

/// An amount of money in minor units (cents) of an ISO 4217 currency.
public struct Money: Sendable, Equatable, Hashable {
    public var amount: Int
    public var currency: String

    public init(amount: Int, currency: String) {
        self.amount = amount
        self.currency = currency
    }
}

/// A fee category of a conference, e.g. "Student" or "Peer supporter / association member".
public struct RegistrationCategory: Sendable, Equatable {
    public var id: UUID
    public var conferenceId: UUID
    /// `name` and `description` by language.
    public var texts: Translations
    public var price: Money
    /// Places; nil means unlimited.
    public var capacity: Int?
    /// Confirmed registrations; set by storage on reads.
    public var confirmed: Int = 0
    public var position: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        id: UUID, conferenceId: UUID, texts: Translations, price: Money, capacity: Int?, position: Int, createdAt: Date,
        updatedAt: Date, version: Int
    ) {
        self.id = id
        self.conferenceId = conferenceId
        self.texts = texts
        self.price = price
        self.capacity = capacity
        self.position = position
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    /// Places left, nil when unlimited.
    public var remaining: Int? { capacity.map { max($0 - confirmed, 0) } }
}

/// What an attendee needs to take part: the reference conference is about disability, so accessibility
/// needs are first-class fields that organizers can count and plan for, not a free-text afterthought.
public struct AccessibilityNeeds: Sendable, Equatable {
    public var wheelchairAccess = false
    public var signLanguageInterpretation = false
    public var hearingLoop = false
    public var largePrintOrBraille = false
    public var quietRoom = false
    /// A personal assistant or companion attends with them.
    public var companion = false
    public var other: String?

    public init() {}

    public var isEmpty: Bool { self == AccessibilityNeeds() }
}

/// Who attends, as they registered.
public struct Attendee: Sendable, Equatable {
    public var name: String
    public var email: String
    public var affiliation: String?
    public var dietaryRequirements: String?
    public var accessibility: AccessibilityNeeds

    public init(name: String, email: String, affiliation: String?, dietaryRequirements: String?, accessibility: AccessibilityNeeds) {
        self.name = name
        self.email = email
        self.affiliation = affiliation
        self.dietaryRequirements = dietaryRequirements
        self.accessibility = accessibility
    }
}

public enum RegistrationStatus: String, Sendable, CaseIterable {
    case confirmed, waitlisted, cancelled
}

/// Set by organizers; no payment provider yet, but a provider's webhook would set the same field.
public enum PaymentStatus: String, Sendable, CaseIterable {
    case unpaid, paid, waived, refunded
}

/// One account's registration to a conference.
public struct Registration: Sendable, Equatable {
    public var id: UUID
    public var conferenceId: UUID
    public var categoryId: UUID
    public var accountId: UUID
    public var status: RegistrationStatus
    /// 1 for the next to be promoted; nil unless waitlisted. Set by storage on reads.
    public var waitlistPosition: Int?
    public var attendee: Attendee
    public var voucherCode: String?
    /// The category's price less the voucher's discount, fixed at registration.
    public var pricePaid: Money
    public var paymentStatus: PaymentStatus
    public var checkedInAt: Date?
    public var cancelledAt: Date?
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        id: UUID, conferenceId: UUID, categoryId: UUID, accountId: UUID, status: RegistrationStatus,
        waitlistPosition: Int?, attendee: Attendee, voucherCode: String?, pricePaid: Money, paymentStatus: PaymentStatus,
        checkedInAt: Date?, cancelledAt: Date?, createdAt: Date, updatedAt: Date, version: Int
    ) {
        self.id = id
        self.conferenceId = conferenceId
        self.categoryId = categoryId
        self.accountId = accountId
        self.status = status
        self.waitlistPosition = waitlistPosition
        self.attendee = attendee
        self.voucherCode = voucherCode
        self.pricePaid = pricePaid
        self.paymentStatus = paymentStatus
        self.checkedInAt = checkedInAt
        self.cancelledAt = cancelledAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}

/// A discount code.
public struct Voucher: Sendable, Equatable {
    public var id: UUID
    public var conferenceId: UUID
    public var code: String
    /// Empty: valid for every category.
    public var categoryIds: [UUID]
    public var discountPercent: Int?
    public var discountAmount: Money?
    public var maxUses: Int
    public var uses: Int
    public var validUntil: Date?
    public var createdAt: Date
    /// Bumped on every change; the `ETag`.
    public var version: Int = 1

    public init(
        id: UUID, conferenceId: UUID, code: String, categoryIds: [UUID], discountPercent: Int?, discountAmount: Money?,
        maxUses: Int, uses: Int, validUntil: Date?, createdAt: Date
    ) {
        self.id = id
        self.conferenceId = conferenceId
        self.code = code
        self.categoryIds = categoryIds
        self.discountPercent = discountPercent
        self.discountAmount = discountAmount
        self.maxUses = maxUses
        self.uses = uses
        self.validUntil = validUntil
        self.createdAt = createdAt
    }
}

import ConferAPIContract
import ConferDomain
import Foundation

extension Components.Schemas.Money {
    init(_ money: Money) { self.init(amount: money.amount, currency: money.currency) }
    var domain: Money { Money(amount: amount, currency: currency) }
}

extension Components.Schemas.RegistrationCategory {
    init(_ c: RegistrationCategory, language: String, languages: [String]) {
        self.init(
            id: c.id.uuidString.lowercased(), name: c.texts.text("name", in: language, fallbacks: languages) ?? "",
            description: c.texts.text("description", in: language, fallbacks: languages),
            translations: .init(additionalProperties: c.texts.byLanguage.mapValues {
                Components.Schemas.CategoryTexts(name: $0["name"], description: $0["description"])
            }),
            price: .init(c.price), capacity: c.capacity, remaining: c.remaining, confirmed: c.confirmed,
            position: c.position, createdAt: c.createdAt, updatedAt: c.updatedAt)
    }
}

extension Components.Schemas.AccessibilityNeeds {
    init(_ n: AccessibilityNeeds) {
        self.init(
            wheelchairAccess: n.wheelchairAccess, signLanguageInterpretation: n.signLanguageInterpretation,
            hearingLoop: n.hearingLoop, largePrintOrBraille: n.largePrintOrBraille, quietRoom: n.quietRoom,
            companion: n.companion, other: n.other)
    }

    var domain: AccessibilityNeeds {
        var n = AccessibilityNeeds()
        n.wheelchairAccess = wheelchairAccess ?? false
        n.signLanguageInterpretation = signLanguageInterpretation ?? false
        n.hearingLoop = hearingLoop ?? false
        n.largePrintOrBraille = largePrintOrBraille ?? false
        n.quietRoom = quietRoom ?? false
        n.companion = companion ?? false
        n.other = other
        return n
    }
}

extension Components.Schemas.Registration {
    init(_ r: Registration) {
        self.init(
            id: r.id.uuidString.lowercased(), categoryId: r.categoryId.uuidString.lowercased(),
            accountId: r.accountId.uuidString.lowercased(), status: .init(r.status),
            waitlistPosition: r.waitlistPosition, name: r.attendee.name, email: r.attendee.email,
            affiliation: r.attendee.affiliation, dietaryRequirements: r.attendee.dietaryRequirements,
            accessibility: .init(r.attendee.accessibility), voucherCode: r.voucherCode, pricePaid: .init(r.pricePaid),
            paymentStatus: .init(r.paymentStatus), checkedInAt: r.checkedInAt,
            cancelledAt: r.cancelledAt, createdAt: r.createdAt, updatedAt: r.updatedAt)
    }
}

extension Components.Schemas.Voucher {
    init(_ v: Voucher) {
        self.init(
            id: v.id.uuidString.lowercased(), code: v.code, categoryIds: v.categoryIds.map { $0.uuidString.lowercased() },
            discountPercent: v.discountPercent, discountAmount: v.discountAmount.map(Components.Schemas.Money.init),
            maxUses: v.maxUses, uses: v.uses, validUntil: v.validUntil, createdAt: v.createdAt)
    }
}

extension Components.Schemas.RegistrationStatus {
    init(_ status: RegistrationStatus) {
        switch status {
        case .confirmed: self = .confirmed
        case .waitlisted: self = .waitlisted
        case .cancelled: self = .cancelled
        }
    }

    var domain: RegistrationStatus {
        switch self {
        case .confirmed: .confirmed
        case .waitlisted: .waitlisted
        case .cancelled: .cancelled
        }
    }
}

extension Components.Schemas.PaymentStatus {
    init(_ status: PaymentStatus) {
        switch status {
        case .unpaid: self = .unpaid
        case .paid: self = .paid
        case .waived: self = .waived
        case .refunded: self = .refunded
        }
    }

    var domain: PaymentStatus {
        switch self {
        case .unpaid: .unpaid
        case .paid: .paid
        case .waived: .waived
        case .refunded: .refunded
        }
    }
}

extension Components.Schemas.CategoryTranslations {
    var domain: Translations {
        Translations(additionalProperties.mapValues { texts in
            var fields: [String: String] = [:]
            fields["name"] = texts.name
            fields["description"] = texts.description
            return fields
        })
    }
}

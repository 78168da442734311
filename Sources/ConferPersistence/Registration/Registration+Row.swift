import ConferDomain
import Foundation
import PostgresNIO

extension RegistrationCategory {
    static let columns = """
        c.id, c.conference_id, c.texts::text AS texts, c.price_amount, c.price_currency, c.capacity, c.position,
        c.created_at, c.updated_at, c.version,
        (SELECT count(*)::int FROM registrations r WHERE r.category_id = c.id AND r.status = 'confirmed') AS confirmed
        """

    init(row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        self.init(
            id: try r["id"].decode(UUID.self), conferenceId: try r["conference_id"].decode(UUID.self),
            texts: try JSONColumn.decodeTranslations(try r["texts"].decode(String.self)),
            price: Money(amount: try r["price_amount"].decode(Int.self), currency: try r["price_currency"].decode(String.self)),
            capacity: try r["capacity"].decode(Int?.self), position: try r["position"].decode(Int.self),
            createdAt: try r["created_at"].decode(Date.self), updatedAt: try r["updated_at"].decode(Date.self),
            version: try r["version"].decode(Int.self))
        confirmed = try r["confirmed"].decode(Int.self)
    }
}

extension Registration {
    static let columns = """
        g.id, g.conference_id, g.category_id, g.account_id, g.status, g.name, g.email, g.affiliation,
        g.dietary_requirements, g.wheelchair_access, g.sign_language, g.hearing_loop, g.large_print_or_braille,
        g.quiet_room, g.companion, g.accessibility_other, g.voucher_code, g.price_amount, g.price_currency,
        g.payment_status, g.checked_in_at, g.cancelled_at, g.created_at, g.updated_at, g.version,
        g.created_at::text AS created_key,
        CASE WHEN g.status = 'waitlisted' THEN (
            SELECT count(*)::int + 1 FROM registrations w
            WHERE w.category_id = g.category_id AND w.status = 'waitlisted' AND w.queue_number < g.queue_number)
        END AS waitlist_position
        """

    init(row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        guard let status = RegistrationStatus(rawValue: try r["status"].decode(String.self)),
              let payment = PaymentStatus(rawValue: try r["payment_status"].decode(String.self))
        else { throw RowError(description: "registration row with an unknown status") }
        var needs = AccessibilityNeeds()
        needs.wheelchairAccess = try r["wheelchair_access"].decode(Bool.self)
        needs.signLanguageInterpretation = try r["sign_language"].decode(Bool.self)
        needs.hearingLoop = try r["hearing_loop"].decode(Bool.self)
        needs.largePrintOrBraille = try r["large_print_or_braille"].decode(Bool.self)
        needs.quietRoom = try r["quiet_room"].decode(Bool.self)
        needs.companion = try r["companion"].decode(Bool.self)
        needs.other = try r["accessibility_other"].decode(String?.self)
        self.init(
            id: try r["id"].decode(UUID.self), conferenceId: try r["conference_id"].decode(UUID.self),
            categoryId: try r["category_id"].decode(UUID.self), accountId: try r["account_id"].decode(UUID.self),
            status: status, waitlistPosition: try r["waitlist_position"].decode(Int?.self),
            attendee: Attendee(
                name: try r["name"].decode(String.self), email: try r["email"].decode(String.self),
                affiliation: try r["affiliation"].decode(String?.self),
                dietaryRequirements: try r["dietary_requirements"].decode(String?.self), accessibility: needs),
            voucherCode: try r["voucher_code"].decode(String?.self),
            pricePaid: Money(amount: try r["price_amount"].decode(Int.self), currency: try r["price_currency"].decode(String.self)),
            paymentStatus: payment, checkedInAt: try r["checked_in_at"].decode(Date?.self),
            cancelledAt: try r["cancelled_at"].decode(Date?.self), createdAt: try r["created_at"].decode(Date.self),
            updatedAt: try r["updated_at"].decode(Date.self), version: try r["version"].decode(Int.self))
    }
}

extension Voucher {
    static let columns = """
        id, conference_id, code, category_ids, discount_percent, discount_amount, discount_currency, max_uses, uses,
        valid_until, created_at, version
        """

    init(row: PostgresRow) throws {
        let r = row.makeRandomAccess()
        let amount = try r["discount_amount"].decode(Int?.self)
        let currency = try r["discount_currency"].decode(String?.self)
        self.init(
            id: try r["id"].decode(UUID.self), conferenceId: try r["conference_id"].decode(UUID.self),
            code: try r["code"].decode(String.self), categoryIds: try r["category_ids"].decode([UUID].self),
            discountPercent: try r["discount_percent"].decode(Int?.self),
            discountAmount: amount.map { Money(amount: $0, currency: currency ?? "") },
            maxUses: try r["max_uses"].decode(Int.self), uses: try r["uses"].decode(Int.self),
            validUntil: try r["valid_until"].decode(Date?.self), createdAt: try r["created_at"].decode(Date.self))
        version = try r["version"].decode(Int.self)
    }
}

import ConferDomain
import Foundation
import PostgresNIO

extension PostgresTransaction {
    func category(_ id: UUID, conferenceId: UUID, lock: RowLock) async throws -> RegistrationCategory? {
        if lock == .forUpdate {
            // The lock that orders every registration of this category. The count comes in a statement of its own: in
            // READ COMMITTED each statement sees what committed before it started, lock waits included.
            let locked = try await rows(
                "SELECT 1 FROM registration_categories WHERE id = \(id) AND conference_id = \(conferenceId) FOR UPDATE")
            guard !locked.isEmpty else { return nil }
        }
        return try await rows(
            """
            SELECT \(unescaped: RegistrationCategory.columns) FROM registration_categories c
            WHERE c.id = \(id) AND c.conference_id = \(conferenceId)
            """).first.map(RegistrationCategory.init(row:))
    }

    func insertCategory(_ c: RegistrationCategory) async throws -> RegistrationCategory {
        // The conference row lock orders concurrent creates, so positions never collide.
        try await rows("SELECT 1 FROM conferences WHERE id = \(c.conferenceId) FOR UPDATE")
        try await rows(
            """
            INSERT INTO registration_categories (id, conference_id, texts, price_amount, price_currency, capacity, position,
                created_at, updated_at)
            SELECT \(c.id), \(c.conferenceId), \(JSONColumn.encode(c.texts))::jsonb, \(c.price.amount), \(c.price.currency),
                   \(c.capacity), coalesce(max(position), 0) + 1, \(c.createdAt), \(c.updatedAt)
            FROM registration_categories WHERE conference_id = \(c.conferenceId)
            """)
        let rows = try await rows(
            "SELECT \(unescaped: RegistrationCategory.columns) FROM registration_categories c WHERE c.id = \(c.id)")
        return try RegistrationCategory(row: rows[0])
    }

    func voucher(code: String, conferenceId: UUID, lock: RowLock) async throws -> Voucher? {
        try await rows(
            """
            SELECT \(unescaped: Voucher.columns) FROM vouchers
            WHERE conference_id = \(conferenceId) AND upper(code) = upper(\(code)) \(unescaped: lock.sql)
            """).first.map(Voucher.init(row:))
    }

    func insertVoucher(_ v: Voucher) async throws {
        try await rows(
            """
            INSERT INTO vouchers (id, conference_id, code, category_ids, discount_percent, discount_amount, discount_currency,
                max_uses, valid_until, created_at)
            VALUES (\(v.id), \(v.conferenceId), \(v.code), \(v.categoryIds), \(v.discountPercent), \(v.discountAmount?.amount),
                \(v.discountAmount?.currency), \(v.maxUses), \(v.validUntil), \(v.createdAt))
            """)
    }

    func recordUse(of voucher: Voucher) async throws {
        // Never past its maximum, whatever the caller read.
        try await rows("UPDATE vouchers SET uses = uses + 1 WHERE id = \(voucher.id) AND uses < max_uses")
    }

    func registration(_ id: UUID, conferenceId: UUID, lock: RowLock) async throws -> Registration? {
        try await rows(
            """
            SELECT \(unescaped: Registration.columns) FROM registrations g
            WHERE g.conference_id = \(conferenceId) AND g.id = \(id) \(unescaped: lock.sql)
            """).first.map(Registration.init(row:))
    }

    func firstWaitlisted(categoryId: UUID) async throws -> Registration? {
        let first = try await rows(
            """
            SELECT id, conference_id FROM registrations WHERE category_id = \(categoryId) AND status = 'waitlisted'
            ORDER BY queue_number LIMIT 1 FOR UPDATE
            """)
        guard let row = first.first else { return nil }
        return try await registration(
            try row.column("id", as: UUID.self), conferenceId: try row.column("conference_id", as: UUID.self), lock: .none)
    }

    func insert(_ d: Registration) async throws -> Registration {
        let a = d.attendee
        let n = a.accessibility
        // A waitlisted registration takes the next number of its category's queue: the waiting list's order.
        try await rows(
            """
            WITH queued AS (
                UPDATE registration_categories SET last_queue_number = last_queue_number + 1
                WHERE id = \(d.categoryId) AND \(d.status == .waitlisted)
                RETURNING last_queue_number)
            INSERT INTO registrations (id, conference_id, category_id, account_id, status, queue_number, name, email,
                affiliation, dietary_requirements, wheelchair_access, sign_language, hearing_loop,
                large_print_or_braille, quiet_room, companion, accessibility_other, voucher_code, price_amount,
                price_currency, payment_status, created_at, updated_at)
            VALUES (\(d.id), \(d.conferenceId), \(d.categoryId), \(d.accountId), \(d.status.rawValue),
                (SELECT last_queue_number FROM queued), \(a.name), \(a.email), \(a.affiliation), \(a.dietaryRequirements),
                \(n.wheelchairAccess), \(n.signLanguageInterpretation), \(n.hearingLoop), \(n.largePrintOrBraille),
                \(n.quietRoom), \(n.companion), \(n.other), \(d.voucherCode), \(d.pricePaid.amount),
                \(d.pricePaid.currency), \(d.paymentStatus.rawValue), \(d.createdAt), \(d.updatedAt))
            """)
        return try await stored(d.id)
    }

    func update(_ r: Registration) async throws -> Registration {
        try await rows(
            """
            UPDATE registrations SET status = \(r.status.rawValue),
                queue_number = CASE WHEN \(r.status.rawValue) = 'waitlisted' THEN queue_number END,
                payment_status = \(r.paymentStatus.rawValue), checked_in_at = \(r.checkedInAt), cancelled_at = \(r.cancelledAt),
                updated_at = \(r.updatedAt), version = version + 1
            WHERE id = \(r.id)
            """)
        return try await stored(r.id)
    }

    /// A registration as just written, with its waiting list position.
    private func stored(_ id: UUID) async throws -> Registration {
        let rows = try await rows("SELECT \(unescaped: Registration.columns) FROM registrations g WHERE g.id = \(id)")
        return try Registration(row: rows[0])
    }
}

extension PostgresTransaction {
    func updateCategory(_ c: RegistrationCategory) async throws -> RegistrationCategory {
        try await rows(
            """
            UPDATE registration_categories SET texts = \(JSONColumn.encode(c.texts))::jsonb, price_amount = \(c.price.amount),
                price_currency = \(c.price.currency), capacity = \(c.capacity), updated_at = \(c.updatedAt), version = version + 1
            WHERE id = \(c.id) AND conference_id = \(c.conferenceId)
            """)
        let rows = try await rows(
            "SELECT \(unescaped: RegistrationCategory.columns) FROM registration_categories c WHERE c.id = \(c.id)")
        return try RegistrationCategory(row: rows[0])
    }

    func categoryUsage(_ id: UUID) async throws -> (registrations: Int, vouchers: Int) {
        let rows = try await rows(
            """
            SELECT (SELECT count(*)::int FROM registrations WHERE category_id = \(id)) AS registrations,
                   (SELECT count(*)::int FROM vouchers WHERE \(id) = ANY (category_ids)) AS vouchers
            """)
        return (try rows[0].column("registrations", as: Int.self), try rows[0].column("vouchers", as: Int.self))
    }

    func deleteCategory(_ id: UUID, conferenceId: UUID) async throws {
        try await rows("DELETE FROM registration_categories WHERE id = \(id) AND conference_id = \(conferenceId)")
    }

    func voucher(_ id: UUID, conferenceId: UUID, lock: RowLock) async throws -> Voucher? {
        try await rows(
            "SELECT \(unescaped: Voucher.columns) FROM vouchers WHERE id = \(id) AND conference_id = \(conferenceId) \(unescaped: lock.sql)")
            .first.map(Voucher.init(row:))
    }

    func updateVoucher(_ v: Voucher) async throws -> Voucher {
        try await rows(
            """
            UPDATE vouchers SET category_ids = \(v.categoryIds), max_uses = \(v.maxUses), valid_until = \(v.validUntil),
                version = version + 1
            WHERE id = \(v.id) AND conference_id = \(v.conferenceId)
            RETURNING \(unescaped: Voucher.columns)
            """).map(Voucher.init(row:))[0]
    }

    func deleteVoucher(_ id: UUID, conferenceId: UUID) async throws {
        try await rows("DELETE FROM vouchers WHERE id = \(id) AND conference_id = \(conferenceId)")
    }
}

import ConferDomain
import Foundation
import Logging
import PostgresNIO

/// Registrations in PostgreSQL. Every write that touches capacity locks the category row first, so concurrent
/// registrations queue in arrival order and a category never holds more confirmed places than it has.
public struct RegistrationPostgresRepository: RegistrationRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public func createCategory(_ c: RegistrationCategory) async throws -> RegistrationCategory {
        try await db.transaction { connection in
            try await connection.rows("SELECT 1 FROM conferences WHERE id = \(c.conferenceId) FOR UPDATE", logger: db.logger)
            try await connection.rows(
                """
                INSERT INTO registration_categories (id, conference_id, texts, price_amount, price_currency, capacity, position,
                    created_at, updated_at)
                SELECT \(c.id), \(c.conferenceId), \(JSONColumn.encode(c.texts))::jsonb, \(c.price.amount), \(c.price.currency),
                       \(c.capacity), coalesce(max(position), 0) + 1, \(c.createdAt), \(c.updatedAt)
                FROM registration_categories WHERE conference_id = \(c.conferenceId)
                """, logger: db.logger)
            let rows = try await connection.rows(
                "SELECT \(unescaped: RegistrationCategory.columns) FROM registration_categories c WHERE c.id = \(c.id)", logger: db.logger)
            return try RegistrationCategory(row: rows[0])
        }
    }

    public func categories(conferenceId: UUID) async throws -> [RegistrationCategory] {
        try await db.query(
            """
            SELECT \(unescaped: RegistrationCategory.columns) FROM registration_categories c
            WHERE c.conference_id = \(conferenceId) ORDER BY c.position
            """).map(RegistrationCategory.init(row:))
    }

    public func category(conferenceId: UUID, id: UUID) async throws -> RegistrationCategory? {
        try await db.query(
            """
            SELECT \(unescaped: RegistrationCategory.columns) FROM registration_categories c
            WHERE c.conference_id = \(conferenceId) AND c.id = \(id)
            """).first.map(RegistrationCategory.init(row:))
    }

    public func register(_ d: Registration, now: Date) async throws -> Registration {
        do {
            return try await db.transaction { connection in
                let logger = db.logger
                // The lock that orders every registration of this category. The count comes in a statement of its
                // own: in READ COMMITTED each statement sees what committed before it started, lock waits included.
                let locked = try await connection.rows(
                    "SELECT 1 FROM registration_categories WHERE id = \(d.categoryId) AND conference_id = \(d.conferenceId) FOR UPDATE",
                    logger: logger)
                guard !locked.isEmpty else { throw DomainError.invalid("categoryId", "is not a category of this conference") }
                let counted = try await connection.rows(
                    "SELECT \(unescaped: RegistrationCategory.columns) FROM registration_categories c WHERE c.id = \(d.categoryId)",
                    logger: logger)
                let category = try RegistrationCategory(row: counted[0])
                var price = category.price
                if let code = d.voucherCode {
                    let found = try await connection.rows(
                        "SELECT \(unescaped: Voucher.columns) FROM vouchers WHERE conference_id = \(d.conferenceId) AND upper(code) = upper(\(code)) FOR UPDATE",
                        logger: logger)
                    let voucher = try found.first.map(Voucher.init(row:))
                    if let problem = RegistrationRules.voucherProblem(voucher, categoryId: d.categoryId, category: category, now: now) {
                        throw DomainError.invalid("voucherCode", problem)
                    }
                    try await connection.rows(
                        "UPDATE vouchers SET uses = uses + 1 WHERE id = \(voucher?.id) AND uses < max_uses", logger: logger)
                    price = RegistrationRules.price(category, voucher: voucher)
                }
                let full = category.capacity.map { category.confirmed >= $0 } ?? false
                var queueNumber: Int?
                if full {
                    let numbered = try await connection.rows(
                        "UPDATE registration_categories SET last_queue_number = last_queue_number + 1 WHERE id = \(d.categoryId) RETURNING last_queue_number",
                        logger: logger)
                    queueNumber = try numbered.first?.column("last_queue_number", as: Int.self)
                }
                let a = d.attendee
                let n = a.accessibility
                try await connection.rows(
                    """
                    INSERT INTO registrations (id, conference_id, category_id, account_id, status, queue_number, name, email,
                        affiliation, dietary_requirements, wheelchair_access, sign_language, hearing_loop,
                        large_print_or_braille, quiet_room, companion, accessibility_other, voucher_code, price_amount,
                        price_currency, payment_status, created_at, updated_at)
                    VALUES (\(d.id), \(d.conferenceId), \(d.categoryId), \(d.accountId), \(full ? "waitlisted" : "confirmed"),
                        \(queueNumber), \(a.name), \(a.email), \(a.affiliation), \(a.dietaryRequirements),
                        \(n.wheelchairAccess), \(n.signLanguageInterpretation), \(n.hearingLoop), \(n.largePrintOrBraille),
                        \(n.quietRoom), \(n.companion), \(n.other), \(d.voucherCode?.uppercased()), \(price.amount),
                        \(price.currency), \(price.amount == 0 ? "waived" : "unpaid"), \(now), \(now))
                    """, logger: logger)
                let rows = try await connection.rows(
                    "SELECT \(unescaped: Registration.columns) FROM registrations g WHERE g.id = \(d.id)", logger: logger)
                let registration = try Registration(row: rows[0])
                try await connection.emit(
                    WebhookEvent.registration(registration, full ? .registrationWaitlisted : .registrationConfirmed, at: now),
                    logger: logger)
                return registration
            }
        } catch let error as DomainError {
            if case .conflict = error {
                throw DomainError.conflict(code: "already-registered", detail: "You are already registered to this conference; cancel that registration first.")
            }
            throw error
        }
    }

    public func find(conferenceId: UUID, id: UUID) async throws -> Registration? {
        try await db.query(
            "SELECT \(unescaped: Registration.columns) FROM registrations g WHERE g.conference_id = \(conferenceId) AND g.id = \(id)")
            .first.map(Registration.init(row:))
    }

    public func list(conferenceId: UUID, query: RegistrationQuery, page: PageRequest) async throws -> Page<Registration> {
        let rows = try await select(conferenceId: conferenceId, query: query, after: page.after, limit: page.limit + 1)
        let keyed = try rows.map { (try Registration(row: $0), try $0.column("created_key", as: String.self)) }
        return Page(fetched: keyed, limit: page.limit) { [$0.1, $0.0.id.uuidString] }.map(\.0)
    }

    public func all(conferenceId: UUID, query: RegistrationQuery) async throws -> [Registration] {
        try await select(conferenceId: conferenceId, query: query, after: nil, limit: nil).map(Registration.init(row:))
    }

    public func cancel(
        _ r: Registration, ifVersion: Int, now: Date, promotionMessage: @escaping @Sendable (Registration) -> OutboundMessage
    ) async throws -> Registration? {
        try await db.transaction { connection in
            let logger = db.logger
            try await connection.rows("SELECT 1 FROM registration_categories WHERE id = \(r.categoryId) FOR UPDATE", logger: logger)
            let current = try await connection.rows(
                "SELECT status, version FROM registrations WHERE id = \(r.id) FOR UPDATE", logger: logger)
            guard let row = current.first, try row.column("version", as: Int.self) == ifVersion else { return nil }
            let previous = try row.column("status", as: String.self)
            guard previous != RegistrationStatus.cancelled.rawValue else { return nil }
            try await connection.rows(
                """
                UPDATE registrations SET status = 'cancelled', queue_number = NULL, cancelled_at = \(now), updated_at = \(now),
                    version = version + 1
                WHERE id = \(r.id)
                """, logger: logger)
            if previous == RegistrationStatus.confirmed.rawValue {
                // The freed place goes to the first in the waiting list.
                let promoted = try await connection.rows(
                    """
                    UPDATE registrations SET status = 'confirmed', queue_number = NULL, updated_at = \(now), version = version + 1
                    WHERE id = (SELECT id FROM registrations WHERE category_id = \(r.categoryId) AND status = 'waitlisted'
                                ORDER BY queue_number LIMIT 1 FOR UPDATE)
                    RETURNING id
                    """, logger: logger)
                if let promotedId = try promoted.first?.column("id", as: UUID.self) {
                    let rows = try await connection.rows(
                        "SELECT \(unescaped: Registration.columns) FROM registrations g WHERE g.id = \(promotedId)", logger: logger)
                    let promoted = try Registration(row: rows[0])
                    try await connection.enqueue(promotionMessage(promoted), conferenceId: r.conferenceId, now: now, logger: logger)
                    try await connection.emit(WebhookEvent.registration(promoted, .registrationPromoted, at: now), logger: logger)
                }
            }
            let rows = try await connection.rows(
                "SELECT \(unescaped: Registration.columns) FROM registrations g WHERE g.id = \(r.id)", logger: logger)
            let cancelled = try Registration(row: rows[0])
            try await connection.emit(WebhookEvent.registration(cancelled, .registrationCancelled, at: now), logger: logger)
            return cancelled
        }
    }

    public func update(_ r: Registration, ifVersion: Int) async throws -> Registration? {
        let rows = try await db.query(
            """
            WITH updated AS (
                UPDATE registrations SET payment_status = \(r.paymentStatus.rawValue), checked_in_at = \(r.checkedInAt),
                    updated_at = \(r.updatedAt), version = version + 1
                WHERE id = \(r.id) AND version = \(ifVersion) RETURNING *)
            SELECT \(unescaped: Registration.columns) FROM updated g
            """)
        return try rows.first.map(Registration.init(row:))
    }

    public func stats(conferenceId: UUID) async throws -> RegistrationStats {
        let counts = try await db.query(
            """
            SELECT c.id,
                   count(*) FILTER (WHERE g.status = 'confirmed')::int AS confirmed,
                   count(*) FILTER (WHERE g.status = 'waitlisted')::int AS waitlisted,
                   count(*) FILTER (WHERE g.status = 'cancelled')::int AS cancelled,
                   count(*) FILTER (WHERE g.checked_in_at IS NOT NULL)::int AS checked_in
            FROM registration_categories c LEFT JOIN registrations g ON g.category_id = c.id
            WHERE c.conference_id = \(conferenceId) GROUP BY c.id, c.position ORDER BY c.position
            """)
        let revenue = try await db.query(
            """
            SELECT price_currency,
                   coalesce(sum(price_amount) FILTER (WHERE payment_status = 'paid'), 0)::int AS paid,
                   coalesce(sum(price_amount) FILTER (WHERE payment_status = 'unpaid'), 0)::int AS outstanding
            FROM registrations WHERE conference_id = \(conferenceId) AND status = 'confirmed'
            GROUP BY price_currency ORDER BY price_currency
            """)
        return RegistrationStats(
            categories: try counts.map { row in
                let r = row.makeRandomAccess()
                return .init(
                    categoryId: try r["id"].decode(UUID.self), confirmed: try r["confirmed"].decode(Int.self),
                    waitlisted: try r["waitlisted"].decode(Int.self), cancelled: try r["cancelled"].decode(Int.self),
                    checkedIn: try r["checked_in"].decode(Int.self))
            },
            revenue: try revenue.map { row in
                let r = row.makeRandomAccess()
                return .init(currency: try r["price_currency"].decode(String.self), paid: try r["paid"].decode(Int.self),
                             outstanding: try r["outstanding"].decode(Int.self))
            })
    }

    public func createVoucher(_ v: Voucher) async throws -> Voucher {
        do {
            try await db.query(
                """
                INSERT INTO vouchers (id, conference_id, code, category_ids, discount_percent, discount_amount, discount_currency,
                    max_uses, valid_until, created_at)
                VALUES (\(v.id), \(v.conferenceId), \(v.code), \(v.categoryIds), \(v.discountPercent), \(v.discountAmount?.amount),
                    \(v.discountAmount?.currency), \(v.maxUses), \(v.validUntil), \(v.createdAt))
                """)
            return v
        } catch DomainError.conflict {
            throw DomainError.conflict(code: "voucher-exists", detail: "A voucher with the code \(v.code) already exists in this conference.")
        }
    }

    public func vouchers(conferenceId: UUID) async throws -> [Voucher] {
        try await db.query("SELECT \(unescaped: Voucher.columns) FROM vouchers WHERE conference_id = \(conferenceId) ORDER BY created_at, code")
            .map(Voucher.init(row:))
    }

    public func voucher(conferenceId: UUID, code: String) async throws -> Voucher? {
        try await db.query(
            "SELECT \(unescaped: Voucher.columns) FROM vouchers WHERE conference_id = \(conferenceId) AND upper(code) = upper(\(code))")
            .first.map(Voucher.init(row:))
    }

    private func select(conferenceId: UUID, query: RegistrationQuery, after: [String]?, limit: Int?) async throws -> [PostgresRow] {
        let afterKey = after.flatMap { $0.count == 2 ? $0[0] : nil }
        let afterId = after.flatMap { $0.count == 2 ? UUID(uuidString: $0[1]) : nil }
        let text = query.text?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        let pattern = text.map { "%" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%" }
        return try await db.query(
            """
            SELECT \(unescaped: Registration.columns) FROM registrations g
            WHERE g.conference_id = \(conferenceId)
              AND (\(query.accountId)::uuid IS NULL OR g.account_id = \(query.accountId)::uuid)
              AND (\(query.status?.rawValue)::text IS NULL OR g.status = \(query.status?.rawValue)::text)
              AND (\(query.categoryId)::uuid IS NULL OR g.category_id = \(query.categoryId)::uuid)
              AND (\(query.paymentStatus?.rawValue)::text IS NULL OR g.payment_status = \(query.paymentStatus?.rawValue)::text)
              AND (\(pattern)::text IS NULL OR g.name ILIKE \(pattern)::text OR g.email ILIKE \(pattern)::text)
              AND (\(afterId)::uuid IS NULL OR (g.created_at, g.id) > (\(afterKey)::timestamptz, \(afterId)::uuid))
            ORDER BY g.created_at, g.id LIMIT \(limit)
            """)
    }
}

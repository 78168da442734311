import ConferDomain
import Foundation
import Logging
import PostgresNIO

/// Reads of registrations in PostgreSQL; `RegistrationPostgresTransaction.swift` writes them.
public struct RegistrationPostgresRepository: RegistrationRepository {
    let db: Database

    public init(_ db: Database) { self.db = db }

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

    public func find(conferenceId: UUID, id: UUID) async throws -> Registration? {
        try await db.query(
            "SELECT \(unescaped: Registration.columns) FROM registrations g WHERE g.conference_id = \(conferenceId) AND g.id = \(id)")
            .first.map(Registration.init(row:))
    }

    public func list(conferenceId: UUID, query: RegistrationQuery, page: PageRequest) async throws -> Page<Registration> {
        let rows = try await select(conferenceId: conferenceId, query: query, after: page.after, limit: page.limit + 1)
        return try KeysetCursor.creationOrderPage(rows, limit: page.limit, item: Registration.init(row:), id: \.id)
    }

    public func all(conferenceId: UUID, query: RegistrationQuery) async throws -> [Registration] {
        try await select(conferenceId: conferenceId, query: query, after: nil, limit: nil).map(Registration.init(row:))
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

    public func vouchers(conferenceId: UUID) async throws -> [Voucher] {
        try await db.query("SELECT \(unescaped: Voucher.columns) FROM vouchers WHERE conference_id = \(conferenceId) ORDER BY created_at, code")
            .map(Voucher.init(row:))
    }

    public func mine(accountId: UUID, page: PageRequest) async throws -> Page<Registration> {
        let after = KeysetCursor(page)
        let rows = try await db.query(
            """
            SELECT \(unescaped: Registration.columns) FROM registrations g
            WHERE g.account_id = \(accountId)
              AND (\(after.id)::uuid IS NULL OR (g.created_at, g.id) > (\(after.key)::timestamptz, \(after.id)::uuid))
            ORDER BY g.created_at, g.id LIMIT \(page.limit + 1)
            """)
        return try KeysetCursor.creationOrderPage(rows, limit: page.limit, item: Registration.init(row:), id: \.id)
    }

    public func voucher(conferenceId: UUID, id: UUID) async throws -> Voucher? {
        try await db.query("SELECT \(unescaped: Voucher.columns) FROM vouchers WHERE conference_id = \(conferenceId) AND id = \(id)")
            .first.map(Voucher.init(row:))
    }

    public func voucher(conferenceId: UUID, code: String) async throws -> Voucher? {
        try await db.query(
            "SELECT \(unescaped: Voucher.columns) FROM vouchers WHERE conference_id = \(conferenceId) AND upper(code) = upper(\(code))")
            .first.map(Voucher.init(row:))
    }

    private func select(conferenceId: UUID, query: RegistrationQuery, after: [String]?, limit: Int?) async throws -> [PostgresRow] {
        let after = KeysetCursor(after)
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
              AND (\(after.id)::uuid IS NULL OR (g.created_at, g.id) > (\(after.key)::timestamptz, \(after.id)::uuid))
            ORDER BY g.created_at, g.id LIMIT \(limit)
            """)
    }
}

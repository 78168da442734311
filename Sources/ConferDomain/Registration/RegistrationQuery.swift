import Foundation

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

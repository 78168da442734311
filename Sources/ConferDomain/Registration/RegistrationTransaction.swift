import Foundation

/// What a use case's transaction reads and writes of registrations. Locking a category orders every registration
/// of it: concurrent registrations queue in arrival order, and a count read under the lock stays true until commit.
public protocol RegistrationTransaction: Sendable {
    /// A category of the conference with its confirmed count, read after the lock when `lock` is `.forUpdate`.
    func category(_ id: UUID, conferenceId: UUID, lock: RowLock) async throws -> RegistrationCategory?
    /// Stores a category at the next position of its conference.
    func insertCategory(_ category: RegistrationCategory) async throws -> RegistrationCategory
    /// Stores a changed category at its next version; returns it with its confirmed count.
    func updateCategory(_ category: RegistrationCategory) async throws -> RegistrationCategory
    /// How many registrations (any status) and vouchers name the category.
    func categoryUsage(_ id: UUID) async throws -> (registrations: Int, vouchers: Int)
    func deleteCategory(_ id: UUID, conferenceId: UUID) async throws
    func voucher(_ id: UUID, conferenceId: UUID, lock: RowLock) async throws -> Voucher?
    /// Stores a changed voucher at its next version.
    func updateVoucher(_ voucher: Voucher) async throws -> Voucher
    func deleteVoucher(_ id: UUID, conferenceId: UUID) async throws
    /// A voucher by code, whatever its case.
    func voucher(code: String, conferenceId: UUID, lock: RowLock) async throws -> Voucher?
    /// Stores a voucher; a code the conference already has is `Duplicate.voucherCode`.
    func insertVoucher(_ voucher: Voucher) async throws
    /// Counts one use of a voucher.
    func recordUse(of voucher: Voucher) async throws
    /// One registration, with its waiting list position.
    func registration(_ id: UUID, conferenceId: UUID, lock: RowLock) async throws -> Registration?
    /// The first of a category's waiting list, locked.
    func firstWaitlisted(categoryId: UUID) async throws -> Registration?
    /// Stores a new registration, at the end of its category's waiting list when waitlisted; a second active
    /// registration of the account is `Duplicate.activeRegistration`. Returns it as stored.
    func insert(_ registration: Registration) async throws -> Registration
    /// Stores a registration's status, payment and check-in at its next version. Returns it as stored.
    func update(_ registration: Registration) async throws -> Registration
}

import Foundation

/// Reads of categories, registrations and vouchers, outside any transaction.
public protocol RegistrationRepository: Sendable {
    /// Categories with their confirmed counts, in creation order.
    func categories(conferenceId: UUID) async throws -> [RegistrationCategory]
    /// One category with its confirmed count.
    func category(conferenceId: UUID, id: UUID) async throws -> RegistrationCategory?
    /// One registration, with its waiting list position.
    func find(conferenceId: UUID, id: UUID) async throws -> Registration?
    /// A page of registrations, oldest first.
    func list(conferenceId: UUID, query: RegistrationQuery, page: PageRequest) async throws -> Page<Registration>
    /// Every matching registration, for exports.
    func all(conferenceId: UUID, query: RegistrationQuery) async throws -> [Registration]
    /// Counts and revenue.
    func stats(conferenceId: UUID) async throws -> RegistrationStats
    /// The vouchers of a conference.
    func vouchers(conferenceId: UUID) async throws -> [Voucher]
    /// A page of an account's registrations in every conference, oldest first.
    func mine(accountId: UUID, page: PageRequest) async throws -> Page<Registration>
    /// A voucher by id.
    func voucher(conferenceId: UUID, id: UUID) async throws -> Voucher?
    /// A voucher by code (case-insensitive).
    func voucher(conferenceId: UUID, code: String) async throws -> Voucher?
}

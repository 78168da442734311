import ConferDomain
import Foundation

/// Organizers delete a voucher nobody used.
public struct DeleteVoucher: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ id: UUID, in conference: Conference, by access: ConferenceAccess) async throws {
        try access.requireOrganizer()
        try await context.store.transaction { tx in
            guard let voucher = try await tx.voucher(id, conferenceId: conference.id, lock: .forUpdate) else {
                throw RegistrationRules.voucherNotFound(id)
            }
            try RegistrationRules.checkDeletable(voucher)
            try await tx.deleteVoucher(id, conferenceId: conference.id)
        }
    }
}

import ConferDomain
import Foundation

/// Organizers change a voucher's uses, end date or categories.
public struct ChangeVoucher: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ id: UUID, _ patch: VoucherPatch, ifMatch: String?, in conference: Conference, by access: ConferenceAccess) async throws -> Voucher {
        try access.requireOrganizer()
        return try await context.store.transaction { tx in
            if let categoryIds = patch.categoryIds { try await tx.lockVoucherCategories(categoryIds, conferenceId: conference.id) }
            guard let current = try await tx.voucher(id, conferenceId: conference.id, lock: .forUpdate) else {
                throw RegistrationRules.voucherNotFound(id)
            }
            try ETag.check(ifMatch: ifMatch, version: current.version)
            return try await tx.updateVoucher(try RegistrationRules.apply(patch, to: current))
        }
    }
}

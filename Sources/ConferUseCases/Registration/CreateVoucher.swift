import ConferDomain
import Foundation

/// Organizers create a discount code, for some categories or all.
public struct CreateVoucher: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ input: VoucherInput, in conference: Conference, by access: ConferenceAccess) async throws -> Voucher {
        try access.requireOrganizer()
        let known = Set(try await context.registrations.categories(conferenceId: conference.id).map(\.id))
        if let unknown = input.categoryIds.firstIndex(where: { !known.contains($0) }) {
            throw DomainError.invalid("categoryIds[\(unknown)]", "is not a category of this conference")
        }
        let voucher = try RegistrationRules.voucher(
            code: input.code, categoryIds: input.categoryIds, discountPercent: input.discountPercent,
            discountAmount: input.discountAmount, maxUses: input.maxUses, validUntil: input.validUntil,
            conferenceId: conference.id, id: UUID(), now: context.now)
        try await context.store.transaction { tx in try await tx.insertVoucher(voucher) }
        return voucher
    }
}

import ConferDomain
import Foundation

/// Organizers create a discount code, for some categories or all.
public struct CreateVoucher: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ input: VoucherInput, in conference: Conference, by access: ConferenceAccess) async throws -> Voucher {
        try access.requireOrganizer()
        let voucher = try RegistrationRules.voucher(
            code: input.code, categoryIds: input.categoryIds, discountPercent: input.discountPercent,
            discountAmount: input.discountAmount, maxUses: input.maxUses, validUntil: input.validUntil,
            conferenceId: conference.id, id: UUID(), now: context.now)
        try await context.store.transaction { tx in
            try await tx.lockVoucherCategories(input.categoryIds, conferenceId: conference.id)
            try await tx.insertVoucher(voucher)
        }
        return voucher
    }
}

extension Transaction {
    /// Locks the categories a voucher names, refusing one the conference lacks: the locks keep them from being
    /// deleted before the voucher naming them commits. Always in id order, so that two of these never deadlock.
    func lockVoucherCategories(_ ids: [UUID], conferenceId: UUID) async throws {
        for id in Set(ids).sorted(by: { $0.uuidString < $1.uuidString })
        where try await category(id, conferenceId: conferenceId, lock: .forUpdate) == nil {
            throw RegistrationRules.unknownVoucherCategory(at: ids.firstIndex(of: id) ?? 0)
        }
    }
}

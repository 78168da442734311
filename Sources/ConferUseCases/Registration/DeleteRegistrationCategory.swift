import ConferDomain
import Foundation

/// Organizers delete a fee category that no registration and no voucher names.
public struct DeleteRegistrationCategory: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ id: UUID, in conference: Conference, by access: ConferenceAccess) async throws {
        try access.requireOrganizer()
        try await context.store.transaction { tx in
            // The category's lock keeps registrations from taking it while it goes.
            guard try await tx.category(id, conferenceId: conference.id, lock: .forUpdate) != nil else {
                throw RegistrationRules.categoryNotFound(id)
            }
            let usage = try await tx.categoryUsage(id)
            try RegistrationRules.checkDeletable(registrations: usage.registrations, vouchers: usage.vouchers)
            try await tx.deleteCategory(id, conferenceId: conference.id)
        }
    }
}

import ConferDomain
import Foundation

/// Organizers add a fee category.
public struct CreateRegistrationCategory: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ input: CategoryInput, in conference: Conference, by access: ConferenceAccess) async throws -> RegistrationCategory {
        try access.requireOrganizer()
        let draft = try RegistrationRules.category(
            name: input.name, description: input.description, translations: input.translations, price: input.price,
            capacity: input.capacity, conference: conference, id: UUID(), now: context.now)
        return try await context.store.transaction { tx in try await tx.insertCategory(draft) }
    }
}

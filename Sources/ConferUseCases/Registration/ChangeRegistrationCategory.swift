import ConferDomain
import Foundation

/// Organizers change a fee category. Its price applies to registrations from now on; places it gains go at once to
/// the first of its waiting list, who are told by mail.
public struct ChangeRegistrationCategory: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(
        _ id: UUID, _ patch: CategoryPatch, ifMatch: String?, in conference: Conference, by access: ConferenceAccess
    ) async throws -> RegistrationCategory {
        try access.requireOrganizer()
        let now = context.now
        return try await context.store.transaction { tx in
            guard let current = try await tx.category(id, conferenceId: conference.id, lock: .forUpdate) else {
                throw RegistrationRules.categoryNotFound(id)
            }
            try ETag.check(ifMatch: ifMatch, version: current.version)
            var changed = try await tx.updateCategory(try RegistrationRules.apply(patch, to: current, conference: conference, now: now))
            var events: [DomainEvent] = []
            for _ in 0..<min(RegistrationRules.placesToFill(changed), 10_000) {
                guard let next = try await tx.firstWaitlisted(categoryId: id) else { break }
                let promoted = try await tx.update(RegistrationState.promote(next, now: now))
                events.append(.registration(promoted, .promoted, at: now))
                changed.confirmed += 1
            }
            try await tx.publish(events, conference: conference, engine: context.templates)
            return changed
        }
    }
}

import ConferDomain
import Foundation

/// The attendee or an organizer cancels a registration; a confirmed place it frees goes at once to the first of the
/// category's waiting list, who is told by mail.
public struct CancelRegistration: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ id: UUID, in conference: Conference, by access: ConferenceAccess) async throws -> Registration {
        _ = try access.caller.required()
        let now = context.now
        return try await context.store.transaction { tx in
            // The category first, as registering locks it: the same order everywhere, so no two transactions wait
            // on each other.
            guard let unlocked = try await tx.registration(id, conferenceId: conference.id, lock: .none),
                  RegistrationRules.isVisible(unlocked, to: access)
            else { throw RegistrationRules.notFound(id) }
            _ = try await tx.category(unlocked.categoryId, conferenceId: conference.id, lock: .forUpdate)
            guard let current = try await tx.registration(id, conferenceId: conference.id, lock: .forUpdate) else {
                throw RegistrationRules.notFound(id)
            }
            let cancelled = try await tx.update(try RegistrationState.cancel(current, now: now))
            var events: [DomainEvent] = []
            if RegistrationState.freesPlace(current), let next = try await tx.firstWaitlisted(categoryId: current.categoryId) {
                let promoted = try await tx.update(RegistrationState.promote(next, now: now))
                events.append(.registration(promoted, .promoted, at: now))
            }
            events.append(.registration(cancelled, .cancelled, at: now))
            try await tx.publish(events, conference: conference, engine: context.templates)
            return cancelled
        }
    }
}

import ConferDomain
import Foundation

/// Organizers record a payment or check an attendee in: the registration is read locked, changed by the domain's
/// rule, and stored at its next version.
public struct ChangeRegistration: Sendable {
    /// What organizers change about a registration.
    public enum Change: Sendable {
        case payment(PaymentStatus)
        case checkIn
    }

    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(
        _ id: UUID, _ change: Change, ifMatch: String?, in conference: Conference, by access: ConferenceAccess
    ) async throws -> Registration {
        _ = try access.caller.required()
        let now = context.now
        return try await context.store.transaction { tx in
            guard let current = try await tx.registration(id, conferenceId: conference.id, lock: .forUpdate),
                  RegistrationRules.isVisible(current, to: access)
            else { throw RegistrationRules.notFound(id) }
            try access.requireOrganizer()
            try ETag.check(ifMatch: ifMatch, version: current.version)
            let next = switch change {
            case .payment(let status): RegistrationState.recordPayment(current, status, now: now)
            case .checkIn: try RegistrationState.checkIn(current, now: now)
            }
            return try await tx.update(next)
        }
    }
}

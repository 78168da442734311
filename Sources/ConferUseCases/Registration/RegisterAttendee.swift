import ConferDomain
import Foundation

/// An account registers for a conference (or an organizer registers it): confirmed while the category has places,
/// waitlisted after. The category's lock orders concurrent registrations, so a category never holds more confirmed
/// places than it has, and the waiting list keeps arrival order.
public struct RegisterAttendee: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ request: RegistrationRequest, in conference: Conference, by access: ConferenceAccess) async throws -> Registration {
        let caller = try access.caller.required()
        let now = context.now
        try RegistrationRules.checkWindow(conference, isOrganizer: access.isOrganizer, now: now)
        try RegistrationRules.checkRegistrant(request, access: access)
        return try await context.store.transaction { tx in
            guard let account = try await tx.account(request.accountId ?? caller.accountId) else {
                if request.accountId != nil { throw DomainError.invalid("accountId", "is not an account") }
                throw DomainError.unauthenticated("The account of this token no longer exists.")
            }
            let attendee = try RegistrationRules.attendee(request, account: account)
            let category = try await tx.category(request.categoryId, conferenceId: conference.id, lock: .forUpdate)
            let voucher = try await request.voucherCode.asyncMap { code in
                try await tx.voucher(code: code, conferenceId: conference.id, lock: .forUpdate)
            }
            let decision = try RegistrationRules.register(
                request, attendee: attendee, accountId: account.id, category: category, voucher: voucher ?? nil,
                conferenceId: conference.id, id: UUID(), now: now)
            if let used = decision.voucherUsed { try await tx.recordUse(of: used) }
            let registration = try await tx.insert(decision.registration)
            try await tx.publish([.registration(registration, decision.event, at: now)], conference: conference, engine: context.templates)
            return registration
        }
    }
}

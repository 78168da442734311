import Foundation

/// Status changes of a registration.
public enum RegistrationState {
    /// The attendee or an organizer cancels; a cancelled registration stays cancelled.
    public static func cancel(_ r: Registration, now: Date) throws(DomainError) -> Registration {
        guard r.status != .cancelled else {
            throw DomainError.conflict(code: "already-cancelled", detail: "This registration is already cancelled.")
        }
        var next = r
        next.status = .cancelled
        next.waitlistPosition = nil
        next.cancelledAt = now
        next.updatedAt = now
        return next
    }

    /// Whether cancelling `r` gives its place to the waiting list: only a confirmed registration held one.
    public static func freesPlace(_ r: Registration) -> Bool { r.status == .confirmed }

    /// The first of the waiting list takes the place that became free.
    public static func promote(_ r: Registration, now: Date) -> Registration {
        var next = r
        next.status = .confirmed
        next.waitlistPosition = nil
        next.updatedAt = now
        return next
    }

    /// Organizers record what the attendee paid (no payment provider yet; its webhook would do the same).
    public static func recordPayment(_ r: Registration, _ status: PaymentStatus, now: Date) -> Registration {
        var next = r
        next.paymentStatus = status
        next.updatedAt = now
        return next
    }

    /// Organizers check attendees in at the door, once.
    public static func checkIn(_ r: Registration, now: Date) throws(DomainError) -> Registration {
        guard r.status == .confirmed else {
            throw DomainError.conflict(code: "not-confirmed", detail: "Only a confirmed registration can be checked in; this one is \(r.status.rawValue).")
        }
        guard r.checkedInAt == nil else {
            throw DomainError.conflict(code: "already-checked-in", detail: "This attendee was already checked in.")
        }
        var next = r
        next.checkedInAt = now
        next.updatedAt = now
        return next
    }
}

import Foundation

/// What a uniqueness guarantee of storage refused to hold twice. Storage guarantees these under concurrency (a unique
/// index); what each means for the caller is said here, once.
public enum Duplicate: Sendable, CaseIterable {
    case accountEmail, conferenceSlug, activeRegistration, voucherCode, roomName, assignment, review, scheduledProposal

    /// The refusal a caller gets.
    public var refusal: DomainError {
        switch self {
        case .accountEmail:
            .conflict(code: "email-taken", detail: "An account with this email already exists; sign in instead.")
        case .conferenceSlug:
            .conflict(code: "slug-taken", detail: "A conference with this slug already exists.")
        case .activeRegistration:
            .conflict(code: "already-registered", detail: "You are already registered to this conference; cancel that registration first.")
        case .voucherCode:
            .conflict(code: "voucher-exists", detail: "A voucher with this code already exists in this conference.")
        case .roomName:
            .conflict(code: "room-exists", detail: "A room with this name already exists.")
        case .assignment:
            .conflict(code: "already-assigned", detail: "This reviewer is already assigned to this proposal.")
        case .review:
            .conflict(code: "already-reviewed", detail: "You have already reviewed this proposal; change your review with PUT.")
        case .scheduledProposal:
            .conflict(code: "already-scheduled", detail: "This proposal is already in the program.")
        }
    }
}

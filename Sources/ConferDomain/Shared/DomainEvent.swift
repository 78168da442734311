import Foundation

/// Something a use case made happen. One list of events feeds both outboxes in the use case's transaction: the mail
/// it sends (`Notices`) and the webhook events it raises (`WebhookEvent.init?(_:messages:)`).
public enum DomainEvent: Sendable, Equatable {
    /// A step of a proposal's life (created, edited, submitted, withdrawn, decided).
    case proposal(Submission, SubmissionAction, at: Date)
    case reviewWritten(Review)
    /// Its authors are told the decision, with the reviews their letter quotes.
    case decisionNotified(Submission, reviews: [Review], at: Date)
    case registration(Registration, RegistrationEvent, at: Date)
    case programReleased(ProgramRelease)

    /// When it happened.
    public var at: Date {
        switch self {
        case .proposal(_, _, let at), .decisionNotified(_, _, let at), .registration(_, _, let at): at
        case .reviewWritten(let review): review.createdAt
        case .programReleased(let release): release.publishedAt
        }
    }
}

/// What happened to a registration.
public enum RegistrationEvent: Sendable, Equatable, CaseIterable {
    case confirmed, waitlisted
    /// A place became free and the first of the waiting list got it.
    case promoted
    case cancelled
}

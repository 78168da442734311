import Foundation

/// The messages an event sends: the one place that says which happenings reach people by mail.
public enum Notices {
    public static func messages(for event: DomainEvent, conference: Conference) -> [OutboundMessage] {
        switch event {
        case .decisionNotified(let submission, let reviews, _):
            DecisionMessage.compose(submission, conference: conference, reviews: reviews)
        case .registration(let registration, .promoted, _):
            [RegistrationState.promotionMessage(registration, conference: conference)]
        case .registration(_, .confirmed, _), .registration(_, .waitlisted, _), .registration(_, .cancelled, _),
             .proposal, .reviewWritten, .programReleased:
            []
        }
    }
}

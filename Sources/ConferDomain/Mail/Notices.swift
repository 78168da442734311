import Foundation

/// The letters an event sends: the one place that says which happenings reach people by mail.
public enum Notices {
    /// `categories` holds the fee categories of the registrations among the events, for their letters to name.
    public static func letters(
        for event: DomainEvent, conference: Conference, categories: [UUID: RegistrationCategory] = [:]
    ) -> [Letter] {
        switch event {
        case .decisionNotified(let submission, let reviews, _):
            DecisionLetter.letters(submission, conference: conference, reviews: reviews)
        case .registration(let registration, let happened, _):
            [RegistrationLetter.letter(registration, happened, category: categories[registration.categoryId], conference: conference)]
        case .proposal, .reviewWritten, .programReleased:
            []
        }
    }
}

import Foundation
import Testing
@testable import ConferDomain

/// One list of events feeds both outboxes: what each event sends by mail and raises as a webhook.
@Suite("DomainEvent → mail and webhooks")
struct DomainEventTests {
    @Test func decisionNoticesSendOneLetterPerAuthorAndSayHowMany() throws {
        let conference = try Fixtures.referenceConference()
        var accepted = SubmissionFixtures.submission(status: .accepted)
        accepted.decidedAt = SubmissionFixtures.edited
        let event = DomainEvent.decisionNotified(accepted, reviews: [], at: SubmissionFixtures.edited)
        let letters = Notices.letters(for: event, conference: conference)
        #expect(letters.map(\.recipient) == accepted.authors.map(\.email))
        let webhook = try #require(WebhookEvent(event, messages: letters.count))
        #expect(webhook.type == .notificationQueued)
        #expect(webhook.data["messages"] == .int(letters.count))
        #expect(event.at == SubmissionFixtures.edited)
    }

    @Test func everyRegistrationEventHasItsWebhookType() {
        let registration = RegistrationDecisionTests.attendeeRegistration()
        let types: [RegistrationEvent: WebhookEventType] = [
            .confirmed: .registrationConfirmed, .waitlisted: .registrationWaitlisted, .promoted: .registrationPromoted,
            .cancelled: .registrationCancelled,
        ]
        for change in RegistrationEvent.allCases {
            #expect(WebhookEvent(.registration(registration, change, at: Fixtures.later), messages: 0)?.type == types[change])
        }
    }

    @Test func everyRegistrationEventSendsTheAttendeeItsLetter() throws {
        let registration = RegistrationDecisionTests.attendeeRegistration()
        let kinds: [RegistrationEvent: MailKind] = [
            .confirmed: .registrationConfirmed, .waitlisted: .registrationWaitlisted, .promoted: .registrationPromoted,
            .cancelled: .registrationCancelled,
        ]
        for change in RegistrationEvent.allCases {
            let letters = Notices.letters(for: .registration(registration, change, at: Fixtures.later), conference: try Fixtures.referenceConference())
            #expect(letters.map(\.kind) == [kinds[change]])
            #expect(letters.map(\.recipient) == [registration.attendee.email])
        }
    }
}

extension RegistrationDecisionTests {
    static func attendeeRegistration() -> Registration {
        (try? decide().registration) ?? { fatalError("the default registration is valid") }()
    }
}

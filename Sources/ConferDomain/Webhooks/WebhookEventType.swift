import Foundation

/// What happened, as named in a delivery's `type` field; organizers subscribe a webhook to some of these.
///
/// The raw values are part of the public contract: receivers switch on them, so they never change.
/// The declaration order is the order in which a webhook lists its events.
public enum WebhookEventType: String, Sendable, CaseIterable, Codable {
    case submissionSubmitted = "submission.submitted"
    case submissionWithdrawn = "submission.withdrawn"
    case reviewSubmitted = "review.submitted"
    case decisionMade = "decision.made"
    case notificationQueued = "notification.queued"
    case registrationConfirmed = "registration.confirmed"
    case registrationWaitlisted = "registration.waitlisted"
    case registrationPromoted = "registration.promoted"
    case registrationCancelled = "registration.cancelled"
    case programReleased = "program.released"
}

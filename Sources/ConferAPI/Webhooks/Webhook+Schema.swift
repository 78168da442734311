import ConferAPIContract
import ConferDomain
import Foundation

extension Components.Schemas.Webhook {
    /// Without its secret, which is shown only at creation and rotation.
    init(_ w: Webhook) {
        self.init(
            id: w.id.uuidString.lowercased(), url: w.url, events: w.events.map(Components.Schemas.WebhookEventType.init),
            description: w.description, active: w.active, createdAt: w.createdAt, updatedAt: w.updatedAt)
    }
}

extension Components.Schemas.WebhookWithSecret {
    init(_ w: Webhook) {
        self.init(
            id: w.id.uuidString.lowercased(), url: w.url, events: w.events.map(Components.Schemas.WebhookEventType.init),
            description: w.description, active: w.active, secret: w.secret, createdAt: w.createdAt,
            updatedAt: w.updatedAt)
    }
}

extension Components.Schemas.WebhookEventType {
    init(_ type: WebhookEventType) {
        switch type {
        case .submissionSubmitted: self = .submission_submitted
        case .submissionWithdrawn: self = .submission_withdrawn
        case .reviewSubmitted: self = .review_submitted
        case .decisionMade: self = .decision_made
        case .notificationQueued: self = .notification_queued
        case .registrationConfirmed: self = .registration_confirmed
        case .registrationWaitlisted: self = .registration_waitlisted
        case .registrationPromoted: self = .registration_promoted
        case .registrationCancelled: self = .registration_cancelled
        case .programReleased: self = .program_released
        }
    }
}

extension Components.Schemas.WebhookDeliveryStatus {
    init(_ status: WebhookDeliveryStatus) {
        switch status {
        case .pending: self = .pending
        case .succeeded: self = .succeeded
        case .failed: self = .failed
        }
    }

    var domain: WebhookDeliveryStatus {
        switch self {
        case .pending: .pending
        case .succeeded: .succeeded
        case .failed: .failed
        }
    }
}

extension Components.Schemas.WebhookDelivery {
    init(_ d: WebhookDelivery) {
        self.init(
            id: d.id.uuidString.lowercased(), eventId: d.eventId.uuidString.lowercased(), eventType: .init(d.eventType),
            status: .init(d.status), nextAttemptAt: d.nextAttemptAt, createdAt: d.createdAt,
            deliveredAt: d.deliveredAt, payload: d.body,
            attempts: d.attempts.map {
                .init(at: $0.at, statusCode: $0.statusCode, durationMs: $0.durationMilliseconds, error: $0.error)
            })
    }
}

extension WebhookInput {
    init(_ body: Components.Schemas.WebhookCreate) {
        self.init()
        url = body.url
        events = body.events.map(\.rawValue)
        description = body.description.map { .some($0) }
        active = body.active
        secret = body.secret
    }

    init(_ body: Components.Schemas.WebhookPatch) {
        self.init()
        url = body.url
        events = body.events?.map(\.rawValue)
        description = body.description.map { .some($0) }
        active = body.active
    }
}

import Foundation

/// A JSON value in an event's `data`: events carry identifiers, numbers and short texts only.
public enum WebhookValue: Sendable, Equatable, Encodable {
    case string(String), int(Int), double(Double), bool(Bool), null

    public init(_ text: String?) { self = text.map(WebhookValue.string) ?? .null }
    public init(_ id: UUID?) { self = id.map { .string($0.uuidString.lowercased()) } ?? .null }
    public init(_ number: Int?) { self = number.map(WebhookValue.int) ?? .null }
    public init(_ date: Date?) { self = date.map { .string(WebhookEvent.timestamp($0)) } ?? .null }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}

/// Something that happened in a conference, for the organizers' webhooks. Storage writes it in the transaction of
/// the change that caused it, so an event exists if and only if its change committed.
public struct WebhookEvent: Sendable, Equatable {
    public var id: UUID
    public var type: WebhookEventType
    public var conferenceId: UUID
    public var createdAt: Date
    /// The `data` member of the delivered JSON.
    public var data: [String: WebhookValue]

    public init(id: UUID = UUID(), type: WebhookEventType, conferenceId: UUID, createdAt: Date, data: [String: WebhookValue]) {
        self.id = id
        self.type = type
        self.conferenceId = conferenceId
        self.createdAt = createdAt
        self.data = data
    }

    /// RFC 3339 in UTC with milliseconds, as the API writes times.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().timeSeparator(.colon).time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}

extension WebhookEvent {
    /// The event a step of a proposal's history raises, if any: creating and editing raise none.
    public static func submission(_ s: Submission, action: SubmissionAction, at now: Date) -> WebhookEvent? {
        let type: WebhookEventType
        switch action {
        case .created, .edited: return nil
        case .submitted: type = .submissionSubmitted
        case .withdrawn: type = .submissionWithdrawn
        case .accepted, .rejected: type = .decisionMade
        }
        var data = submissionData(s)
        if type == .decisionMade { data["decision"] = .string(action.rawValue) }
        return WebhookEvent(type: type, conferenceId: s.conferenceId, createdAt: now, data: data)
    }

    public static func reviewSubmitted(_ r: Review) -> WebhookEvent {
        WebhookEvent(
            type: .reviewSubmitted, conferenceId: r.conferenceId, createdAt: r.createdAt,
            data: [
                "reviewId": .init(r.id), "submissionId": .init(r.submissionId), "reviewerId": .init(r.reviewerId),
                "score": .int(r.score), "confidence": .int(r.confidence),
            ])
    }

    /// The authors of a decided proposal were sent its decision letter (`messages` of them, one per author).
    public static func notificationQueued(_ s: Submission, messages: Int, at now: Date) -> WebhookEvent {
        var data = submissionData(s)
        data["messages"] = .int(messages)
        return WebhookEvent(type: .notificationQueued, conferenceId: s.conferenceId, createdAt: now, data: data)
    }

    /// A registration reached `type`'s state: confirmed, waitlisted, promoted from the waiting list, or cancelled.
    public static func registration(_ r: Registration, _ type: WebhookEventType, at now: Date) -> WebhookEvent {
        WebhookEvent(
            type: type, conferenceId: r.conferenceId, createdAt: now,
            data: [
                "registrationId": .init(r.id), "categoryId": .init(r.categoryId), "status": .string(r.status.rawValue),
                "waitlistPosition": .init(r.waitlistPosition), "name": .string(r.attendee.name),
                "email": .string(r.attendee.email),
            ])
    }

    public static func programReleased(_ release: ProgramRelease) -> WebhookEvent {
        WebhookEvent(
            type: .programReleased, conferenceId: release.conferenceId, createdAt: release.publishedAt,
            data: ["version": .int(release.version), "note": .init(release.note), "publishedAt": .init(release.publishedAt)])
    }

    /// No author names: double-blind conferences may have webhooks feeding reviewers' tools.
    private static func submissionData(_ s: Submission) -> [String: WebhookValue] {
        [
            "submissionId": .init(s.id), "number": .int(s.number), "title": .string(s.title),
            "status": .string(s.status.rawValue), "format": .string(s.format.rawValue), "topicId": .init(s.topicId),
        ]
    }
}

extension WebhookEvent {
    /// The webhook event a domain event raises, if any; `messages` is how many messages the same event queued.
    public init?(_ event: DomainEvent, messages: Int) {
        switch event {
        case .proposal(let submission, let action, let at):
            guard let raised = Self.submission(submission, action: action, at: at) else { return nil }
            self = raised
        case .reviewWritten(let review):
            self = .reviewSubmitted(review)
        case .decisionNotified(let submission, _, let at):
            self = .notificationQueued(submission, messages: messages, at: at)
        case .registration(let registration, let change, let at):
            let type: WebhookEventType = switch change {
            case .confirmed: .registrationConfirmed
            case .waitlisted: .registrationWaitlisted
            case .promoted: .registrationPromoted
            case .cancelled: .registrationCancelled
            }
            self = .registration(registration, type, at: at)
        case .programReleased(let release):
            self = .programReleased(release)
        }
    }
}

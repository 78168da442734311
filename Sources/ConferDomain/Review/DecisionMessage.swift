import Foundation

/// A message to one person, queued in the outbox.
public struct OutboundMessage: Sendable, Equatable {
    public var kind: String
    public var submissionId: UUID?
    public var recipient: String
    public var recipientName: String?
    public var language: String
    public var subject: String
    public var body: String

    public init(
        kind: String, submissionId: UUID?, recipient: String, recipientName: String?, language: String, subject: String,
        body: String
    ) {
        self.kind = kind
        self.submissionId = submissionId
        self.recipient = recipient
        self.recipientName = recipientName
        self.language = language
        self.subject = subject
        self.body = body
    }
}

/// The decision letter to each author of a decided proposal, in the proposal's language (French or English).
public enum DecisionMessage {
    public static let kind = "decision"

    public static func compose(_ s: Submission, conference: Conference, reviews: [Review]) -> [OutboundMessage] {
        let french = LanguageNegotiation.isFrench(s.language)
        let language = french ? "fr" : "en"
        let conferenceName = conference.text(.name, language: language) ?? conference.slug
        let accepted = s.status == .accepted
        let subject = french
            ? "\(conferenceName) : votre proposition n° \(s.number) est \(accepted ? "acceptée" : "refusée")"
            : "\(conferenceName): your proposal #\(s.number) is \(accepted ? "accepted" : "rejected")"
        let comments = reviews.map(\.commentsForAuthors).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        return s.authors.map { author in
            var body: String
            if french {
                body = "Bonjour \(author.name),\n\n"
                body += accepted
                    ? "Nous avons le plaisir de vous annoncer que votre proposition « \(s.title) » a été acceptée (format : \(formatName(s.format, french: true))).\n"
                    : "Nous avons le regret de vous annoncer que votre proposition « \(s.title) » n'a pas été retenue.\n"
                if !comments.isEmpty {
                    body += "\nCommentaires du comité scientifique :\n"
                    for (index, comment) in comments.enumerated() { body += "\n— Évaluation \(index + 1) —\n\(comment)\n" }
                }
                body += "\nLe comité d'organisation de \(conferenceName)\n"
            } else {
                body = "Dear \(author.name),\n\n"
                body += accepted
                    ? "We are pleased to tell you that your proposal \"\(s.title)\" has been accepted (format: \(formatName(s.format, french: false))).\n"
                    : "We regret to tell you that your proposal \"\(s.title)\" has not been accepted.\n"
                if !comments.isEmpty {
                    body += "\nComments from the scientific committee:\n"
                    for (index, comment) in comments.enumerated() { body += "\n— Review \(index + 1) —\n\(comment)\n" }
                }
                body += "\nThe organizing committee of \(conferenceName)\n"
            }
            return OutboundMessage(
                kind: kind, submissionId: s.id, recipient: author.email, recipientName: author.name, language: language,
                subject: subject, body: body)
        }
    }

    static func formatName(_ format: SubmissionFormat, french: Bool) -> String {
        switch format {
        case .oral: french ? "communication orale" : "oral presentation"
        case .poster: "poster"
        case .video: french ? "vidéo" : "video"
        }
    }
}

/// A message in the outbox, with its delivery state.
public struct OutboxMessage: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable { case queued, sent, failed }

    public var id: UUID
    public var conferenceId: UUID
    public var message: OutboundMessage
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?

    public init(
        id: UUID, conferenceId: UUID, message: OutboundMessage, status: Status, attempts: Int, nextAttemptAt: Date,
        lastError: String?, createdAt: Date, sentAt: Date?
    ) {
        self.id = id
        self.conferenceId = conferenceId
        self.message = message
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.sentAt = sentAt
    }
}

/// Sends outbox messages (by email, or to the log).
public protocol MessageTransport: Sendable {
    func send(_ message: OutboxMessage) async throws
}

/// Retry policy of outbox delivery.
public enum DeliveryPolicy {
    /// After this many failed attempts a message is marked failed and left for organizers to see.
    public static let maxAttempts = 8

    /// Exponential backoff: 30 s, 1 min, 2 min, … capped at 1 hour.
    public static func delay(afterAttempt attempt: Int) -> TimeInterval {
        min(3600, 30 * pow(2, Double(max(attempt - 1, 0))))
    }
}

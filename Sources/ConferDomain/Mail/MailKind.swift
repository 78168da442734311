import Foundation

/// Every letter Confer writes from a template. Each offers its own variables, besides `recipient` and `conference`.
public enum MailKind: String, Sendable, CaseIterable {
    case decisionAccepted = "decision-accepted"
    case decisionRejected = "decision-rejected"
    case registrationConfirmed = "registration-confirmed"
    case registrationWaitlisted = "registration-waitlisted"
    case registrationPromoted = "registration-promoted"
    case registrationCancelled = "registration-cancelled"
    case reviewAssigned = "review-assigned"
    case reviewReminder = "review-reminder"

    /// Values of the right shape for checking a template: one with every list filled and every flag set, one with
    /// lists empty and flags cleared, so that both sides of every section are read.
    public var samples: [TemplateValue] {
        [true, false].map { full in
            var fields = LetterValues.commonSample
            switch self {
            case .decisionAccepted, .decisionRejected:
                fields["submission"] = LetterValues.submissionSample
                fields["hasComments"] = .flag(full)
                fields["comments"] = .list(full ? [.object(["number": .text("1"), "text": .text("…")])] : [])
            case .registrationConfirmed, .registrationWaitlisted, .registrationPromoted, .registrationCancelled:
                fields["registration"] = .object([
                    "category": .text("…"), "status": .text("confirmed"), "amount": .text("0.00 EUR"),
                    "waitlistPosition": .text(full ? "1" : ""), "paymentStatus": .text("waived"),
                ])
            case .reviewAssigned, .reviewReminder:
                fields["count"] = .text(full ? "1" : "0")
                fields["submissions"] = .list(full ? [LetterValues.submissionSample] : [])
            }
            return .object(fields)
        }
    }

    /// The variables a template of this kind may use.
    public var variables: [String] { samples[0].variables }
}

/// The values common to every letter, and mailings' only ones.
public enum LetterValues {
    static let commonSample: [String: TemplateValue] = [
        "recipient": .object(["name": .text("…"), "email": .text("…")]),
        "conference": .object([
            "name": .text("…"), "acronym": .text("…"), "venue": .text("…"), "slug": .text("…"),
            "startDate": .text("…"), "endDate": .text("…"),
        ]),
    ]
    static let submissionSample: TemplateValue = .object([
        "number": .text("1"), "title": .text("…"), "format": .text("…"),
    ])

    /// Samples for a mailing, which knows only its recipient and conference.
    public static let mailingSamples: [TemplateValue] = [.object(commonSample)]

    /// `recipient` and `conference` for one letter in `language`.
    public static func common(
        name: String?, email: String, conference: Conference, language: String
    ) -> [String: TemplateValue] {
        [
            "recipient": .object(["name": .text(name ?? email), "email": .text(email)]),
            "conference": .object([
                "name": .text(conference.text(.name, language: language) ?? conference.slug),
                "acronym": .text(conference.text(.acronym, language: language) ?? ""),
                "venue": .text(conference.text(.venue, language: language) ?? ""),
                "slug": .text(conference.slug),
                "startDate": .text(conference.startDate.description),
                "endDate": .text(conference.endDate.description),
            ]),
        ]
    }

    /// A proposal as letters name it, its format in `language`.
    public static func submission(_ s: Submission, language: String) -> TemplateValue {
        .object([
            "number": .text(String(s.number)), "title": .text(s.title),
            "format": .text(formatName(s.format, french: language == "fr")),
        ])
    }

    static func formatName(_ format: SubmissionFormat, french: Bool) -> String {
        switch format {
        case .oral: french ? "communication orale" : "oral presentation"
        case .poster: "poster"
        case .video: french ? "vidéo" : "video"
        }
    }
}

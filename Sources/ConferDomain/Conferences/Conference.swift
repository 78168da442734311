import Foundation

/// How much reviewers and authors know of each other.
public enum ReviewMode: String, Sendable, CaseIterable {
    /// Authors never see reviewer identities; reviewers see authors.
    case singleBlind = "single-blind"
    /// Neither side sees the other.
    case doubleBlind = "double-blind"
    /// Both see each other.
    case open
}

/// A conference: its dates, languages, limits and human texts.
public struct Conference: Sendable, Equatable {
    public var id: UUID
    /// The public identifier in URLs, e.g. `expairs-2019`.
    public var slug: String
    /// The conference's languages; the first is the language of its plain text fields.
    public var languages: [String]
    /// `name`, `acronym`, `venue` and `description` by language.
    public var texts: Translations
    public var startDate: CalendarDate
    public var endDate: CalendarDate
    /// IANA time zone of the venue, e.g. `Europe/Paris`.
    public var timezone: String
    public var submissionDeadline: Date?
    public var notificationDate: Date?
    public var programDate: Date?
    public var registrationOpens: Date?
    public var registrationCloses: Date?
    /// Longest abstract accepted, in Unicode characters.
    public var abstractMaxLength: Int
    public var reviewMode: ReviewMode
    public var reviewsPerSubmission: Int
    /// The sender of the conference's mail (`EXPAIRs 2019 <expairs@example.org>`); the server's `MAIL_FROM` when nil.
    public var mailFrom: MailAddress?
    /// Where replies to its mail go; nowhere special when nil.
    public var replyTo: MailAddress?
    public var createdAt: Date
    public var updatedAt: Date
    /// Bumped on every change; the `ETag`.
    public var version: Int

    /// The language of the plain text fields of requests.
    public var primaryLanguage: String { languages.first ?? "en" }

    /// A text in the best language for `Accept-Language`, falling back to the other languages in order.
    public func text(_ field: ConferenceText, language: String) -> String? {
        texts.text(field.rawValue, in: language, fallbacks: languages)
    }

    public init(
        id: UUID, slug: String, languages: [String], texts: Translations, startDate: CalendarDate,
        endDate: CalendarDate, timezone: String, submissionDeadline: Date?, notificationDate: Date?,
        programDate: Date?, registrationOpens: Date?, registrationCloses: Date?, abstractMaxLength: Int,
        reviewMode: ReviewMode, reviewsPerSubmission: Int, createdAt: Date, updatedAt: Date, version: Int,
        mailFrom: MailAddress? = nil, replyTo: MailAddress? = nil
    ) {
        self.id = id
        self.slug = slug
        self.languages = languages
        self.texts = texts
        self.startDate = startDate
        self.endDate = endDate
        self.timezone = timezone
        self.submissionDeadline = submissionDeadline
        self.notificationDate = notificationDate
        self.programDate = programDate
        self.registrationOpens = registrationOpens
        self.registrationCloses = registrationCloses
        self.abstractMaxLength = abstractMaxLength
        self.reviewMode = reviewMode
        self.reviewsPerSubmission = reviewsPerSubmission
        self.mailFrom = mailFrom
        self.replyTo = replyTo
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}

/// The translatable texts of a conference, with their limits in characters.
public enum ConferenceText: String, Sendable, CaseIterable {
    case name, acronym, venue, description

    /// Allowed length of each text.
    public var limit: ClosedRange<Int> {
        switch self {
        case .name: 1...300
        case .acronym: 0...40
        case .venue: 0...500
        case .description: 0...10_000
        }
    }

    /// Limits by field name, for validating `translations`.
    public static let limits: [String: ClosedRange<Int>] =
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.limit) })
}

/// A conference as a client asks to create or change it: every field optional, nothing validated yet.
public struct ConferenceInput: Sendable, Equatable {
    public var slug: String?
    public var name: String?
    public var acronym: String?
    public var venue: String?
    public var description: String?
    public var startDate: String?
    public var endDate: String?
    public var timezone: String?
    public var languages: [String]?
    public var submissionDeadline: Date?
    public var notificationDate: Date?
    public var programDate: Date?
    public var registrationOpens: Date?
    public var registrationCloses: Date?
    public var abstractMaxLength: Int?
    public var reviewMode: ReviewMode?
    public var reviewsPerSubmission: Int?
    public var mailFrom: String?
    public var replyTo: String?
    /// Texts in other languages (or in the first language too, where the plain fields win).
    public var translations: Translations?
    /// The fields a merge patch set to `null` (JSON paths): each is cleared, or refused when it cannot be.
    public var cleared: Set<String> = []

    public init() {}
}

import Foundation

/// Where a proposal stands in the call for papers and review.
public enum SubmissionStatus: String, Sendable, CaseIterable {
    case draft, submitted, accepted, rejected, withdrawn
}

/// How a proposal would be presented. The reference call accepts video only in exceptional cases.
public enum SubmissionFormat: String, Sendable, CaseIterable, Codable {
    case oral, poster, video
}

/// One author of a proposal, as the corresponding author listed them.
public struct SubmissionAuthor: Sendable, Equatable {
    public var name: String
    public var email: String
    public var affiliation: String?
    /// Presents the work at the conference; every proposal has at least one presenting author.
    public var presenting: Bool

    public init(name: String, email: String, affiliation: String?, presenting: Bool) {
        self.name = name
        self.email = email
        self.affiliation = affiliation
        self.presenting = presenting
    }
}

/// A proposal to a conference's call for papers.
public struct Submission: Sendable, Equatable {
    public var id: UUID
    public var conferenceId: UUID
    /// Sequential within the conference, from 1, for people to quote ("proposal #12"); set by storage.
    public var number: Int
    /// The corresponding author: the account that created it and may edit it.
    public var ownerId: UUID
    public var status: SubmissionStatus
    public var title: String
    public var abstract: String
    /// The language of `title` and `abstract`; one of the conference's languages.
    public var language: String
    /// `title` and `abstract` in the conference's other languages.
    public var translations: Translations
    public var topicId: UUID?
    public var format: SubmissionFormat
    public var videoJustification: String?
    public var keywords: [String]
    public var authors: [SubmissionAuthor]
    public var createdAt: Date
    public var updatedAt: Date
    public var submittedAt: Date?
    public var withdrawnAt: Date?
    /// When organizers decided it; reviews close then.
    public var decidedAt: Date? = nil
    /// When its authors were told the decision; they see reviews only from then on.
    public var notifiedAt: Date? = nil
    /// Remarks for its authors and organizers from the last save (anonymity, likely duplicates); never blocking.
    public var warnings: [SubmissionWarning] = []
    public var version: Int

    public init(
        id: UUID, conferenceId: UUID, number: Int, ownerId: UUID, status: SubmissionStatus, title: String,
        abstract: String, language: String, translations: Translations, topicId: UUID?, format: SubmissionFormat,
        videoJustification: String?, keywords: [String], authors: [SubmissionAuthor], createdAt: Date,
        updatedAt: Date, submittedAt: Date?, withdrawnAt: Date?, version: Int
    ) {
        self.id = id
        self.conferenceId = conferenceId
        self.number = number
        self.ownerId = ownerId
        self.status = status
        self.title = title
        self.abstract = abstract
        self.language = language
        self.translations = translations
        self.topicId = topicId
        self.format = format
        self.videoJustification = videoJustification
        self.keywords = keywords
        self.authors = authors
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.submittedAt = submittedAt
        self.withdrawnAt = withdrawnAt
        self.version = version
    }

    /// Every text full-text search should find: titles and abstracts in all languages, and keywords.
    public var searchableText: String {
        var parts = [title, abstract]
        for (_, fields) in translations.byLanguage.sorted(by: { $0.key < $1.key }) {
            parts.append(contentsOf: [fields["title"], fields["abstract"]].compactMap { $0 })
        }
        parts.append(contentsOf: keywords)
        return parts.joined(separator: "\n")
    }

    /// Whether `email` is one of the authors' (ignoring case).
    public func hasAuthor(email: String) -> Bool {
        let email = email.lowercased()
        return authors.contains { $0.email.lowercased() == email }
    }
}

/// A proposal as a client asks to create or change it: every field optional, nothing validated yet.
public struct SubmissionInput: Sendable, Equatable {
    public var title: String?
    public var abstract: String?
    /// `.some(nil)` clears the topic.
    public var topicId: UUID??
    public var format: SubmissionFormat?
    public var videoJustification: String?
    public var language: String?
    public var keywords: [String]?
    public var authors: [SubmissionAuthor]?
    public var translations: Translations?
    /// The fields a merge patch set to `null` (JSON paths): each is cleared, or refused when it cannot be.
    public var cleared: Set<String> = []

    public init() {}
}

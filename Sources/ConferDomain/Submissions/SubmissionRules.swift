import Foundation

/// Validation of proposals against their conference's call.
public enum SubmissionRules {
    public static let titleLimit = 1...300
    public static let maxKeywords = 10
    public static let keywordLimit = 1...100
    public static let authorCount = 1...20
    public static let justificationLimit = 1...2000

    /// What a merge patch may set to `null`: the topic, the video justification, texts of `translations`.
    public static let clearable: Set<String> = ["topicId", "videoJustification", "translations.*"]

    /// Builds a new draft from a create request. `topicExists` tells whether `topicId` names a topic of this conference.
    public static func create(
        _ input: SubmissionInput, conference: Conference, owner: Caller, topicExists: Bool, id: UUID, now: Date
    ) throws(DomainError) -> Submission {
        var v = Validator()
        v.require(input.title != nil, "title", "is required")
        v.require(input.abstract != nil, "abstract", "is required")
        v.require(input.format != nil, "format", "is required")
        v.require(input.language != nil, "language", "is required")
        v.require(input.authors != nil, "authors", "is required")
        let blank = Submission(
            id: id, conferenceId: conference.id, number: 0, ownerId: owner.accountId, status: .draft, title: "",
            abstract: "", language: input.language ?? conference.primaryLanguage, translations: Translations(),
            topicId: nil, format: input.format ?? .oral, videoJustification: nil, keywords: [], authors: [],
            createdAt: now, updatedAt: now, submittedAt: nil, withdrawnAt: nil, version: 1)
        return try apply(input, to: blank, conference: conference, topicExists: topicExists, now: now, issues: v, creating: true)
    }

    /// Applies a partial update and checks the whole proposal against the call.
    public static func apply(
        _ input: SubmissionInput, to current: Submission, conference: Conference, topicExists: Bool, now: Date,
        issues: Validator = Validator(), creating: Bool = false
    ) throws(DomainError) -> Submission {
        var v = issues
        var next = current
        try MergePatch.check(input.cleared, clearable: clearable)
        if input.cleared.contains("topicId") { next.topicId = nil }
        if input.cleared.contains("videoJustification") { next.videoJustification = nil }
        if let title = input.title {
            next.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
            v.text(title, "title", min: titleLimit.lowerBound, max: titleLimit.upperBound)
        }
        if let abstract = input.abstract {
            next.abstract = abstract.trimmingCharacters(in: .whitespacesAndNewlines)
            v.text(abstract, "abstract", min: 1, max: conference.abstractMaxLength)
        }
        if let language = input.language {
            v.require(conference.languages.contains(language), "language",
                      "must be one of the conference's languages (\(conference.languages.joined(separator: ", ")))")
            next.language = language
        }
        if let topic = input.topicId {
            next.topicId = topic
            if topic != nil { v.require(topicExists, "topicId", "is not a work area or topic of this conference") }
        }
        if let format = input.format { next.format = format }
        if let justification = input.videoJustification {
            v.text(justification, "videoJustification", max: justificationLimit.upperBound)
            next.videoJustification = justification.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        }
        if let keywords = input.keywords {
            v.require(keywords.count <= maxKeywords, "keywords", "must list at most \(maxKeywords) keywords")
            for (index, keyword) in keywords.enumerated() {
                v.text(keyword, "keywords[\(index)]", min: keywordLimit.lowerBound, max: keywordLimit.upperBound)
            }
            next.keywords = keywords.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        if let authors = input.authors {
            validate(authors, into: &v)
            next.authors = authors.map {
                SubmissionAuthor(
                    name: $0.name.trimmingCharacters(in: .whitespacesAndNewlines),
                    email: $0.email.trimmingCharacters(in: .whitespacesAndNewlines),
                    affiliation: $0.affiliation?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty,
                    presenting: $0.presenting)
            }
        }
        if let translations = input.translations {
            let limits = ["title": titleLimit, "abstract": 1...conference.abstractMaxLength]
            translations.validate(languages: conference.languages, limits: limits, into: &v)
            next.translations = next.translations.merging(translations).restricted(to: conference.languages)
        }
        // Rules over the whole proposal, whatever the request changed.
        if next.format == .video && next.videoJustification == nil {
            v.add("videoJustification", "is required for a video: the call accepts videos only in exceptional cases")
        }
        if next.translations.byLanguage[next.language] != nil {
            v.add("translations.\(next.language)", "repeats the proposal's own language; put those texts in title and abstract")
        }
        try v.finish()
        if !creating {
            next.updatedAt = now
            next.version = current.version + 1
        }
        // Warnings are recomputed on every save, so fixing the text clears them; storage adds likely duplicates.
        next.warnings = AnonymityCheck.warnings(for: next, reviewMode: conference.reviewMode)
        return next
    }

    static func validate(_ authors: [SubmissionAuthor], into v: inout Validator) {
        v.require(authorCount.contains(authors.count), "authors",
                  "must list \(authorCount.lowerBound) to \(authorCount.upperBound) authors")
        v.require(authors.isEmpty || authors.contains(where: \.presenting), "authors",
                  "must have at least one presenting author")
        var seen = Set<String>()
        for (index, author) in authors.enumerated() {
            v.text(author.name, "authors[\(index)].name", min: 1, max: 200)
            let email = author.email.trimmingCharacters(in: .whitespacesAndNewlines)
            v.require(AccountRules.isPlausibleEmail(email), "authors[\(index)].email", "must be an email address")
            v.require(seen.insert(email.lowercased()).inserted, "authors[\(index)].email", "lists the same author twice")
            v.text(author.affiliation, "authors[\(index)].affiliation", max: 300)
        }
    }
}

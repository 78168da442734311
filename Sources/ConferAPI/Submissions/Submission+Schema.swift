import ConferAPIContract
import ConferDomain
import Foundation

extension Components.Schemas.Submission {
    /// A proposal as `viewer` may see it: no authors for reviewers in double-blind review, no decision before
    /// the authors are notified, review counts only for organizers.
    init(
        _ s: Submission, viewer: SubmissionViewer, conference: Conference, history: [HistoryEntry]? = nil,
        summary: ReviewSummary? = nil
    ) {
        let showsAuthors = SubmissionAccess.showsAuthors(to: viewer, in: conference)
        let status = SubmissionAccess.visibleStatus(s, to: viewer)
        let decisionVisible = status == s.status
        self.init(
            id: s.id.uuidString.lowercased(), number: s.number, status: .init(status), title: s.title,
            abstract: s.abstract, topicId: s.topicId?.uuidString.lowercased(), format: .init(s.format),
            videoJustification: s.videoJustification, language: s.language, keywords: s.keywords,
            authors: !showsAuthors ? [] : s.authors.map {
                .init(name: $0.name, email: $0.email, affiliation: $0.affiliation, presenting: $0.presenting)
            },
            translations: .init(additionalProperties: s.translations.byLanguage.mapValues {
                Components.Schemas.SubmissionTexts(title: $0["title"], abstract: $0["abstract"])
            }),
            createdAt: s.createdAt, updatedAt: s.updatedAt, submittedAt: s.submittedAt, withdrawnAt: s.withdrawnAt,
            decidedAt: decisionVisible ? s.decidedAt : nil, notifiedAt: s.notifiedAt,
            // Anonymity warnings quote author names, and duplicates point at other proposals: never for reviewers.
            warnings: viewer == .reviewer ? [] : s.warnings.map {
                .init(field: $0.field, code: .init($0.code), message: $0.message)
            },
            reviewSummary: viewer == .organizer ? summary.map { .init(count: $0.count, meanScore: $0.meanScore) } : nil,
            history: history.flatMap { SubmissionAccess.visibleHistory($0, of: s, to: viewer) }?
                .map(Components.Schemas.HistoryEntry.init))
    }
}

extension Components.Schemas.HistoryEntry {
    init(_ entry: HistoryEntry) {
        self.init(
            id: String(entry.id), at: entry.at, action: .init(entry.action),
            actor: .init(id: entry.actorId.uuidString.lowercased(), name: entry.actorName,
                         role: entry.actorRole == .organizer ? .organizer : .author),
            changes: entry.changes.map { .init(field: $0.field, before: $0.before, after: $0.after) })
    }
}

extension Components.Schemas.SubmissionStatus {
    init(_ status: SubmissionStatus) {
        switch status {
        case .draft: self = .draft
        case .submitted: self = .submitted
        case .accepted: self = .accepted
        case .rejected: self = .rejected
        case .withdrawn: self = .withdrawn
        }
    }

    var domain: SubmissionStatus {
        switch self {
        case .draft: .draft
        case .submitted: .submitted
        case .accepted: .accepted
        case .rejected: .rejected
        case .withdrawn: .withdrawn
        }
    }
}

extension Components.Schemas.SubmissionFormat {
    init(_ format: SubmissionFormat) {
        switch format {
        case .oral: self = .oral
        case .poster: self = .poster
        case .video: self = .video
        }
    }

    var domain: SubmissionFormat {
        switch self {
        case .oral: .oral
        case .poster: .poster
        case .video: .video
        }
    }
}

extension Components.Schemas.WarningCode {
    init(_ code: SubmissionWarning.Code) {
        switch code {
        case .authorName: self = .authorName
        case .authorEmail: self = .authorEmail
        case .authorAffiliation: self = .authorAffiliation
        case .selfReference: self = .selfReference
        case .possibleDuplicate: self = .possibleDuplicate
        }
    }
}

extension Components.Schemas.HistoryAction {
    init(_ action: SubmissionAction) {
        switch action {
        case .created: self = .created
        case .edited: self = .edited
        case .submitted: self = .submitted
        case .withdrawn: self = .withdrawn
        case .accepted: self = .accepted
        case .rejected: self = .rejected
        }
    }
}


extension Components.Schemas.SubmissionStats {
    init(_ stats: SubmissionStats) {
        let status = { (s: SubmissionStatus) in stats.byStatus[s] ?? 0 }
        let format = { (f: SubmissionFormat) in stats.byFormat[f] ?? 0 }
        self.init(
            total: stats.total,
            byStatus: .init(draft: status(.draft), submitted: status(.submitted), accepted: status(.accepted),
                            rejected: status(.rejected), withdrawn: status(.withdrawn)),
            byFormat: .init(oral: format(.oral), poster: format(.poster), video: format(.video)),
            byTopic: stats.byTopic.map { .init(topicId: $0.topicId?.uuidString.lowercased(), count: $0.count) })
    }
}

/// A request's fields as the domain takes them; malformed ids are named like any other invalid field.
struct SubmissionFields {
    var title: String?
    var abstract: String?
    var topicId: String?
    var format: Components.Schemas.SubmissionFormat?
    var videoJustification: String?
    var language: String?
    var keywords: [String]?
    var authors: [Components.Schemas.SubmissionAuthor]?
    var translations: Components.Schemas.SubmissionTranslations?

    init(_ body: Components.Schemas.SubmissionCreate) {
        self.init(
            title: body.title, abstract: body.abstract, topicId: body.topicId, format: body.format,
            videoJustification: body.videoJustification, language: body.language, keywords: body.keywords,
            authors: body.authors, translations: body.translations)
    }

    init(_ body: Components.Schemas.SubmissionPatch) {
        self.init(
            title: body.title, abstract: body.abstract, topicId: body.topicId, format: body.format,
            videoJustification: body.videoJustification, language: body.language, keywords: body.keywords,
            authors: body.authors, translations: body.translations)
    }

    init(
        title: String?, abstract: String?, topicId: String?, format: Components.Schemas.SubmissionFormat?,
        videoJustification: String?, language: String?, keywords: [String]?,
        authors: [Components.Schemas.SubmissionAuthor]?, translations: Components.Schemas.SubmissionTranslations?
    ) {
        self.title = title
        self.abstract = abstract
        self.topicId = topicId
        self.format = format
        self.videoJustification = videoJustification
        self.language = language
        self.keywords = keywords
        self.authors = authors
        self.translations = translations
    }

    /// The domain input; a `topicId` that is not a UUID is a validation error on `topicId`.
    func input() throws(DomainError) -> SubmissionInput {
        var input = SubmissionInput()
        input.title = title
        input.abstract = abstract
        if let topicId {
            guard let id = UUID(exactly: topicId) else { throw DomainError.invalid("topicId", "must be a UUID") }
            input.topicId = .some(id)
        }
        input.format = format?.domain
        input.videoJustification = videoJustification
        input.language = language
        input.keywords = keywords
        input.authors = authors?.map {
            SubmissionAuthor(name: $0.name, email: $0.email, affiliation: $0.affiliation, presenting: $0.presenting)
        }
        input.translations = translations.map { value in
            Translations(value.additionalProperties.mapValues { texts in
                var fields: [String: String] = [:]
                fields["title"] = texts.title
                fields["abstract"] = texts.abstract
                return fields
            })
        }
        return input
    }
}

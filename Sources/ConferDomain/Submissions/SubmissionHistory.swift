import Foundation

/// What happened to a proposal in one step of its history.
public enum SubmissionAction: String, Sendable, CaseIterable {
    case created, edited, submitted, withdrawn, accepted, rejected
}

/// Who acted, in which capacity: authors can see what organizers changed on their proposal.
public enum ActorRole: String, Sendable, CaseIterable {
    case author, organizer
}

/// One field's value before and after a change, as a person reads it.
public struct FieldChange: Sendable, Equatable, Codable {
    public var field: String
    public var before: String?
    public var after: String?

    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }
}

/// One entry of a proposal's history.
public struct HistoryEntry: Sendable, Equatable {
    /// Increasing with time; set by storage.
    public var id: Int64
    public var submissionId: UUID
    public var actorId: UUID
    public var actorName: String
    public var actorRole: ActorRole
    public var action: SubmissionAction
    public var changes: [FieldChange]
    public var at: Date

    public init(
        id: Int64 = 0, submissionId: UUID, actorId: UUID, actorName: String, actorRole: ActorRole,
        action: SubmissionAction, changes: [FieldChange], at: Date
    ) {
        self.id = id
        self.submissionId = submissionId
        self.actorId = actorId
        self.actorName = actorName
        self.actorRole = actorRole
        self.action = action
        self.changes = changes
        self.at = at
    }
}

/// Field-by-field differences between two versions of a proposal.
public enum SubmissionDiff {
    /// The changed fields, in a fixed order, with readable before and after values.
    public static func changes(from old: Submission?, to new: Submission) -> [FieldChange] {
        var changes: [FieldChange] = []
        func compare(_ field: String, _ render: (Submission) -> String?) {
            let before = old.flatMap(render)
            let after = render(new)
            if before != after { changes.append(FieldChange(field: field, before: before, after: after)) }
        }
        compare("status") { $0.status.rawValue }
        compare("title") { $0.title }
        compare("abstract") { $0.abstract }
        compare("language") { $0.language }
        compare("topicId") { $0.topicId?.uuidString.lowercased() }
        compare("format") { $0.format.rawValue }
        compare("videoJustification") { $0.videoJustification }
        compare("keywords") { $0.keywords.isEmpty ? nil : $0.keywords.joined(separator: ", ") }
        compare("authors") { $0.authors.map(render).joined(separator: "; ") }
        let languages = Set((old?.translations.byLanguage.keys).map(Array.init) ?? []).union(new.translations.byLanguage.keys)
        for language in languages.sorted() {
            compare("translations.\(language).title") { $0.translations.text("title", in: language) }
            compare("translations.\(language).abstract") { $0.translations.text("abstract", in: language) }
        }
        return changes
    }

    /// `Name <email> (Affiliation), presenting`.
    static func render(_ author: SubmissionAuthor) -> String {
        var text = "\(author.name) <\(author.email)>"
        if let affiliation = author.affiliation { text += " (\(affiliation))" }
        if author.presenting { text += ", presenting" }
        return text
    }
}

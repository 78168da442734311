import Foundation

/// Why a reviewer may not review a proposal.
public enum ConflictReason: Sendable, Equatable {
    /// The reviewer is one of its authors (by account or email).
    case author
    /// The reviewer shares an affiliation with one of its authors (case, accents and spacing ignored).
    case sameAffiliation(String)
    /// The reviewer, or an organizer for them, declared a conflict.
    case declared

    /// For problem details and reports.
    public var explanation: String {
        switch self {
        case .author: "the reviewer is one of the proposal's authors"
        case .sameAffiliation(let affiliation): "the reviewer shares the affiliation \"\(affiliation)\" with an author"
        case .declared: "a conflict of interest was declared"
        }
    }
}

/// What assignment needs to know about a committee member.
public struct ReviewerProfile: Sendable, Equatable {
    public var accountId: UUID
    public var name: String
    public var email: String
    public var affiliation: String?
    /// Topics the reviewer declared; auto-assignment prefers proposals on them.
    public var topicIds: [UUID]

    public init(accountId: UUID, name: String, email: String, affiliation: String?, topicIds: [UUID]) {
        self.accountId = accountId
        self.name = name
        self.email = email
        self.affiliation = affiliation
        self.topicIds = topicIds
    }
}

/// Conflicts of interest are computed, not only declared.
public enum ConflictRules {
    /// The first reason why `reviewer` may not review `submission`, or nil.
    public static func conflict(reviewer: ReviewerProfile, submission: Submission, declared: Bool) -> ConflictReason? {
        if submission.ownerId == reviewer.accountId || submission.hasAuthor(email: reviewer.email) { return .author }
        if let own = reviewer.affiliation.map(normalize), !own.isEmpty {
            for author in submission.authors {
                if let theirs = author.affiliation, normalize(theirs) == own { return .sameAffiliation(theirs) }
            }
        }
        return declared ? .declared : nil
    }

    /// Every reviewer's conflict with `submission`, normalising its affiliations once (auto-assignment calls this
    /// for every proposal). `declared` holds the reviewers who declared a conflict with it.
    public static func conflicts(
        reviewers: [ReviewerProfile], normalizedAffiliations: [UUID: String], submission: Submission, declared: Set<UUID>
    ) -> [UUID: ConflictReason] {
        var authorAffiliations: [String: String] = [:]
        for author in submission.authors {
            if let affiliation = author.affiliation {
                let key = normalize(affiliation)
                // The first author's spelling, as `conflict(reviewer:submission:declared:)` reports it.
                if !key.isEmpty && authorAffiliations[key] == nil { authorAffiliations[key] = affiliation }
            }
        }
        var result: [UUID: ConflictReason] = [:]
        for reviewer in reviewers {
            if submission.ownerId == reviewer.accountId || submission.hasAuthor(email: reviewer.email) {
                result[reviewer.accountId] = .author
            } else if let own = normalizedAffiliations[reviewer.accountId], let theirs = authorAffiliations[own] {
                result[reviewer.accountId] = .sameAffiliation(theirs)
            } else if declared.contains(reviewer.accountId) {
                result[reviewer.accountId] = .declared
            }
        }
        return result
    }

    /// "Université  Rennes 2" and "universite rennes 2" are the same institution.
    public static func normalize(_ affiliation: String) -> String {
        let folded = affiliation.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        let words = folded.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        return String(words).split(separator: " ").joined(separator: " ")
    }

    /// The refusal of an assignment that would break a conflict of interest.
    public static func refusal(_ reason: ConflictReason) -> DomainError {
        .conflict(code: "conflict-of-interest", detail: "This reviewer cannot review this proposal: \(reason.explanation).")
    }
}

extension ConflictRules {
    /// Who declares a conflict: a committee member for themself, organizers for any reviewer.
    public static func checkDeclarer(_ access: ConferenceAccess, for reviewerId: UUID) throws(DomainError) {
        if reviewerId != access.caller?.accountId { try access.requireOrganizer() }
        guard access.isOrganizer || access.isReviewer else {
            throw DomainError.forbidden("Only the scientific committee declares conflicts of interest.")
        }
    }

    /// Why a declared conflict's reason is refused, if it is.
    public static func validate(reason: String?) throws(DomainError) {
        var v = Validator()
        v.text(reason, "reason", max: 500)
        try v.finish()
    }
}

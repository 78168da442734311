import Foundation

/// How a caller relates to one proposal, which decides what they may see and do.
public enum SubmissionViewer: Sendable, Equatable {
    /// Sees and changes everything, at any time.
    case organizer
    /// The corresponding author: sees it, edits it until the deadline.
    case owner
    /// An author listed by email who has an account with that email: sees it, cannot edit it.
    case coAuthor
    /// A committee member assigned to review it; in double-blind review they never see who wrote it.
    case reviewer
}

/// Visibility and permission rules of proposals.
public enum SubmissionAccess {
    /// The caller's relation to `submission`; nil means it must look as if it did not exist (404).
    /// `assigned` tells whether the caller is assigned to review it.
    public static func viewer(_ access: ConferenceAccess, submission: Submission, assigned: Bool = false) -> SubmissionViewer? {
        guard let caller = access.caller else { return nil }
        if access.isOrganizer { return .organizer }
        if submission.ownerId == caller.accountId { return .owner }
        if submission.hasAuthor(email: caller.email) { return .coAuthor }
        if assigned && access.isReviewer { return .reviewer }
        return nil
    }

    /// Whether `viewer` may see the authors' names, emails and affiliations (and the history that carries them).
    public static func showsAuthors(to viewer: SubmissionViewer, in conference: Conference) -> Bool {
        !(viewer == .reviewer && conference.reviewMode == .doubleBlind)
    }

    /// Authors may create, edit, submit and withdraw until the submission deadline; organizers always.
    public static func checkDeadline(_ conference: Conference, viewer: SubmissionViewer, now: Date) throws(DomainError) {
        guard viewer != .organizer, let deadline = conference.submissionDeadline, now > deadline else { return }
        throw DomainError.conflict(
            code: "deadline-passed",
            detail: "The submission deadline (\(deadline.formatted(.iso8601))) has passed; proposals can no longer be created or changed.")
    }

    /// Only the corresponding author and organizers change a proposal; co-authors and reviewers read it.
    public static func requireEditor(_ viewer: SubmissionViewer) throws(DomainError) {
        guard viewer == .owner || viewer == .organizer else {
            throw DomainError.forbidden("Only the corresponding author (who created the proposal) or an organizer may change it.")
        }
    }

    /// Authors learn the decision only once they are notified; until then a decided proposal still reads as submitted.
    public static func visibleStatus(_ submission: Submission, to viewer: SubmissionViewer) -> SubmissionStatus {
        let decided = submission.status == .accepted || submission.status == .rejected
        if decided && submission.notifiedAt == nil && viewer != .organizer { return .submitted }
        return submission.status
    }

    /// The history entries `viewer` may read: none for reviewers (it names authors), and for authors nothing
    /// that reveals a decision before notification.
    public static func visibleHistory(_ entries: [HistoryEntry], of submission: Submission, to viewer: SubmissionViewer) -> [HistoryEntry]? {
        switch viewer {
        case .organizer: return entries
        case .reviewer: return nil
        case .owner, .coAuthor:
            guard submission.notifiedAt == nil else { return entries }
            return entries.filter { $0.action != .accepted && $0.action != .rejected }
        }
    }

    /// The role recorded in history for a change by `viewer`.
    public static func actorRole(_ viewer: SubmissionViewer) -> ActorRole {
        viewer == .organizer ? .organizer : .author
    }

    /// Only organizers may order proposals by review score: the order itself would tell authors how they fare.
    public static func checkSort(_ sort: SubmissionQuery.Sort, access: ConferenceAccess) throws(DomainError) {
        if sort == .score && !access.isOrganizer {
            throw DomainError.forbidden("Only organizers may sort proposals by review score.")
        }
    }
}

/// What a list of proposals may show the caller.
public enum SubmissionScope: Sendable, Equatable {
    /// Organizers: every proposal.
    case all
    /// Authors: the proposals they created or are listed on by email.
    case authoredBy(accountId: UUID, email: String)
    /// Reviewers: those they wrote or are listed on, and those they are assigned to review.
    case authoredOrAssigned(accountId: UUID, email: String)
}

/// Filters and order of a proposal list.
public struct SubmissionQuery: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable {
        case createdAt, title
        case createdAtDescending = "-createdAt"
        case titleDescending = "-title"
        /// Highest mean review score first, unreviewed last (organizers).
        case score
    }

    public var scope: SubmissionScope
    public var status: SubmissionStatus?
    public var topicId: UUID?
    public var format: SubmissionFormat?
    /// Full text, French and English stemming, over titles, abstracts (all languages) and keywords.
    public var text: String?
    /// Only those whose last save raised an anonymity warning.
    public var hasAnonymityWarnings: Bool?
    /// Only those similar to this proposal (`NearDuplicates.threshold`), organizers only.
    public var duplicateOf: UUID?
    public var sort: Sort

    public init(
        scope: SubmissionScope, status: SubmissionStatus? = nil, topicId: UUID? = nil, format: SubmissionFormat? = nil,
        text: String? = nil, sort: Sort = .createdAt
    ) {
        self.scope = scope
        self.status = status
        self.topicId = topicId
        self.format = format
        self.text = text
        self.sort = sort
    }
}

/// Counts of a conference's proposals, for organizers.
public struct SubmissionStats: Sendable, Equatable {
    public var total: Int
    public var byStatus: [SubmissionStatus: Int]
    public var byFormat: [SubmissionFormat: Int]
    /// Topic id (nil: no topic) and count, in topic order.
    public var byTopic: [(topicId: UUID?, count: Int)]

    public init(total: Int, byStatus: [SubmissionStatus: Int], byFormat: [SubmissionFormat: Int], byTopic: [(topicId: UUID?, count: Int)]) {
        self.total = total
        self.byStatus = byStatus
        self.byFormat = byFormat
        self.byTopic = byTopic
    }

    public static func == (lhs: SubmissionStats, rhs: SubmissionStats) -> Bool {
        lhs.total == rhs.total && lhs.byStatus == rhs.byStatus && lhs.byFormat == rhs.byFormat
            && lhs.byTopic.map(\.topicId) == rhs.byTopic.map(\.topicId) && lhs.byTopic.map(\.count) == rhs.byTopic.map(\.count)
    }
}

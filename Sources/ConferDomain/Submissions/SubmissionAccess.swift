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

    /// Whether the caller may know the proposal exists: the committee knows every proposal's id (reviewers are told
    /// 403, not 404, where they may not act), anyone else only those they wrote or are listed on.
    public static func isKnown(_ submission: Submission, to access: ConferenceAccess) -> Bool {
        access.isOrganizer || access.isReviewer || viewer(access, submission: submission) != nil
    }

    /// Whether `viewer` may see the authors' names, emails and affiliations (and the history that carries them).
    public static func showsAuthors(to viewer: SubmissionViewer, in conference: Conference) -> Bool {
        !(viewer == .reviewer && conference.reviewMode == .doubleBlind)
    }

    /// Its corresponding author (and organizers) change a proposal, before the deadline unless an organizer;
    /// `deadlineApplies` false exempts a change from the deadline (withdrawing an accepted proposal).
    public static func checkAuthorChange(
        _ viewer: SubmissionViewer, conference: Conference, now: Date, deadlineApplies: Bool = true
    ) throws(DomainError) {
        try requireEditor(viewer)
        if deadlineApplies { try checkDeadline(conference, viewer: viewer, now: now) }
    }

    /// Only organizers decide.
    public static func requireOrganizer(_ viewer: SubmissionViewer) throws(DomainError) {
        guard viewer == .organizer else { throw DomainError.forbidden("Only organizers decide.") }
    }

    /// The refusal for a proposal the caller may not see, or that does not exist: the same, so none is revealed.
    public static func notFound(_ id: String) -> DomainError {
        .notFound("There is no proposal \(id) that you can see in this conference.")
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
        visibleStatus(submission.status, notified: submission.notifiedAt != nil, to: viewer)
    }

    /// The same rule on a stored status and whether the authors were notified.
    public static func visibleStatus(_ status: SubmissionStatus, notified: Bool, to viewer: SubmissionViewer) -> SubmissionStatus {
        let decided = status == .accepted || status == .rejected
        if decided && !notified && viewer != .organizer { return .submitted }
        return status
    }

    /// The stored states whose `visibleStatus` is `status` for the callers of `scope`: what a list filtered on a status
    /// matches, so that a filter shows exactly what its results say (no decision leaks before notification).
    public static func storedStates(shownAs status: SubmissionStatus, to scope: SubmissionScope) -> [StoredState] {
        let viewer: SubmissionViewer = switch scope {
        case .all: .organizer
        case .authoredBy: .owner
        case .authoredOrAssigned: .reviewer
        }
        return SubmissionStatus.allCases.flatMap { stored in [false, true].map { StoredState(status: stored, notified: $0) } }
            .filter { visibleStatus($0.status, notified: $0.notified, to: viewer) == status }
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

/// A proposal's status as stored, and whether its authors were told the decision.
public struct StoredState: Sendable, Equatable {
    public var status: SubmissionStatus
    public var notified: Bool

    public init(status: SubmissionStatus, notified: Bool) {
        self.status = status
        self.notified = notified
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

    /// The stored states `status` matches for this query's callers; nil when the list is not filtered on status.
    public var storedStates: [StoredState]? { status.map { SubmissionAccess.storedStates(shownAs: $0, to: scope) } }

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

import Foundation
import Testing
@testable import ConferDomain

/// The reviewer-related rules of `SubmissionAccess`: who is a reviewer of a proposal, what blind review hides,
/// and what a decision reveals before notification.
@Suite("SubmissionAccess for reviewers and decisions")
struct SubmissionAccessReviewerTests {
    typealias R = ReviewFixtures
    typealias S = SubmissionFixtures

    static let proposal = S.submission(status: .submitted)

    static let carol = Caller(
        accountId: UUID(uuidString: "00000000-0000-0000-0000-0000000000C0")!, email: "carol@example.org",
        name: "Carol Petit", isAdmin: false)

    static func viewer(
        _ caller: Caller?, roles: Set<Role>, assigned: Bool, submission: Submission = proposal
    ) -> SubmissionViewer? {
        SubmissionAccess.viewer(ConferenceAccess(caller: caller, roles: roles), submission: submission, assigned: assigned)
    }

    // MARK: viewer

    @Test("An assigned committee member with the reviewer role is a reviewer")
    func assignedReviewer() {
        #expect(Self.viewer(Self.carol, roles: [.reviewer], assigned: true) == .reviewer)
    }

    @Test("A reviewer who is not assigned sees nothing")
    func unassignedReviewer() {
        #expect(Self.viewer(Self.carol, roles: [.reviewer], assigned: false) == nil)
    }

    @Test("`assigned` defaults to false")
    func assignedDefault() {
        let access = ConferenceAccess(caller: Self.carol, roles: [.reviewer])
        #expect(SubmissionAccess.viewer(access, submission: Self.proposal) == nil)
    }

    @Test("Assigned but without the reviewer role (e.g. removed from the committee): nothing")
    func assignedWithoutRole() {
        #expect(Self.viewer(Self.carol, roles: [], assigned: true) == nil)
    }

    @Test("Assigned without a caller: nothing")
    func assignedWithoutCaller() {
        #expect(Self.viewer(nil, roles: [.reviewer], assigned: true) == nil)
    }

    @Test("An organizer stays an organizer when also an assigned reviewer")
    func organizerFirst() {
        #expect(Self.viewer(Self.carol, roles: [.organizer, .reviewer], assigned: true) == .organizer)
        #expect(Self.viewer(Fixtures.admin, roles: [.reviewer], assigned: true) == .organizer)
    }

    @Test("An author assigned to their own proposal remains an author, never its reviewer")
    func authorFirst() {
        #expect(Self.viewer(Fixtures.alice, roles: [.reviewer], assigned: true) == .owner)
        #expect(Self.viewer(Fixtures.bob, roles: [.reviewer], assigned: true) == .coAuthor)
    }

    // MARK: showsAuthors

    @Test("Reviewers do not see authors in double-blind review only", arguments: ReviewMode.allCases)
    func showsAuthorsToReviewer(mode: ReviewMode) throws {
        let conference = try R.conference(mode)
        #expect(SubmissionAccess.showsAuthors(to: .reviewer, in: conference) == (mode != .doubleBlind))
    }

    @Test("Organizers and authors always see authors",
          arguments: [SubmissionViewer.organizer, .owner, .coAuthor], ReviewMode.allCases)
    func showsAuthorsToOthers(viewer: SubmissionViewer, mode: ReviewMode) throws {
        #expect(SubmissionAccess.showsAuthors(to: viewer, in: try R.conference(mode)))
    }

    @Test("The reference conference is double-blind by default: reviewers do not see authors")
    func defaultModeHidesAuthors() throws {
        let conference = try Fixtures.referenceConference()
        #expect(conference.reviewMode == .doubleBlind)
        #expect(!SubmissionAccess.showsAuthors(to: .reviewer, in: conference))
    }

    // MARK: visibleStatus

    @Test("Before notification a decided proposal reads as submitted to everyone but organizers",
          arguments: [SubmissionViewer.owner, .coAuthor, .reviewer], [SubmissionStatus.accepted, .rejected])
    func decisionHidden(viewer: SubmissionViewer, status: SubmissionStatus) {
        #expect(SubmissionAccess.visibleStatus(R.submission(status), to: viewer) == .submitted)
    }

    @Test("Organizers see the decision at once", arguments: [SubmissionStatus.accepted, .rejected])
    func decisionToOrganizers(status: SubmissionStatus) {
        #expect(SubmissionAccess.visibleStatus(R.submission(status), to: .organizer) == status)
    }

    @Test("After notification everyone sees the decision",
          arguments: [SubmissionViewer.organizer, .owner, .coAuthor, .reviewer], [SubmissionStatus.accepted, .rejected])
    func decisionAfterNotification(viewer: SubmissionViewer, status: SubmissionStatus) {
        #expect(SubmissionAccess.visibleStatus(R.submission(status, notifiedAt: R.notified), to: viewer) == status)
    }

    @Test("Other statuses are never disguised",
          arguments: [SubmissionViewer.organizer, .owner, .coAuthor, .reviewer],
          [SubmissionStatus.draft, .submitted, .withdrawn])
    func otherStatuses(viewer: SubmissionViewer, status: SubmissionStatus) {
        #expect(SubmissionAccess.visibleStatus(R.submission(status), to: viewer) == status)
    }

    // MARK: visibleHistory

    static func entry(_ action: SubmissionAction, _ id: Int64, role: ActorRole = .author) -> HistoryEntry {
        HistoryEntry(
            id: id, submissionId: S.submissionId, actorId: role == .author ? Fixtures.alice.accountId : Fixtures.admin.accountId,
            actorName: role == .author ? "Alice Martin" : "Admin", actorRole: role, action: action,
            changes: [FieldChange(field: "status", before: nil, after: action.rawValue)], at: S.drafted)
    }

    static let history = [
        entry(.created, 1), entry(.edited, 2), entry(.submitted, 3), entry(.accepted, 4, role: .organizer),
        entry(.rejected, 5, role: .organizer), entry(.edited, 6, role: .organizer),
    ]

    @Test("Reviewers read no history, notified or not (it names the authors)", arguments: [nil, R.notified])
    func reviewersNoHistory(notifiedAt: Date?) {
        #expect(SubmissionAccess.visibleHistory(Self.history, of: R.submission(.accepted, notifiedAt: notifiedAt), to: .reviewer) == nil)
        #expect(SubmissionAccess.visibleHistory([], of: R.submission(.submitted), to: .reviewer) == nil)
    }

    @Test("Before notification authors read the history without decisions", arguments: [SubmissionViewer.owner, .coAuthor])
    func authorsBeforeNotification(viewer: SubmissionViewer) throws {
        let visible = try #require(SubmissionAccess.visibleHistory(Self.history, of: R.submission(.rejected), to: viewer))
        #expect(visible.map(\.id) == [1, 2, 3, 6])
        #expect(!visible.contains { $0.action == .accepted || $0.action == .rejected })
    }

    @Test("After notification authors read the whole history", arguments: [SubmissionViewer.owner, .coAuthor])
    func authorsAfterNotification(viewer: SubmissionViewer) {
        let visible = SubmissionAccess.visibleHistory(Self.history, of: R.submission(.rejected, notifiedAt: R.notified), to: viewer)
        #expect(visible == Self.history)
    }

    @Test("Organizers always read the whole history", arguments: [nil, R.notified])
    func organizersWholeHistory(notifiedAt: Date?) {
        #expect(SubmissionAccess.visibleHistory(Self.history, of: R.submission(.accepted, notifiedAt: notifiedAt), to: .organizer) == Self.history)
    }

    // MARK: checkSort

    static func sortError(_ sort: SubmissionQuery.Sort, caller: Caller?, roles: Set<Role>) -> DomainError? {
        domainError { () throws(DomainError) in
            try SubmissionAccess.checkSort(sort, access: ConferenceAccess(caller: caller, roles: roles))
        }
    }

    @Test("Only organizers may sort by score: reviewers, authors and anonymous callers are forbidden",
          arguments: [(Optional(carol), Set<Role>([.reviewer])), (Optional(Fixtures.alice), Set<Role>()), (Caller?.none, Set<Role>([.reviewer]))])
    func scoreSortForbidden(caller: Caller?, roles: Set<Role>) {
        let error = Self.sortError(.score, caller: caller, roles: roles)
        guard case .forbidden(let detail)? = error else {
            Issue.record("expected forbidden, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("score"))
    }

    @Test("Organizers and administrators may sort by score")
    func scoreSortOrganizers() {
        #expect(Self.sortError(.score, caller: Self.carol, roles: [.organizer]) == nil)
        #expect(Self.sortError(.score, caller: Self.carol, roles: [.organizer, .reviewer]) == nil)
        #expect(Self.sortError(.score, caller: Fixtures.admin, roles: []) == nil)
    }

    @Test("Every other sort is open to everyone",
          arguments: SubmissionQuery.Sort.allCases.filter { $0 != .score })
    func otherSorts(sort: SubmissionQuery.Sort) {
        #expect(Self.sortError(sort, caller: Self.carol, roles: [.reviewer]) == nil)
        #expect(Self.sortError(sort, caller: Fixtures.alice, roles: []) == nil)
        #expect(Self.sortError(sort, caller: nil, roles: []) == nil)
    }
}

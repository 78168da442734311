import Foundation
import Testing
@testable import ConferDomain

@Suite("SubmissionAccess")
struct SubmissionAccessTests {
    typealias S = SubmissionFixtures

    /// Alice's proposal, with Bob listed as co-author.
    static let proposal = S.submission(status: .submitted)

    static let carol = Caller(
        accountId: UUID(uuidString: "00000000-0000-0000-0000-0000000000C0")!, email: "carol@example.org",
        name: "Carol Petit", isAdmin: false)

    static func viewer(_ caller: Caller?, roles: Set<Role> = []) -> SubmissionViewer? {
        SubmissionAccess.viewer(ConferenceAccess(caller: caller, roles: roles), submission: proposal)
    }

    static func deadlineError(_ viewer: SubmissionViewer, now: Date, conference: Conference? = nil) throws -> DomainError? {
        let conference = try conference ?? Fixtures.referenceConference()
        return domainError { () throws(DomainError) in try SubmissionAccess.checkDeadline(conference, viewer: viewer, now: now) }
    }

    static let beforeDeadline = Fixtures.instant("2019-05-30T23:59:58+02:00")
    static let afterDeadline = Fixtures.instant("2019-05-31T00:00:00+02:00")

    // MARK: viewer

    @Test("An administrator without any role in the conference is an organizer")
    func adminIsOrganizer() {
        #expect(Self.viewer(Fixtures.admin) == .organizer)
    }

    @Test("A caller with the organizer role is an organizer, even of a proposal they own or co-author")
    func organizerRole() {
        #expect(Self.viewer(Self.carol, roles: [.organizer]) == .organizer)
        #expect(Self.viewer(Fixtures.alice, roles: [.organizer]) == .organizer)
        #expect(Self.viewer(Fixtures.bob, roles: [.organizer, .reviewer]) == .organizer)
    }

    @Test("The account that created the proposal is its owner")
    func owner() {
        #expect(Self.viewer(Fixtures.alice) == .owner)
    }

    @Test("The owner stays owner even when no longer listed among the authors")
    func ownerNotListed() {
        var proposal = Self.proposal
        proposal.authors = [S.bob.presentingCopy()]
        let access = ConferenceAccess(caller: Fixtures.alice, roles: [])
        #expect(SubmissionAccess.viewer(access, submission: proposal) == .owner)
    }

    @Test("An author listed by email is a co-author, whatever the case of either email",
          arguments: ["bob@example.org", "BOB@EXAMPLE.ORG", "Bob@Example.Org"])
    func coAuthorByEmail(email: String) {
        var bob = Fixtures.bob
        bob.email = email
        #expect(Self.viewer(bob) == .coAuthor)
    }

    @Test("A co-author listed in capitals is found by a lower-case account email")
    func coAuthorListedInCapitals() {
        var proposal = Self.proposal
        proposal.authors[1].email = "BOB@Example.ORG"
        let access = ConferenceAccess(caller: Fixtures.bob, roles: [])
        #expect(SubmissionAccess.viewer(access, submission: proposal) == .coAuthor)
    }

    @Test("A stranger, even a reviewer of the conference, sees nothing", arguments: [Set<Role>(), [.reviewer]])
    func stranger(roles: Set<Role>) {
        #expect(Self.viewer(Self.carol, roles: roles) == nil)
    }

    @Test("Without a caller nobody sees anything, whatever the roles", arguments: [Set<Role>(), [.organizer], [.reviewer]])
    func noCaller(roles: Set<Role>) {
        #expect(Self.viewer(nil, roles: roles) == nil)
    }

    // MARK: checkDeadline

    @Test("Before the deadline authors are not refused", arguments: [SubmissionViewer.owner, .coAuthor])
    func beforeDeadline(viewer: SubmissionViewer) throws {
        #expect(try Self.deadlineError(viewer, now: Self.beforeDeadline) == nil)
        #expect(try Self.deadlineError(viewer, now: S.drafted) == nil)
    }

    @Test("At the very instant of the deadline the owner is not refused")
    func atDeadline() throws {
        #expect(try Self.deadlineError(.owner, now: Fixtures.submissionDeadline) == nil)
    }

    @Test("After the deadline authors are refused with a deadline-passed conflict", arguments: [SubmissionViewer.owner, .coAuthor])
    func afterDeadline(viewer: SubmissionViewer) throws {
        let error = try Self.deadlineError(viewer, now: Self.afterDeadline)
        #expect(S.conflictCode(error) == "deadline-passed")
        let muchLater = try Self.deadlineError(viewer, now: Fixtures.registrationCloses)
        #expect(S.conflictCode(muchLater) == "deadline-passed")
    }

    @Test("The refusal names the deadline")
    func deadlineDetail() throws {
        let error = try Self.deadlineError(.owner, now: Self.afterDeadline)
        guard case .conflict(_, let detail)? = error else {
            Issue.record("expected a conflict, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("2019-05-30T21:59:59Z"))
    }

    @Test("Organizers are never refused, before or after the deadline")
    func organizersNeverRefused() throws {
        for now in [S.drafted, Self.beforeDeadline, Self.afterDeadline, Fixtures.registrationCloses] {
            #expect(try Self.deadlineError(.organizer, now: now) == nil)
        }
    }

    @Test("Without a deadline nobody is ever refused", arguments: [SubmissionViewer.owner, .coAuthor, .organizer])
    func noDeadline(viewer: SubmissionViewer) throws {
        var conference = try Fixtures.referenceConference()
        conference.submissionDeadline = nil
        for now in [S.drafted, Self.afterDeadline, Fixtures.instant("2030-01-01T00:00:00Z")] {
            #expect(try Self.deadlineError(viewer, now: now, conference: conference) == nil)
        }
    }

    // MARK: requireEditor

    @Test("The owner and organizers may change a proposal", arguments: [SubmissionViewer.owner, .organizer])
    func editors(viewer: SubmissionViewer) throws {
        try SubmissionAccess.requireEditor(viewer)
    }

    @Test("A co-author may not change it: forbidden")
    func coAuthorNotEditor() {
        #expect(throws: DomainError.forbidden(
            "Only the corresponding author (who created the proposal) or an organizer may change it.")) {
            try SubmissionAccess.requireEditor(.coAuthor)
        }
    }

    // MARK: actorRole

    @Test("Organizers act as organizers in history; owners and co-authors as authors")
    func actorRole() {
        #expect(SubmissionAccess.actorRole(.organizer) == .organizer)
        #expect(SubmissionAccess.actorRole(.owner) == .author)
        #expect(SubmissionAccess.actorRole(.coAuthor) == .author)
    }

    // MARK: SubmissionQuery

    @Test("A query defaults to every status, topic and format, no text, oldest first")
    func queryDefaults() {
        let query = SubmissionQuery(scope: .all)
        #expect(query.scope == .all)
        #expect(query.status == nil)
        #expect(query.topicId == nil)
        #expect(query.format == nil)
        #expect(query.text == nil)
        #expect(query.sort == .createdAt)
    }

    @Test("Sort orders are spelled as in the API, a leading minus for descending")
    func sortRawValues() {
        #expect(SubmissionQuery.Sort(rawValue: "createdAt") == .createdAt)
        #expect(SubmissionQuery.Sort(rawValue: "-createdAt") == .createdAtDescending)
        #expect(SubmissionQuery.Sort(rawValue: "title") == .title)
        #expect(SubmissionQuery.Sort(rawValue: "-title") == .titleDescending)
        #expect(SubmissionQuery.Sort(rawValue: "createdAtDescending") == nil)
    }
}

extension SubmissionAuthor {
    /// This author as the presenting one.
    fileprivate func presentingCopy() -> SubmissionAuthor {
        var author = self
        author.presenting = true
        return author
    }
}

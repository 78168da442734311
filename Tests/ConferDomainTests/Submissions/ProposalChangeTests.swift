import Foundation
import Testing
@testable import ConferDomain

/// What a change of a proposal stores and causes, decided without storage.
@Suite("ProposalChange, status filters and near duplicates")
struct ProposalChangeTests {
    typealias S = SubmissionFixtures

    @Test func aNewProposalIsAlwaysAChangeAnUnchangedOneNever() {
        let draft = S.submission()
        let created = ProposalChange.between(nil, draft, action: .created, by: Fixtures.alice, as: .owner, now: S.drafted)
        #expect(created?.history.action == .created)
        #expect(created?.history.actorRole == .author)
        #expect(created?.history.changes.contains { $0.field == "title" } == true)
        #expect(created?.leavesProgram == false)
        #expect(ProposalChange.between(draft, draft, action: .edited, by: Fixtures.alice, as: .owner, now: S.edited) == nil)
    }

    @Test func aWithdrawnProposalLeavesTheProgram() throws {
        let accepted = S.submission(status: .accepted)
        let withdrawn = try SubmissionState.withdraw(accepted, now: S.edited)
        let change = try #require(ProposalChange.between(accepted, withdrawn, action: .withdrawn, by: Fixtures.admin, as: .organizer, now: S.edited))
        #expect(change.leavesProgram)
        #expect(change.history.actorRole == .organizer)
        #expect(change.event(withdrawn) == .proposal(withdrawn, .withdrawn, at: S.edited))
        #expect(WebhookEvent(change.event(withdrawn), messages: 0)?.type == .submissionWithdrawn)
        let edited = ProposalChange.between(nil, S.submission(), action: .created, by: Fixtures.alice, as: .owner, now: S.drafted)
        #expect(edited.map { WebhookEvent($0.event(S.submission()), messages: 0) } == .some(nil), "creating raises no webhook")
    }

    /// The status filter of a list is `visibleStatus` turned around: every stored state is found under the status it
    /// shows, and under no other.
    @Test(arguments: [SubmissionScope.all, .authoredBy(accountId: Fixtures.alice.accountId, email: "alice@example.org"),
                      .authoredOrAssigned(accountId: Fixtures.bob.accountId, email: "bob@example.org")])
    func statusFiltersMatchWhatTheListShows(_ scope: SubmissionScope) {
        let viewer: SubmissionViewer = scope == .all ? .organizer : .owner
        for status in SubmissionStatus.allCases {
            for notified in [false, true] {
                let shown = SubmissionAccess.visibleStatus(status, notified: notified, to: viewer)
                for filter in SubmissionStatus.allCases {
                    let matched = SubmissionAccess.storedStates(shownAs: filter, to: scope)
                        .contains(StoredState(status: status, notified: notified))
                    #expect(matched == (filter == shown), "\(status) notified \(notified) under \(filter) for \(scope)")
                }
            }
        }
        let submitted = SubmissionAccess.storedStates(shownAs: .submitted, to: scope)
        #expect(submitted.contains(StoredState(status: .accepted, notified: false)) == (scope != .all))
        #expect(SubmissionAccess.storedStates(shownAs: .accepted, to: scope).contains(StoredState(status: .accepted, notified: true)))
    }

    @Test func duplicatesAreWarnedOfOnEverySaveAndAnonymityWarningsKept() {
        var s = S.submission(status: .submitted)
        let anonymity = SubmissionWarning(field: "abstract", code: .authorName, message: "names Alice Martin")
        s.warnings = [anonymity, .possibleDuplicate(ofNumber: 3, score: 0.9)]
        #expect(NearDuplicates.warnings(of: s, mostSimilar: nil) == [anonymity])
        #expect(NearDuplicates.warnings(of: s, mostSimilar: (5, 0.7)) == [anonymity, .possibleDuplicate(ofNumber: 5, score: 0.7)])
        #expect(NearDuplicates.isChecked(s))
        s.status = .withdrawn
        #expect(!NearDuplicates.isChecked(s))
    }

    @Test func decisionsAwaitNotificationUntilTheAuthorsAreTold() {
        var s = S.submission(status: .accepted)
        #expect(SubmissionState.awaitsNotification(s))
        s.notifiedAt = S.edited
        #expect(!SubmissionState.awaitsNotification(s))
        #expect(!SubmissionState.awaitsNotification(S.submission(status: .submitted)))
    }
}

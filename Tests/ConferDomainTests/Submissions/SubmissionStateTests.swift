import Foundation
import Testing
@testable import ConferDomain

@Suite("SubmissionState")
struct SubmissionStateTests {
    typealias S = SubmissionFixtures

    static let now = Fixtures.instant("2019-05-20T08:00:00+02:00")

    static func submitError(_ status: SubmissionStatus) -> DomainError? {
        domainError { () throws(DomainError) in try SubmissionState.submit(S.submission(status: status), now: now) }
    }

    static func withdrawError(_ status: SubmissionStatus) -> DomainError? {
        domainError { () throws(DomainError) in try SubmissionState.withdraw(S.submission(status: status), now: now) }
    }

    // MARK: submit

    @Test("Submitting a draft makes it submitted, records submittedAt, bumps version and updatedAt")
    func submitDraft() throws {
        let draft = S.submission(status: .draft)
        let submitted = try SubmissionState.submit(draft, now: Self.now)
        var expected = draft
        expected.status = .submitted
        expected.submittedAt = Self.now
        expected.updatedAt = Self.now
        expected.version = draft.version + 1
        #expect(submitted == expected)
        #expect(submitted.withdrawnAt == nil)
    }

    @Test("Only a draft can be submitted: anything else is an invalid-transition conflict",
          arguments: [SubmissionStatus.submitted, .accepted, .rejected, .withdrawn])
    func submitOnlyFromDraft(status: SubmissionStatus) {
        let error = Self.submitError(status)
        #expect(S.conflictCode(error) == "invalid-transition")
    }

    @Test("The conflict says what was refused and why")
    func submitConflictDetail() {
        #expect(Self.submitError(.submitted) == .conflict(
            code: "invalid-transition",
            detail: "Cannot submit a proposal that is submitted: only a draft can be submitted."))
    }

    @Test("A freshly created draft can be submitted")
    func submitNewDraft() throws {
        let draft = try S.create()
        let submitted = try SubmissionState.submit(draft, now: Self.now)
        #expect(submitted.status == .submitted)
        #expect(submitted.submittedAt == Self.now)
        #expect(submitted.version == 2)
    }

    // MARK: withdraw

    @Test("A draft, submitted or accepted proposal can be withdrawn",
          arguments: [SubmissionStatus.draft, .submitted, .accepted])
    func withdrawAllowed(status: SubmissionStatus) throws {
        let current = S.submission(status: status)
        let withdrawn = try SubmissionState.withdraw(current, now: Self.now)
        var expected = current
        expected.status = .withdrawn
        expected.withdrawnAt = Self.now
        expected.updatedAt = Self.now
        expected.version = current.version + 1
        #expect(withdrawn == expected)
        #expect(withdrawn.submittedAt == current.submittedAt)  // the submission instant is kept
    }

    @Test("A rejected or already withdrawn proposal cannot be withdrawn",
          arguments: [SubmissionStatus.rejected, .withdrawn])
    func withdrawRefused(status: SubmissionStatus) {
        #expect(S.conflictCode(Self.withdrawError(status)) == "invalid-transition")
    }

    @Test("Withdrawing twice is refused with the rule in the detail")
    func withdrawTwice() throws {
        let withdrawn = try SubmissionState.withdraw(S.submission(status: .submitted), now: Self.now)
        let error = domainError { () throws(DomainError) in try SubmissionState.withdraw(withdrawn, now: Self.now) }
        #expect(error == .conflict(
            code: "invalid-transition",
            detail: "Cannot withdraw a proposal that is withdrawn: only a draft, submitted or accepted proposal can be withdrawn."))
    }

    @Test("A withdrawn proposal cannot be submitted again")
    func submitAfterWithdraw() throws {
        let withdrawn = try SubmissionState.withdraw(S.submission(status: .draft), now: Self.now)
        let error = domainError { () throws(DomainError) in try SubmissionState.submit(withdrawn, now: Self.now) }
        #expect(S.conflictCode(error) == "invalid-transition")
    }

    // MARK: isEditable

    @Test("Drafts and submitted proposals are editable", arguments: [SubmissionStatus.draft, .submitted])
    func editable(status: SubmissionStatus) {
        #expect(SubmissionState.isEditable(status))
    }

    @Test("Decided and withdrawn proposals are not editable", arguments: [SubmissionStatus.accepted, .rejected, .withdrawn])
    func notEditable(status: SubmissionStatus) {
        #expect(!SubmissionState.isEditable(status))
    }
}

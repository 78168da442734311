import Foundation
import Testing
@testable import ConferDomain

@Suite("Decisions")
struct DecisionTests {
    typealias R = ReviewFixtures
    typealias S = SubmissionFixtures

    static func decideError(_ s: Submission, _ decision: Decision, format: SubmissionFormat? = nil, now: Date = R.decided) -> DomainError? {
        domainError { () throws(DomainError) in try SubmissionState.decide(s, decision, format: format, now: now) }
    }

    @Test("Each decision maps to its status")
    func statuses() {
        #expect(Decision.accepted.status == .accepted)
        #expect(Decision.rejected.status == .rejected)
        #expect(Decision(rawValue: "accepted") == .accepted)
        #expect(Decision(rawValue: "rejected") == .rejected)
        #expect(Decision.allCases.count == 2)
    }

    @Test("A submitted proposal is decided: status, decidedAt, updatedAt and version + 1; nothing else changes",
          arguments: Decision.allCases)
    func decideSubmitted(decision: Decision) throws {
        let before = S.submission(status: .submitted)
        let after = try SubmissionState.decide(before, decision, format: nil, now: R.decided)
        #expect(after.status == decision.status)
        #expect(after.decidedAt == R.decided)
        #expect(after.updatedAt == R.decided)
        #expect(after.version == before.version + 1)
        #expect(after.notifiedAt == nil)
        #expect(after.format == before.format)
        var expected = after
        expected.status = before.status
        expected.decidedAt = before.decidedAt
        expected.updatedAt = before.updatedAt
        expected.version = before.version
        #expect(expected == before)
    }

    @Test("Before notification the decision may be changed, or confirmed",
          arguments: Decision.allCases, Decision.allCases)
    func redecide(first: Decision, second: Decision) throws {
        let once = try SubmissionState.decide(S.submission(status: .submitted), first, format: nil, now: R.decided)
        let twice = try SubmissionState.decide(once, second, format: nil, now: R.redecided)
        #expect(twice.status == second.status)
        #expect(twice.decidedAt == R.redecided)
        #expect(twice.version == once.version + 1)
    }

    @Test("After notification the decision is final: invalid-transition",
          arguments: [SubmissionStatus.accepted, .rejected], Decision.allCases)
    func afterNotification(status: SubmissionStatus, decision: Decision) {
        let notified = R.submission(status, notifiedAt: R.notified)
        let error = Self.decideError(notified, decision, now: R.notified.addingTimeInterval(60))
        #expect(R.conflictCode(error) == "invalid-transition")
        if case .conflict(_, let detail)? = error {
            #expect(detail.contains("notified"))
        }
    }

    @Test("A draft or withdrawn proposal cannot be decided: invalid-transition",
          arguments: [SubmissionStatus.draft, .withdrawn], Decision.allCases)
    func notSubmitted(status: SubmissionStatus, decision: Decision) {
        let error = Self.decideError(S.submission(status: status), decision)
        #expect(R.conflictCode(error) == "invalid-transition")
        if case .conflict(_, let detail)? = error {
            #expect(detail.contains(status.rawValue))
        }
    }

    @Test("A withdrawn proposal cannot be decided even if it had been decided before")
    func withdrawnAfterAcceptance() throws {
        let accepted = try SubmissionState.decide(S.submission(status: .submitted), .accepted, format: nil, now: R.decided)
        let withdrawn = try SubmissionState.withdraw(accepted, now: R.redecided)
        #expect(R.conflictCode(Self.decideError(withdrawn, .rejected, now: R.redecided)) == "invalid-transition")
    }

    @Test("The decision may set the final format", arguments: [SubmissionFormat.poster, .oral])
    func formatChange(format: SubmissionFormat) throws {
        let after = try SubmissionState.decide(S.submission(status: .submitted), .accepted, format: format, now: R.decided)
        #expect(after.format == format)
        #expect(after.status == .accepted)
    }

    @Test("A format change also applies to a revised decision before notification")
    func formatOnRedecide() throws {
        let accepted = try SubmissionState.decide(S.submission(status: .submitted), .accepted, format: .poster, now: R.decided)
        let oral = try SubmissionState.decide(accepted, .accepted, format: .oral, now: R.redecided)
        #expect(oral.format == .oral)
    }

    @Test("Video without the authors' justification is refused on format, and nothing is decided")
    func videoWithoutJustification() {
        let error = Self.decideError(S.submission(status: .submitted), .accepted, format: .video)
        #expect(error?.fields == ["format"])
        #expect(error?.issues.first?.message.contains("videoJustification") == true)
    }

    @Test("Video with a justification is accepted as the final format")
    func videoWithJustification() throws {
        var s = S.submission(status: .submitted)
        s.videoJustification = "The presenting author cannot travel."
        let after = try SubmissionState.decide(s, .accepted, format: .video, now: R.decided)
        #expect(after.format == .video)
    }

    @Test("Refusing a decided proposal after notification also refuses a format change")
    func noFormatAfterNotification() {
        let error = Self.decideError(R.submission(.accepted, notifiedAt: R.notified), .accepted, format: .poster)
        #expect(R.conflictCode(error) == "invalid-transition")
    }
}

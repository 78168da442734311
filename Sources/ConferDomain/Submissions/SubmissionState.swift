import Foundation

/// The one place a proposal changes status: `draft → submitted → (accepted | rejected)`,
/// `draft | submitted | accepted → withdrawn`.
public enum SubmissionState {
    /// A draft becomes a submitted proposal.
    public static func submit(_ s: Submission, now: Date) throws(DomainError) -> Submission {
        guard s.status == .draft else {
            throw invalid(s.status, "submit", "only a draft can be submitted")
        }
        var next = s
        next.status = .submitted
        next.submittedAt = now
        return touched(next, now: now)
    }

    /// The authors take their proposal back.
    public static func withdraw(_ s: Submission, now: Date) throws(DomainError) -> Submission {
        guard [.draft, .submitted, .accepted].contains(s.status) else {
            throw invalid(s.status, "withdraw", "only a draft, submitted or accepted proposal can be withdrawn")
        }
        var next = s
        next.status = .withdrawn
        next.withdrawnAt = now
        return touched(next, now: now)
    }

    /// Whether the proposal's texts may still change: not once decided or withdrawn.
    public static func isEditable(_ status: SubmissionStatus) -> Bool {
        status == .draft || status == .submitted
    }

    static func touched(_ s: Submission, now: Date) -> Submission {
        var next = s
        next.updatedAt = now
        next.version = s.version + 1
        return next
    }

    static func invalid(_ status: SubmissionStatus, _ action: String, _ rule: String) -> DomainError {
        .conflict(code: "invalid-transition", detail: "Cannot \(action) a proposal that is \(status.rawValue): \(rule).")
    }
}

extension SubmissionState {
    /// Only a draft is deleted; a proposal once submitted is withdrawn instead, and keeps its history.
    public static func checkDeletable(_ s: Submission) throws(DomainError) {
        guard s.status == .draft else {
            throw DomainError.conflict(
                code: "not-a-draft", detail: "Only a draft can be deleted; this proposal is \(s.status.rawValue): withdraw it instead.")
        }
    }
}

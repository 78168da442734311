import Foundation

/// The committee's verdict on a proposal.
public enum Decision: String, Sendable, CaseIterable {
    case accepted, rejected

    public var status: SubmissionStatus { self == .accepted ? .accepted : .rejected }
}

extension SubmissionState {
    /// Organizers decide a submitted proposal, or change their decision until authors are notified;
    /// `format` sets the final format (e.g. a poster instead of a talk).
    public static func decide(_ s: Submission, _ decision: Decision, format: SubmissionFormat?, now: Date) throws(DomainError) -> Submission {
        let undecided = s.status == .submitted
        let revisable = (s.status == .accepted || s.status == .rejected) && s.notifiedAt == nil
        guard undecided || revisable else {
            throw invalid(s.status, "decide", s.notifiedAt != nil ? "its authors were already notified" : "only a submitted proposal can be decided")
        }
        var next = s
        next.status = decision.status
        next.decidedAt = now
        if let format {
            if format == .video && s.videoJustification == nil {
                throw DomainError.invalid("format", "a video needs the authors' videoJustification")
            }
            next.format = format
        }
        return touched(next, now: now)
    }
}

extension SubmissionState {
    /// A decided proposal whose authors have not been told yet: the next decision notices are for it.
    public static func awaitsNotification(_ s: Submission) -> Bool {
        (s.status == .accepted || s.status == .rejected) && s.notifiedAt == nil
    }
}

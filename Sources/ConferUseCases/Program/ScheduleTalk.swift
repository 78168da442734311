import ConferDomain
import Foundation

/// Organizers place an accepted proposal in a session: within it, without overlapping its other talks, and never
/// with a presenter in two places at once.
public struct ScheduleTalk: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(
        sessionId: UUID, submissionId: UUID, startsAt: Date, durationMinutes: Int, in conference: Conference, by access: ConferenceAccess
    ) async throws -> ScheduledTalk {
        try access.requireOrganizer()
        let now = context.now
        return try await context.store.transaction { tx in
            try await ProgramSteps.lock(conference, tx)
            let session = try await ProgramSteps.session(sessionId, in: conference, tx)
            guard let submission = try await tx.submission(submissionId, conferenceId: conference.id, lock: .none) else {
                throw DomainError.invalid("submissionId", "is not a proposal of this conference")
            }
            let talk = Talk(
                id: UUID(), conferenceId: conference.id, sessionId: session.id, submissionId: submission.id,
                startsAt: startsAt, durationMinutes: durationMinutes, createdAt: now)
            try ProgramRules.validate(talk, session: session, submission: submission, scheduled: try await tx.scheduledTalks(conferenceId: conference.id))
            try await tx.insertTalks([talk])
            return ScheduledTalk(talk: talk, session: session, title: submission.title, presenters: ProgramRules.presenters(of: submission))
        }
    }
}

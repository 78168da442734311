import ConferDomain
import Foundation

/// Organizers move a talk, in time or to another session, under the rules it was placed with.
public struct MoveTalk: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(
        _ talkId: UUID, inSession sessionId: UUID, _ move: TalkMove, in conference: Conference, by access: ConferenceAccess
    ) async throws -> ScheduledTalk {
        try access.requireOrganizer()
        return try await context.store.transaction { tx in
            try await ProgramSteps.lock(conference, tx)
            let scheduled = try await tx.scheduledTalks(conferenceId: conference.id)
            guard let current = scheduled.first(where: { $0.talk.id == talkId && $0.talk.sessionId == sessionId }) else {
                throw DomainError.notFound("There is no talk \(talkId.uuidString.lowercased()) in this session.")
            }
            let moved = try ProgramRules.apply(move, to: current.talk)
            guard let session = try await tx.sessions(conferenceId: conference.id).first(where: { $0.id == moved.sessionId }) else {
                throw DomainError.invalid("sessionId", "is not a session of this conference")
            }
            guard let submission = try await tx.submission(moved.submissionId, conferenceId: conference.id, lock: .none) else {
                throw DomainError.notFound("The talk's proposal no longer exists.")
            }
            try ProgramRules.validate(moved, session: session, submission: submission, scheduled: scheduled.filter { $0.talk.id != moved.id })
            try await tx.updateTalk(moved)
            return ScheduledTalk(talk: moved, session: session, title: submission.title, presenters: current.presenters)
        }
    }
}

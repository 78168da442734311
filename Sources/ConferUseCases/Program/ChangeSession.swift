import ConferDomain
import Foundation

/// Organizers change a session; the same rules hold as when it was added.
public struct ChangeSession: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(
        _ id: UUID, _ patch: SessionPatch, ifMatch: String?, in conference: Conference, by access: ConferenceAccess
    ) async throws -> (ProgramSession, [ScheduledTalk]) {
        try access.requireOrganizer()
        let now = context.now
        return try await context.store.transaction { tx in
            try await ProgramSteps.lock(conference, tx)
            let current = try await ProgramSteps.session(id, in: conference, tx)
            try ETag.check(ifMatch: ifMatch, version: current.version)
            let saved = try await ProgramSteps.save(try ProgramRules.apply(patch, to: current, now: now), isNew: false, in: conference, tx)
            let talks = try await tx.scheduledTalks(conferenceId: conference.id).filter { $0.talk.sessionId == saved.id }
            return (saved, talks)
        }
    }
}

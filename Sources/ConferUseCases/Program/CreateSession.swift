import ConferDomain
import Foundation

/// Organizers add a session: within the conference days, in a free room, with chairs who are free.
public struct CreateSession: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(_ input: SessionInput, in conference: Conference, by access: ConferenceAccess) async throws -> ProgramSession {
        try access.requireOrganizer()
        let draft = ProgramRules.session(input, conferenceId: conference.id, id: UUID(), now: context.now)
        return try await context.store.transaction { tx in
            try await ProgramSteps.lock(conference, tx)
            return try await ProgramSteps.save(draft, isNew: true, in: conference, tx)
        }
    }
}

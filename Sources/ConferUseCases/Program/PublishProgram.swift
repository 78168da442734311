import ConferDomain
import Foundation

/// Organizers publish the program as it stands as its next version, which never changes afterwards.
public struct PublishProgram: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(note: String?, in conference: Conference, by access: ConferenceAccess) async throws -> ProgramRelease {
        try access.requireOrganizer()
        let note = try ProgramRules.releaseNote(note)
        let now = context.now
        return try await context.store.transaction { tx in
            try await ProgramSteps.lock(conference, tx)
            let sessions = try await tx.sessions(conferenceId: conference.id)
            let program = PublishedProgram.build(
                conference: conference, sessions: sessions, talks: try await tx.scheduledTalks(conferenceId: conference.id),
                rooms: try await tx.rooms(conferenceId: conference.id),
                accepted: try await tx.submissions(conferenceId: conference.id, statuses: [.accepted], lock: .none),
                topics: try await tx.topics(conferenceId: conference.id),
                chairs: try await tx.accounts(Array(Set(sessions.flatMap(\.chairIds)))))
            let release = ProgramRelease(
                conferenceId: conference.id, version: try await tx.latestVersion(conferenceId: conference.id) + 1, note: note,
                publishedAt: now, program: program)
            try await tx.insertRelease(release)
            try await tx.publish([.programReleased(release)], conference: conference, engine: context.templates)
            return release
        }
    }
}

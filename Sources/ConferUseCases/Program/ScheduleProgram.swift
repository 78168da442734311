import ConferDomain
import Foundation

/// Organizers let the program be drafted: every accepted, unscheduled proposal placed into the sessions, grouped by
/// topic, with no room, chair or presenter conflict.
public struct ScheduleProgram: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(talkMinutes: Int?, in conference: Conference, by access: ConferenceAccess) async throws -> (AutoScheduler.Plan, [ProgramSession], [ScheduledTalk]) {
        try access.requireOrganizer()
        let minutes = try AutoScheduler.talkMinutes(talkMinutes)
        let now = context.now
        return try await context.store.transaction { tx in
            try await ProgramSteps.lock(conference, tx)
            let sessions = try await tx.sessions(conferenceId: conference.id)
            let accepted = try await tx.submissions(conferenceId: conference.id, statuses: [.accepted], lock: .none)
            let chairs = try await tx.accounts(Array(Set(sessions.flatMap(\.chairIds))))
            let plan = AutoScheduler.plan(
                candidates: accepted.map(AutoScheduler.Candidate.init), sessions: sessions,
                scheduled: try await tx.scheduledTalks(conferenceId: conference.id), talkMinutes: minutes, now: now,
                chairs: AutoScheduler.chairs(of: sessions, accounts: chairs))
            try await tx.insertTalks(plan.talks)
            return (plan, sessions, try await tx.scheduledTalks(conferenceId: conference.id))
        }
    }
}

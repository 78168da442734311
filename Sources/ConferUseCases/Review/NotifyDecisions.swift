import ConferDomain
import Foundation

/// Organizers send the decision letters: one message per author of every decided proposal not yet notified, and
/// the proposals marked notified, in one transaction. Its locks make a concurrent second call wait, then find
/// nothing left to notify.
public struct NotifyDecisions: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    /// Returns the number of messages queued.
    public func run(in conference: Conference, by access: ConferenceAccess) async throws -> Int {
        try access.requireOrganizer()
        let now = context.now
        return try await context.store.transaction { tx in
            let decided = try await tx.submissions(conferenceId: conference.id, statuses: [.accepted, .rejected], lock: .forUpdate)
                .filter(SubmissionState.awaitsNotification)
            guard !decided.isEmpty else { return 0 }
            let reviews = Dictionary(grouping: try await tx.reviews(submissionIds: decided.map(\.id)), by: \.submissionId)
            let queued = try await tx.publish(
                decided.map { .decisionNotified($0, reviews: reviews[$0.id] ?? [], at: now) }, conference: conference, engine: context.templates)
            try await tx.markNotified(decided.map(\.id), at: now)
            return queued
        }
    }
}

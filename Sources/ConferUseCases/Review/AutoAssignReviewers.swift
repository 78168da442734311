import ConferDomain
import Foundation

/// Organizers give every submitted proposal its reviewers automatically: balanced load, no conflict of interest,
/// declared topics preferred.
public struct AutoAssignReviewers: Sendable {
    let context: UseCaseContext
    public init(_ context: UseCaseContext) { self.context = context }

    public func run(reviewsPerSubmission: Int?, in conference: Conference, by access: ConferenceAccess) async throws -> ([Assignment], AutoAssigner.Plan) {
        let organizer = try access.requireOrganizer()
        let target = try AutoAssigner.target(reviewsPerSubmission, conference: conference)
        let now = context.now
        return try await context.store.transaction { tx in
            let reviewers = try await tx.reviewers(conferenceId: conference.id)
            let submissions = try await tx.submissions(conferenceId: conference.id, statuses: [.submitted], lock: .none)
            let existing = try await tx.assignments(conferenceId: conference.id)
            let declared = try await tx.declaredConflicts(conferenceId: conference.id, submissionId: nil)
            let plan = AutoAssigner.plan(
                candidates: AutoAssigner.candidates(submissions, reviewers: reviewers, existing: existing, declared: declared),
                reviewers: reviewers, load: Dictionary(grouping: existing, by: \.reviewerId).mapValues(\.count), target: target)
            let created = plan.assignments.map {
                Assignment(id: UUID(), conferenceId: conference.id, submissionId: $0.submissionId, reviewerId: $0.reviewerId,
                           automatic: true, createdAt: now, reviewed: false)
            }
            try await tx.insertAssignments(created, assignedBy: organizer.accountId)
            return (created, plan)
        }
    }
}

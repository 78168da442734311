import ConferAPIContract
import ConferDomain
import ConferUseCases
import Foundation
import OpenAPIRuntime

// Peer review.
//
// | operation                                                   | who                                                  |
// |-------------------------------------------------------------|------------------------------------------------------|
// | POST, DELETE …/submissions/{id}/assignments[/{reviewerId}]  | organizer                                            |
// | POST …/auto-assignments                                     | organizer                                            |
// | GET …/assignments                                           | organizers: all; reviewers: their own                |
// | POST, GET …/conflicts                                       | reviewers for themselves; organizers for anyone      |
// | POST …/submissions/{id}/reviews                             | its assigned reviewer, once, until decided           |
// | PUT …/submissions/{id}/reviews/{reviewId}                   | its reviewer, until decided                          |
// | GET …/submissions/{id}/reviews                              | organizers; reviewers after their own; authors after notification |
// | POST …/submissions/{id}/decision, …/notifications, GET …/outbox[/{id}] | organizer                                  |
extension APIHandler {
    func createAssignment(_ input: Operations.CreateAssignment.Input) async throws -> Operations.CreateAssignment.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let assignment = try await AssignReviewer(context).run(
            input.path.submissionId, reviewerId: try Self.id(body.reviewerId, "reviewerId"), in: conference, by: access)
        return .created(.init(
            headers: .init(location: "/v1/conferences/\(conference.slug)/submissions/\(assignment.submissionId.uuidString.lowercased())/assignments/\(assignment.reviewerId.uuidString.lowercased())"),
            body: .json(.init(assignment))))
    }

    func deleteAssignment(_ input: Operations.DeleteAssignment.Input) async throws -> Operations.DeleteAssignment.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        try await UnassignReviewer(context).run(
            input.path.submissionId, reviewerId: try uuid(input.path.reviewerId, "assignment"), in: conference, by: access)
        return .noContent(.init())
    }

    func autoAssign(_ input: Operations.AutoAssign.Input) async throws -> Operations.AutoAssign.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        var requested: Int?
        if case .json(let body) = input.body { requested = body.reviewsPerSubmission }
        let (created, plan) = try await AutoAssignReviewers(context).run(reviewsPerSubmission: requested, in: conference, by: access)
        return .ok(.init(body: .json(.init(
            created: created.count, assignments: created.map(Components.Schemas.Assignment.init),
            unstaffed: plan.shortfalls.map {
                .init(submissionId: $0.submissionId.uuidString.lowercased(), assigned: $0.assigned, needed: $0.needed, reason: $0.reason)
            }))))
    }

    func listAssignments(_ input: Operations.ListAssignments.Input) async throws -> Operations.ListAssignments.Output {
        let conference = try await conference(input.path.slug)
        let access = try await access(to: conference)
        let caller = try access.caller.required()
        var reviewerId = try input.query.reviewerId.map { text throws(DomainError) in
            guard let id = UUID(exactly: text) else { throw DomainError.invalid("reviewerId", "must be a UUID") }
            return id
        }
        if !access.isOrganizer {
            guard access.isReviewer, reviewerId == nil || reviewerId == caller.accountId else {
                throw DomainError.forbidden("Reviewers see their own assignments; organizers see all.")
            }
            reviewerId = caller.accountId
        }
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let assignments = try await deps.reviews.assignments(conferenceId: conference.id, reviewerId: reviewerId, page: page)
        return .ok(.init(body: .json(.init(
            items: assignments.items.map(Components.Schemas.Assignment.init), nextCursor: assignments.nextCursor))))
    }

    func declareConflict(_ input: Operations.DeclareConflict.Input) async throws -> Operations.DeclareConflict.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        _ = try access.caller.required()
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        var v = Validator()
        let submissionId = UUID(exactly: body.submissionId)
        v.require(submissionId != nil, "submissionId", "must be a UUID")
        let requested = body.reviewerId.map { UUID(exactly: $0) }
        v.require(requested.map { $0 != nil } ?? true, "reviewerId", "must be a UUID")
        try v.finish()
        guard let submissionId else { throw DomainError.invalid("submissionId", "must be a UUID") }
        let conflict = try await DeclareConflict(context).run(
            submissionId: submissionId, reviewerId: requested ?? nil, reason: body.reason, in: conference, by: access)
        return .created(.init(headers: .init(location: "/v1/conferences/\(conference.slug)/conflicts"), body: .json(.init(conflict))))
    }

    func listConflicts(_ input: Operations.ListConflicts.Input) async throws -> Operations.ListConflicts.Output {
        let conference = try await conference(input.path.slug)
        let access = try await access(to: conference)
        let caller = try access.caller.required()
        guard access.isOrganizer || access.isReviewer else {
            throw DomainError.forbidden("Only the scientific committee has conflicts of interest.")
        }
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let all = try await deps.reviews.declaredConflicts(conferenceId: conference.id, submissionId: nil)
        let visible = Page.of(access.isOrganizer ? all : all.filter { $0.reviewerId == caller.accountId }, page) {
            [SortKey.instant($0.createdAt), SortKey.id($0.submissionId), SortKey.id($0.reviewerId)]
        }
        return .ok(.init(body: .json(.init(items: visible.items.map(Components.Schemas.Conflict.init), nextCursor: visible.nextCursor))))
    }

    func createReview(_ input: Operations.CreateReview.Input) async throws -> Operations.CreateReview.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        _ = try access.caller.required()
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let review = try await WriteReview(context).run(input.path.submissionId, ReviewInput(body), in: conference, by: access)
        return .created(.init(
            headers: .init(
                location: "/v1/conferences/\(conference.slug)/submissions/\(review.submissionId.uuidString.lowercased())/reviews/\(review.id.uuidString.lowercased())",
                eTag: ETag.make(review.version)),
            body: .json(.init(review, visibility: .committee))))
    }

    func updateReview(_ input: Operations.UpdateReview.Input) async throws -> Operations.UpdateReview.Output {
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        let updated = try await ReviseReview(context).run(
            input.path.submissionId, reviewId: input.path.reviewId, ReviewInput(body), ifMatch: input.headers.ifMatch,
            in: conference, by: access)
        return .ok(.init(headers: .init(eTag: ETag.make(updated.version)), body: .json(.init(updated, visibility: .committee))))
    }

    func listReviews(_ input: Operations.ListReviews.Input) async throws -> Operations.ListReviews.Output {
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let (reviews, visibility) = try await visibleReviews(input.path.slug, input.path.submissionId)
        let shown = Page.of(reviews, page) { [SortKey.instant($0.createdAt), SortKey.id($0.id)] }
        return .ok(.init(body: .json(.init(items: shown.items.map { .init($0, visibility: visibility) }, nextCursor: shown.nextCursor))))
    }

    func getReview(_ input: Operations.GetReview.Input) async throws -> Operations.GetReview.Output {
        let (reviews, visibility) = try await visibleReviews(input.path.slug, input.path.submissionId)
        guard let id = UUID(exactly: input.path.reviewId), let review = reviews.first(where: { $0.id == id }) else {
            throw DomainError.notFound("There is no review \(input.path.reviewId) of this proposal.")
        }
        return .ok(.init(headers: .init(eTag: ETag.make(review.version)), body: .json(.init(review, visibility: visibility))))
    }

    /// The reviews of a proposal and what the caller may see of them (403 before they may see any).
    private func visibleReviews(_ slug: String, _ submissionId: String) async throws -> ([Review], ReviewVisibility) {
        let (conference, access, submission, viewer) = try await visibleSubmission(slug, submissionId)
        let caller = try access.caller.required()
        let reviews = try await deps.reviews.reviews(submissionId: submission.id)
        guard let visibility = ReviewVisibility.of(
            viewer, submission: submission, conference: conference, hasOwnReview: reviews.contains { $0.reviewerId == caller.accountId })
        else {
            throw DomainError.forbidden(viewer == .reviewer
                ? "Reviewers read the other reviews once they have submitted their own."
                : "Authors read the reviews once they are notified of the decision.")
        }
        return (reviews, visibility)
    }

    func decideSubmission(_ input: Operations.DecideSubmission.Input) async throws -> Operations.DecideSubmission.Output {
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        let (decided, viewer) = try await DecideSubmission(context).run(
            input.path.submissionId, body.decision.domain, format: body.format?.domain, in: conference, by: access)
        return .ok(.init(headers: .init(eTag: ETag.make(decided.version)), body: .json(.init(decided, viewer: viewer, conference: conference))))
    }

    func sendNotifications(_ input: Operations.SendNotifications.Input) async throws -> Operations.SendNotifications.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        try access.requireOrganizer()
        guard case .json = input.body else { throw DomainError.invalid("body", "must be JSON") }
        return .ok(.init(body: .json(.init(queued: try await NotifyDecisions(context).run(in: conference, by: access)))))
    }

    func listOutbox(_ input: Operations.ListOutbox.Input) async throws -> Operations.ListOutbox.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let status = input.query.status?.domain
        let messages = try await deps.reviews.outbox(conferenceId: conference.id, status: status, page: page)
        return .ok(.init(body: .json(.init(items: messages.items.map(Components.Schemas.OutboxMessage.init), nextCursor: messages.nextCursor))))
    }

    func getOutboxMessage(_ input: Operations.GetOutboxMessage.Input) async throws -> Operations.GetOutboxMessage.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        let id = try uuid(input.path.messageId, "outbox message")
        guard let message = try await deps.reviews.outboxMessage(conferenceId: conference.id, id: id) else {
            throw DomainError.notFound("There is no message \(input.path.messageId) in this conference's outbox.")
        }
        if Negotiation.prefers(.messageRfc822, over: .json, in: input.headers.accept) {
            // The bytes a transport sends, with the sender it would use now.
            let sent = InternetMessage(message, from: deps.mailFrom, replyTo: deps.mailReplyTo)
            return .ok(.init(body: .messageRfc822(HTTPBody(sent.data))))
        }
        return .ok(.init(body: .json(.init(message))))
    }
}

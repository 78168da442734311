import ConferAPIContract
import ConferDomain
import Foundation

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
// | POST …/submissions/{id}/decision, …/notifications, GET …/outbox | organizer                                        |
extension APIHandler {
    func createAssignment(_ input: Operations.CreateAssignment.Input) async throws -> Operations.CreateAssignment.Output {
        let conference = try await conference(input.path.slug)
        let organizer = try await access(to: conference).requireOrganizer()
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let submission = try await submissionOf(conference, input.path.submissionId)
        guard let reviewerId = UUID(exactly: body.reviewerId) else { throw DomainError.invalid("reviewerId", "must be a UUID") }
        guard let reviewer = try await deps.reviews.reviewers(conferenceId: conference.id).first(where: { $0.accountId == reviewerId }) else {
            throw DomainError.invalid("reviewerId", "is not a member of this conference's scientific committee (reviewer role)")
        }
        guard submission.status == .submitted else {
            throw DomainError.conflict(code: "not-submitted", detail: "Only submitted proposals are reviewed; this one is \(submission.status.rawValue).")
        }
        let declared = try await deps.reviews.declaredConflicts(conferenceId: conference.id, submissionId: submission.id)
        if let reason = ConflictRules.conflict(
            reviewer: reviewer, submission: submission, declared: declared.contains { $0.reviewerId == reviewerId }) {
            throw ConflictRules.refusal(reason)
        }
        let assignment = try await deps.reviews.assign(Assignment(
            id: UUID(), conferenceId: conference.id, submissionId: submission.id, reviewerId: reviewerId, automatic: false,
            createdAt: now, reviewed: false), assignedBy: organizer.accountId)
        return .created(.init(
            headers: .init(location: "/v1/conferences/\(conference.slug)/submissions/\(submission.id.uuidString.lowercased())/assignments/\(reviewerId.uuidString.lowercased())"),
            body: .json(.init(assignment))))
    }

    func deleteAssignment(_ input: Operations.DeleteAssignment.Input) async throws -> Operations.DeleteAssignment.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        let submission = try await submissionOf(conference, input.path.submissionId)
        let reviewerId = try uuid(input.path.reviewerId, "assignment")
        try await deps.reviews.unassign(submissionId: submission.id, reviewerId: reviewerId)
        return .noContent(.init())
    }

    func autoAssign(_ input: Operations.AutoAssign.Input) async throws -> Operations.AutoAssign.Output {
        let conference = try await conference(input.path.slug)
        let organizer = try await access(to: conference).requireOrganizer()
        var target = conference.reviewsPerSubmission
        if case .json(let body) = input.body, let requested = body.reviewsPerSubmission {
            guard (1...20).contains(requested) else { throw DomainError.invalid("reviewsPerSubmission", "must be from 1 to 20") }
            target = requested
        }
        async let reviewersLoad = deps.reviews.reviewers(conferenceId: conference.id)
        async let submissionsLoad = deps.submissions.all(conferenceId: conference.id, query: SubmissionQuery(scope: .all, status: .submitted))
        async let assignmentsLoad = deps.reviews.allAssignments(conferenceId: conference.id)
        async let declaredLoad = deps.reviews.declaredConflicts(conferenceId: conference.id, submissionId: nil)
        let (reviewers, submissions, existing, declared) = try await (reviewersLoad, submissionsLoad, assignmentsLoad, declaredLoad)

        let assignedBySubmission = Dictionary(grouping: existing, by: \.submissionId).mapValues { Set($0.map(\.reviewerId)) }
        let declaredBySubmission = Dictionary(grouping: declared, by: \.submissionId).mapValues { Set($0.map(\.reviewerId)) }
        let normalized = Dictionary(uniqueKeysWithValues: reviewers.compactMap { reviewer in
            reviewer.affiliation.map { (reviewer.accountId, ConflictRules.normalize($0)) }
        }.filter { !$0.1.isEmpty })
        let candidates = submissions.map { submission in
            let conflicts = ConflictRules.conflicts(
                reviewers: reviewers, normalizedAffiliations: normalized, submission: submission,
                declared: declaredBySubmission[submission.id] ?? [])
            return AutoAssigner.Candidate(
                submissionId: submission.id, topicId: submission.topicId,
                assigned: assignedBySubmission[submission.id] ?? [], conflicted: Set(conflicts.keys))
        }
        let load = Dictionary(grouping: existing, by: \.reviewerId).mapValues(\.count)
        let plan = AutoAssigner.plan(candidates: candidates, reviewers: reviewers, load: load, target: target)
        let created = plan.assignments.map {
            Assignment(id: UUID(), conferenceId: conference.id, submissionId: $0.submissionId, reviewerId: $0.reviewerId,
                       automatic: true, createdAt: now, reviewed: false)
        }
        try await deps.reviews.assignAll(created, assignedBy: organizer.accountId)
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
        let conference = try await conference(input.path.slug)
        let access = try await access(to: conference)
        let caller = try access.caller.required()
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        var v = Validator()
        v.text(body.reason, "reason", max: 500)
        let submissionId = UUID(exactly: body.submissionId)
        v.require(submissionId != nil, "submissionId", "must be a UUID")
        let requested = body.reviewerId.map { UUID(exactly: $0) }
        v.require(requested.map { $0 != nil } ?? true, "reviewerId", "must be a UUID")
        try v.finish()
        let reviewerId = requested.flatMap { $0 } ?? caller.accountId
        if reviewerId != caller.accountId {
            try access.requireOrganizer()
        }
        guard access.isOrganizer || access.isReviewer else {
            throw DomainError.forbidden("Only the scientific committee declares conflicts of interest.")
        }
        guard try await deps.reviews.reviewers(conferenceId: conference.id).contains(where: { $0.accountId == reviewerId }) else {
            throw DomainError.invalid("reviewerId", "is not a member of this conference's scientific committee (reviewer role)")
        }
        guard let submissionId, try await deps.submissions.find(conferenceId: conference.id, id: submissionId) != nil else {
            throw DomainError.notFound("There is no proposal \(body.submissionId) in this conference.")
        }
        let conflict = DeclaredConflict(
            submissionId: submissionId, reviewerId: reviewerId, declaredBy: caller.accountId,
            reason: body.reason?.nilIfEmpty, createdAt: now)
        try await deps.reviews.declareConflict(conflict, conferenceId: conference.id)
        return .created(.init(headers: .init(location: "/v1/conferences/\(conference.slug)/conflicts"), body: .json(.init(conflict))))
    }

    func listConflicts(_ input: Operations.ListConflicts.Input) async throws -> Operations.ListConflicts.Output {
        let conference = try await conference(input.path.slug)
        let access = try await access(to: conference)
        let caller = try access.caller.required()
        guard access.isOrganizer || access.isReviewer else {
            throw DomainError.forbidden("Only the scientific committee has conflicts of interest.")
        }
        let all = try await deps.reviews.declaredConflicts(conferenceId: conference.id, submissionId: nil)
        let visible = access.isOrganizer ? all : all.filter { $0.reviewerId == caller.accountId }
        return .ok(.init(body: .json(.init(items: visible.map(Components.Schemas.Conflict.init)))))
    }

    func createReview(_ input: Operations.CreateReview.Input) async throws -> Operations.CreateReview.Output {
        let conference = try await conference(input.path.slug)
        let access = try await access(to: conference)
        let caller = try access.caller.required()
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let submission = try await submissionOf(conference, input.path.submissionId, visibleTo: access)
        guard access.isReviewer, try await deps.reviews.isAssigned(submissionId: submission.id, reviewerId: caller.accountId) else {
            throw DomainError.forbidden("Only a reviewer assigned to this proposal may review it.")
        }
        try ReviewRules.checkOpen(submission)
        try ReviewRules.validate(
            score: body.score, confidence: body.confidence, commentsForAuthors: body.commentsForAuthors,
            commentsForCommittee: body.commentsForCommittee)
        let review = try await deps.reviews.createReview(Review(
            id: UUID(), conferenceId: conference.id, submissionId: submission.id, reviewerId: caller.accountId,
            reviewerName: caller.name, score: body.score, confidence: body.confidence,
            commentsForAuthors: body.commentsForAuthors, commentsForCommittee: body.commentsForCommittee?.nilIfEmpty,
            createdAt: now, updatedAt: now, version: 1))
        return .created(.init(
            headers: .init(
                location: "/v1/conferences/\(conference.slug)/submissions/\(submission.id.uuidString.lowercased())/reviews/\(review.id.uuidString.lowercased())",
                eTag: ETag.make(review.version)),
            body: .json(.init(review, visibility: .committee))))
    }

    func updateReview(_ input: Operations.UpdateReview.Input) async throws -> Operations.UpdateReview.Output {
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        try ReviewRules.validate(
            score: body.score, confidence: body.confidence, commentsForAuthors: body.commentsForAuthors,
            commentsForCommittee: body.commentsForCommittee)
        let updated = try await retryingConcurrentUpdates { () async throws -> Review? in
            let conference = try await conference(input.path.slug)
            let access = try await access(to: conference)
            let caller = try access.caller.required()
            let submission = try await submissionOf(conference, input.path.submissionId, visibleTo: access)
            let reviewId = try uuid(input.path.reviewId, "review")
            guard let current = try await deps.reviews.reviews(submissionId: submission.id).first(where: { $0.id == reviewId }) else {
                throw DomainError.notFound("There is no review \(input.path.reviewId) of this proposal.")
            }
            guard current.reviewerId == caller.accountId else {
                throw DomainError.forbidden("Only its reviewer may change a review.")
            }
            try ETag.check(ifMatch: input.headers.ifMatch, version: current.version)
            try ReviewRules.checkOpen(submission)
            var next = current
            next.score = body.score
            next.confidence = body.confidence
            next.commentsForAuthors = body.commentsForAuthors
            next.commentsForCommittee = body.commentsForCommittee?.nilIfEmpty
            next.updatedAt = now
            return try await deps.reviews.updateReview(next, ifVersion: current.version)
        }
        return .ok(.init(headers: .init(eTag: ETag.make(updated.version)), body: .json(.init(updated, visibility: .committee))))
    }

    func listReviews(_ input: Operations.ListReviews.Input) async throws -> Operations.ListReviews.Output {
        let (conference, access, submission, viewer) = try await visibleSubmission(input.path.slug, input.path.submissionId)
        let caller = try access.caller.required()
        let reviews = try await deps.reviews.reviews(submissionId: submission.id)
        guard let visibility = ReviewVisibility.of(
            viewer, submission: submission, conference: conference, hasOwnReview: reviews.contains { $0.reviewerId == caller.accountId })
        else {
            throw DomainError.forbidden(viewer == .reviewer
                ? "Reviewers read the other reviews once they have submitted their own."
                : "Authors read the reviews once they are notified of the decision.")
        }
        return .ok(.init(body: .json(.init(items: reviews.map { .init($0, visibility: visibility) }))))
    }

    func decideSubmission(_ input: Operations.DecideSubmission.Input) async throws -> Operations.DecideSubmission.Output {
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let decision: Decision = body.decision == .accepted ? .accepted : .rejected
        let format = body.format?.domain
        let (decided, viewer, conference) = try await changeSubmission(
            input.path.slug, input.path.submissionId,
            authorize: { viewer, _, _, _ in
                guard viewer == .organizer else { throw DomainError.forbidden("Only organizers decide.") }
            }
        ) { _, current, _ in
            let next = try SubmissionState.decide(current, decision, format: format, now: now)
            return (next, decision == .accepted ? .accepted : .rejected)
        }
        return .ok(.init(headers: .init(eTag: ETag.make(decided.version)), body: .json(.init(decided, viewer: viewer, conference: conference))))
    }

    func sendNotifications(_ input: Operations.SendNotifications.Input) async throws -> Operations.SendNotifications.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        guard case .json = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let queued = try await deps.reviews.queueDecisionNotices(conferenceId: conference.id, now: now) { submission, reviews in
            DecisionMessage.compose(submission, conference: conference, reviews: reviews)
        }
        return .ok(.init(body: .json(.init(queued: queued))))
    }

    func listOutbox(_ input: Operations.ListOutbox.Input) async throws -> Operations.ListOutbox.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let status = input.query.status.flatMap { OutboxMessage.Status(rawValue: $0.rawValue) }
        let messages = try await deps.reviews.outbox(conferenceId: conference.id, status: status, page: page)
        return .ok(.init(body: .json(.init(items: messages.items.map(Components.Schemas.OutboxMessage.init), nextCursor: messages.nextCursor))))
    }

    /// A proposal of the conference by id; 404 when it does not exist or, given `access`, the caller may not know of it.
    func submissionOf(_ conference: Conference, _ id: String, visibleTo access: ConferenceAccess? = nil) async throws -> Submission {
        let notFound = DomainError.notFound("There is no proposal \(id) that you can see in this conference.")
        guard let submissionId = UUID(exactly: id),
              let submission = try await deps.submissions.find(conferenceId: conference.id, id: submissionId)
        else { throw notFound }
        if let access, !access.isOrganizer, !access.isReviewer, SubmissionAccess.viewer(access, submission: submission) == nil {
            throw notFound
        }
        return submission
    }
}

import ConferAPIContract
import ConferDomain
import Foundation
import ConferUseCases
import OpenAPIRuntime

// The call for papers.
//
// | operation                                          | who                                                     |
// |----------------------------------------------------|---------------------------------------------------------|
// | POST /v1/conferences/{slug}/submissions            | signed in, until the deadline (organizers always)       |
// | GET  …/submissions (JSON, or CSV for organizers)   | organizers: all; authors: their own                     |
// | GET  …/submissions/stats                           | organizer                                               |
// | GET  …/submissions/{id}, …/{id}/history            | organizers, its authors (anyone else: 404)              |
// | PATCH, POST …/{id}/submit, …/{id}/withdraw          | its corresponding author until the deadline; organizers |
// | DELETE …/{id} (a draft)                            | its corresponding author; organizers                    |
// | GET  …/submissions/{id}/similar, ?duplicateOf=,     | organizer                                               |
// |   ?hasAnonymityWarnings=                           |                                                         |
extension APIHandler {
    func createSubmission(_ input: Operations.CreateSubmission.Input) async throws -> Operations.CreateSubmission.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        _ = try access.caller.required()
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let (created, viewer) = try await CreateProposal(context).run(try SubmissionFields(body).input(), in: conference, by: access)
        return .created(.init(
            headers: .init(
                location: "/v1/conferences/\(conference.slug)/submissions/\(created.id.uuidString.lowercased())",
                eTag: ETag.make(created.version)),
            body: .json(.init(created, viewer: viewer, conference: conference))))
    }

    func listSubmissions(_ input: Operations.ListSubmissions.Input) async throws -> Operations.ListSubmissions.Output {
        let conference = try await conference(input.path.slug)
        let access = try await access(to: conference)
        let caller = try access.caller.required()
        var v = Validator()
        var topicId: UUID?
        if let text = input.query.topicId {
            topicId = UUID(exactly: text)
            v.require(topicId != nil, "topicId", "must be a UUID")
        }
        v.text(input.query.q, "q", max: 200)
        var duplicateOf: UUID?
        if let text = input.query.duplicateOf {
            duplicateOf = UUID(exactly: text)
            v.require(duplicateOf != nil, "duplicateOf", "must be a UUID")
        }
        let sort = SubmissionQuery.Sort(rawValue: input.query.sort ?? "createdAt")
        v.require(sort != nil, "sort", "must be createdAt, -createdAt, title, -title or score")
        try v.finish()
        // Both would tell a double-blind reviewer what the hidden warnings say about a proposal's text.
        if duplicateOf != nil || input.query.hasAnonymityWarnings != nil { try access.requireOrganizer() }
        let scope: SubmissionScope = access.isOrganizer ? .all
            : access.isReviewer ? .authoredOrAssigned(accountId: caller.accountId, email: caller.email)
            : .authoredBy(accountId: caller.accountId, email: caller.email)
        var query = SubmissionQuery(
            scope: scope, status: input.query.status?.domain, topicId: topicId, format: input.query.format?.domain,
            text: input.query.q, sort: sort ?? .createdAt)
        query.hasAnonymityWarnings = input.query.hasAnonymityWarnings
        query.duplicateOf = duplicateOf
        try SubmissionAccess.checkSort(query.sort, access: access)
        if Negotiation.prefers(.csv, over: .json, in: input.headers.accept) {
            try access.requireOrganizer()
            let submissions = try await deps.submissions.all(conferenceId: conference.id, query: query)
            let csv = try await submissionsCSV(submissions, conference: conference)
            return .ok(.init(body: .csv(HTTPBody(csv))))
        }
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let submissions = try await deps.submissions.list(conferenceId: conference.id, query: query, page: page)
        let summaries = access.isOrganizer ? try await deps.reviews.summaries(submissionIds: submissions.items.map(\.id)) : [:]
        return .ok(.init(body: .json(.init(
            items: submissions.items.map { submission in
                // Listed proposals the caller did not write are the ones assigned to them.
                let viewer = SubmissionAccess.viewer(access, submission: submission, assigned: true) ?? .reviewer
                return Components.Schemas.Submission(
                    submission, viewer: viewer, conference: conference, summary: summaries[submission.id] ?? ReviewSummary(count: 0, meanScore: nil))
            },
            nextCursor: submissions.nextCursor))))
    }

    func listSimilarSubmissions(
        _ input: Operations.ListSimilarSubmissions.Input
    ) async throws -> Operations.ListSimilarSubmissions.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        let id = try uuid(input.path.submissionId, "proposal")
        guard try await deps.submissions.find(conferenceId: conference.id, id: id) != nil else {
            throw DomainError.notFound("There is no proposal \(input.path.submissionId) in this conference.")
        }
        var v = Validator()
        let limit = input.query.limit ?? NearDuplicates.defaultLimit
        v.require((1...NearDuplicates.maxLimit).contains(limit), "limit", "must be from 1 to \(NearDuplicates.maxLimit)")
        try v.finish()
        let page = try PageRequest.parse(limit: limit, cursor: input.query.cursor)
        // Every similar proposal (a few at most, above the threshold), paged here: most similar first.
        let similar = Page.of(
            try await deps.submissions.similar(conferenceId: conference.id, submissionId: id, limit: PageRequest.maxLimit), page
        ) { [SortKey.descending(Int(($0.score * 1_000_000).rounded())), SortKey.number($0.submission.number)] }
        return .ok(.init(body: .json(.init(
            items: similar.items.map {
                .init(score: $0.score, submission: .init($0.submission, viewer: .organizer, conference: conference))
            },
            nextCursor: similar.nextCursor))))
    }

    func getSubmissionStats(_ input: Operations.GetSubmissionStats.Input) async throws -> Operations.GetSubmissionStats.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        return .ok(.init(body: .json(.init(try await deps.submissions.stats(conferenceId: conference.id)))))
    }

    func getSubmission(_ input: Operations.GetSubmission.Input) async throws -> Operations.GetSubmission.Output {
        let (conference, _, submission, viewer) = try await visibleSubmission(input.path.slug, input.path.submissionId)
        let history = try await deps.submissions.history(submissionId: submission.id, page: PageRequest())
        let summary = viewer == .organizer ? try await deps.reviews.summaries(submissionIds: [submission.id])[submission.id] : nil
        return .ok(.init(
            headers: .init(eTag: ETag.make(submission.version)),
            body: .json(.init(submission, viewer: viewer, conference: conference, history: history.items,
                              summary: summary ?? ReviewSummary(count: 0, meanScore: nil)))))
    }

    func listSubmissionHistory(_ input: Operations.ListSubmissionHistory.Input) async throws -> Operations.ListSubmissionHistory.Output {
        let (_, _, submission, viewer) = try await visibleSubmission(input.path.slug, input.path.submissionId)
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let history = try await deps.submissions.history(submissionId: submission.id, page: page)
        guard let visible = SubmissionAccess.visibleHistory(history.items, of: submission, to: viewer) else {
            throw DomainError.forbidden("A proposal's history is for its authors and the organizers.")
        }
        return .ok(.init(body: .json(.init(
            items: visible.map(Components.Schemas.HistoryEntry.init), nextCursor: history.nextCursor))))
    }

    func updateSubmission(_ input: Operations.UpdateSubmission.Input) async throws -> Operations.UpdateSubmission.Output {
        guard case .applicationMergePatchJson(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        var fields = try SubmissionFields(body).input()
        fields.cleared = MergePatchBody.nulls
        fields.translations = MergePatchBody.translations(fields.translations?.byLanguage, fields: ["title", "abstract"])
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        let (updated, viewer) = try await EditProposal(context).run(
            input.path.submissionId, fields, ifMatch: input.headers.ifMatch, in: conference, by: access)
        return .ok(.init(headers: .init(eTag: ETag.make(updated.version)), body: .json(.init(updated, viewer: viewer, conference: conference))))
    }

    func deleteSubmission(_ input: Operations.DeleteSubmission.Input) async throws -> Operations.DeleteSubmission.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        try await DeleteProposal(context).run(input.path.submissionId, in: conference, by: access)
        return .noContent(.init())
    }

    func submitSubmission(_ input: Operations.SubmitSubmission.Input) async throws -> Operations.SubmitSubmission.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        let (submitted, viewer) = try await SubmitProposal(context).run(input.path.submissionId, in: conference, by: access)
        return .ok(.init(headers: .init(eTag: ETag.make(submitted.version)), body: .json(.init(submitted, viewer: viewer, conference: conference))))
    }

    func withdrawSubmission(_ input: Operations.WithdrawSubmission.Input) async throws -> Operations.WithdrawSubmission.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        let (withdrawn, viewer) = try await WithdrawProposal(context).run(input.path.submissionId, in: conference, by: access)
        return .ok(.init(headers: .init(eTag: ETag.make(withdrawn.version)), body: .json(.init(withdrawn, viewer: viewer, conference: conference))))
    }

    // MARK: Shared steps

    /// The proposal if the caller may see it; 401 without a token, 404 for anything they may not know of.
    func visibleSubmission(
        _ slug: String, _ id: String
    ) async throws -> (Conference, ConferenceAccess, Submission, SubmissionViewer) {
        let (conference, access) = try await conferenceAndAccess(slug)
        _ = try access.caller.required()
        guard let submissionId = UUID(exactly: id),
              let submission = try await deps.submissions.find(conferenceId: conference.id, id: submissionId)
        else { throw SubmissionAccess.notFound(id) }
        if let viewer = SubmissionAccess.viewer(access, submission: submission) {
            return (conference, access, submission, viewer)
        }
        guard let caller = access.caller, access.isReviewer,
              try await deps.reviews.isAssigned(submissionId: submission.id, reviewerId: caller.accountId),
              let viewer = SubmissionAccess.viewer(access, submission: submission, assigned: true)
        else { throw SubmissionAccess.notFound(id) }
        return (conference, access, submission, viewer)
    }

    /// One row per proposal, authors joined, topic titles in the conference's first language.
    func submissionsCSV(_ submissions: [Submission], conference: Conference) async throws -> String {
        var topics: [UUID: String] = [:]
        var page = PageRequest(limit: PageRequest.maxLimit)
        while true {
            let batch = try await deps.topics.list(conferenceId: conference.id, kind: nil, page: page)
            for topic in batch.items {
                topics[topic.id] = topic.texts.text("title", in: conference.primaryLanguage, fallbacks: conference.languages)
            }
            guard let next = batch.nextCursor, let after = Cursor.decode(next) else { break }
            page = PageRequest(limit: PageRequest.maxLimit, after: after)
        }
        let header = ["number", "id", "status", "title", "abstract", "topic", "format", "language", "keywords",
                      "authors", "affiliations", "presenting", "created_at", "submitted_at"]
        let rows = submissions.map { s in
            [
                String(s.number), s.id.uuidString.lowercased(), s.status.rawValue, s.title, s.abstract,
                s.topicId.flatMap { topics[$0] } ?? "", s.format.rawValue, s.language, s.keywords.joined(separator: "; "),
                s.authors.map { "\($0.name) <\($0.email)>" }.joined(separator: "; "),
                s.authors.map { $0.affiliation ?? "" }.joined(separator: "; "),
                s.authors.filter(\.presenting).map(\.name).joined(separator: "; "),
                s.createdAt.formatted(.iso8601), s.submittedAt?.formatted(.iso8601) ?? "",
            ]
        }
        return CSV.document(header: header, rows: rows)
    }
}

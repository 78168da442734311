import ConferAPIContract
import ConferDomain
import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Checks the caller's right to an operation (`OperationAccess.gates`) before the generated code decodes its body.
/// The reads it makes (the conference and the caller's roles) are remembered for the request, so the handler does
/// not make them again.
struct AuthorizationMiddleware: ServerMiddleware {
    let handler: APIHandler

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let gate = OperationAccess.gates[operationID] else {
            // Fail closed: an operation of the contract without a gate is refused until it gets one.
            throw GateMissing(operationID: operationID)
        }
        try await check(gate, path: metadata.pathParameters)
        return try await next(request, body, metadata)
    }

    private func check(_ gate: Gate, path: [String: Substring]) async throws {
        func parameter(_ name: String) -> String {
            let raw = String(path[name] ?? "")
            return raw.removingPercentEncoding ?? raw
        }
        switch gate {
        case .anyone:
            return
        case .signedIn:
            _ = try await handler.authenticator.requireCaller()
        case .admin:
            _ = try AccountRules.requireAdmin(try await handler.authenticator.requireCaller())
        case .organizer:
            _ = try await handler.authenticator.requireCaller()
            let (_, access) = try await handler.conferenceAndAccess(parameter("slug"))
            try access.requireOrganizer()
        case .committee:
            _ = try await handler.authenticator.requireCaller()
            let (_, access) = try await handler.conferenceAndAccess(parameter("slug"))
            guard access.isOrganizer || access.isReviewer else {
                throw DomainError.forbidden("Only the conference's scientific committee and organizers may do this.")
            }
        case .proposal(let right):
            _ = try await handler.authenticator.requireCaller()
            try await checkProposal(right, slug: parameter("slug"), id: parameter("submissionId"))
        case .registration(let right):
            _ = try await handler.authenticator.requireCaller()
            let (_, access, _) = try await handler.visibleRegistration(parameter("slug"), parameter("registrationId"))
            if right == .organizer { try access.requireOrganizer() }
        }
    }

    private func checkProposal(_ right: Gate.ProposalRight, slug: String, id: String) async throws {
        switch right {
        case .edit:
            let (_, _, _, viewer) = try await handler.visibleSubmission(slug, id)
            try SubmissionAccess.requireEditor(viewer)
        case .decide:
            let (_, _, _, viewer) = try await handler.visibleSubmission(slug, id)
            try SubmissionAccess.requireOrganizer(viewer)
        case .review:
            let (conference, access) = try await handler.conferenceAndAccess(slug)
            guard let submissionId = UUID(exactly: id),
                  let submission = try await handler.deps.submissions.find(conferenceId: conference.id, id: submissionId),
                  SubmissionAccess.isKnown(submission, to: access)
            else { throw SubmissionAccess.notFound(id) }
            let assigned = try await access.caller.asyncMap {
                try await handler.deps.reviews.isAssigned(submissionId: submission.id, reviewerId: $0.accountId)
            } ?? false
            try ReviewRules.checkReviewer(access, assigned: assigned)
        }
    }
}

/// An operation of the contract that `OperationAccess.gates` does not list: a programming mistake, refused.
struct GateMissing: Error, CustomStringConvertible {
    var operationID: String
    var description: String { "the operation \(operationID) has no gate in OperationAccess.gates" }
}

import ConferDomain
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime

/// An RFC 9457 problem document, the body of every error response.
struct Problem: Encodable, Sendable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var instance: String?
    var requestId: String?
    var errors: [FieldIssue]?
    /// Extra response headers (`WWW-Authenticate`, `Retry-After`), not part of the body.
    var headers: [(HTTPField.Name, String)] = []

    enum CodingKeys: String, CodingKey { case type, title, status, detail, instance, requestId, errors }

    static func typeURI(_ code: String) -> String { "urn:confer:problem:\(code)" }

    init(status: HTTPResponse.Status, code: String, detail: String, errors: [FieldIssue]? = nil) {
        self.type = Problem.typeURI(code)
        self.title = status.reasonPhrase
        self.status = status.code
        self.detail = detail
        self.errors = errors
    }

    /// The problem for any error a request can end with.
    static func from(_ error: any Error) -> Problem? {
        switch error {
        case let error as DomainError: return from(error)
        case let error as ServerError: return from(error)
        case let error as HTTPError: return from(error)
        default: return nil
        }
    }

    static func from(_ error: DomainError) -> Problem {
        switch error {
        case .validation(let issues):
            let fields = issues.map(\.field).joined(separator: ", ")
            return Problem(
                status: .unprocessableContent, code: "validation",
                detail: "The request breaks \(issues.count == 1 ? "a rule" : "\(issues.count) rules"): \(fields).",
                errors: issues)
        case .unauthenticated(let detail):
            var problem = Problem(status: .unauthorized, code: "unauthenticated", detail: detail)
            problem.headers = [(.wwwAuthenticate, "Bearer")]
            return problem
        case .forbidden(let detail):
            return Problem(status: .forbidden, code: "forbidden", detail: detail)
        case .notFound(let detail):
            return Problem(status: .notFound, code: "not-found", detail: detail)
        case .conflict(let code, let detail):
            return Problem(status: .conflict, code: code, detail: detail)
        case .preconditionFailed(let detail):
            return Problem(status: .preconditionFailed, code: "precondition-failed", detail: detail)
        case .rateLimited(let seconds, let detail):
            var problem = Problem(status: .tooManyRequests, code: "rate-limited", detail: detail)
            problem.headers = [(.retryAfter, String(seconds))]
            return problem
        case .unavailable(let detail):
            var problem = Problem(status: .serviceUnavailable, code: "unavailable", detail: detail)
            problem.headers = [(.retryAfter, "5")]
            return problem
        }
    }

    /// Errors of the generated layer: a handler's own error inside, or a request it could not decode.
    static func from(_ error: ServerError) -> Problem? {
        if let inner = from(error.underlyingError) { return inner }
        if error.causeDescription.localizedCaseInsensitiveContains("not acceptable") {
            return Problem(status: .notAcceptable, code: "not-acceptable",
                           detail: "This operation cannot answer in the media types your Accept header lists.")
        }
        // The handler ran and failed with something we do not know: that is our bug, not the client's.
        guard error.operationInput == nil else { return nil }
        if let decoding = error.underlyingError as? DecodingError {
            return from(decoding)
        }
        let cause = error.causeDescription
        if cause.localizedCaseInsensitiveContains("content type") || cause.localizedCaseInsensitiveContains("content-type") {
            return Problem(status: .unsupportedMediaType, code: "unsupported-media-type",
                           detail: "Send the body as application/json.")
        }
        if cause.localizedCaseInsensitiveContains("accept") {
            return Problem(status: .notAcceptable, code: "not-acceptable",
                           detail: "This operation answers only in the media types its documentation lists.")
        }
        return Problem(status: .badRequest, code: "bad-request",
                       detail: "The request could not be read: \(cause). \(describe(error.underlyingError))")
    }

    /// Syntax errors are 400; well-formed JSON with a missing, mistyped or unknown value names its field (422).
    static func from(_ error: DecodingError) -> Problem {
        func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
            var keys = context.codingPath
            if let last { keys.append(last) }
            return keys.reduce(into: "") { path, key in
                if let index = key.intValue { path += "[\(index)]" } else { path += path.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
        }
        let issue: FieldIssue
        switch error {
        case .keyNotFound(let key, let context):
            issue = FieldIssue(field: path(context, key), message: "is required")
        case .typeMismatch(let type, let context):
            issue = FieldIssue(field: path(context), message: "has the wrong type (expected \(jsonType(type)))")
        case .valueNotFound(let type, let context):
            issue = FieldIssue(field: path(context), message: "must not be null (expected \(jsonType(type)))")
        case .dataCorrupted(let context):
            let field = path(context)
            if field.isEmpty {
                return Problem(status: .badRequest, code: "malformed-json", detail: "The body is not valid JSON.")
            }
            issue = FieldIssue(field: field, message: "is not a valid value: \(context.debugDescription)")
        @unknown default:
            return Problem(status: .badRequest, code: "bad-request", detail: "The request could not be read.")
        }
        if issue.field.isEmpty {
            // A value with no field name: a query or path parameter, or a body that is not an object.
            return Problem(status: .badRequest, code: "bad-request",
                           detail: "A parameter or the body could not be read: it \(issue.message).")
        }
        return Problem(status: .unprocessableContent, code: "validation",
                       detail: "The request breaks a rule: \(issue.field).", errors: [issue])
    }

    static func from(_ error: HTTPError) -> Problem {
        let code: String
        let detail: String
        switch error.status {
        case .contentTooLarge:
            code = "body-too-large"
            detail = "The body is larger than \(AppLimits.maxBodyBytes) bytes."
        case .notFound:
            code = "not-found"
            detail = error.body ?? "There is no such route."
        case .unsupportedMediaType:
            code = "unsupported-media-type"
            detail = error.body ?? "Send the body as application/json."
        case .methodNotAllowed:
            code = "method-not-allowed"
            detail = error.body ?? "This route does not accept this method."
        default:
            code = error.status.code < 500 ? "bad-request" : "internal-error"
            detail = error.body ?? error.status.reasonPhrase
        }
        var problem = Problem(status: error.status, code: code, detail: detail)
        problem.headers = error.headers.map { ($0.name, $0.value) }
        return problem
    }

    /// A 500 that reveals nothing but the request id to quote.
    static func internalError() -> Problem {
        Problem(status: .internalServerError, code: "internal-error",
                detail: "Something went wrong on our side; quote the request id when reporting it.")
    }

    private static func jsonType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is Substring.Type: "string"
        case is Int.Type, is Int64.Type, is Int32.Type: "integer"
        case is Double.Type, is Float.Type: "number"
        case is Bool.Type: "boolean"
        case is Date.Type: "an RFC 3339 instant"
        default: String(describing: type).contains("Array") ? "array" : "object"
        }
    }

    private static func describe(_ error: any Error) -> String {
        String(describing: error).prefix(300).description
    }
}

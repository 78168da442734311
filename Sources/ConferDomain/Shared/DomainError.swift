import Foundation

/// One offending field of a rejected request, named as a JSON path (`abstract`, `authors[0].email`).
public struct FieldIssue: Sendable, Equatable, Codable {
    /// The JSON path of the field.
    public var field: String
    /// What is wrong with it, for a human.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Every way a use case can refuse a request; the HTTP layer maps each case to one status.
public enum DomainError: Error, Sendable, Equatable {
    /// Well-formed input that breaks a rule (422).
    case validation([FieldIssue])
    /// No valid credentials (401).
    case unauthenticated(String)
    /// A known caller without the needed role (403).
    case forbidden(String)
    /// No such resource, or one the caller may not know of (404).
    case notFound(String)
    /// The request conflicts with the current state (409); `code` names the problem type, e.g. `deadline-passed`.
    case conflict(code: String, detail: String)
    /// `If-Match` named another version (412).
    case preconditionFailed(String)
    /// Too many attempts; the caller may retry after the given delay (429).
    case rateLimited(retryAfterSeconds: Int, detail: String)
    /// A dependency such as the database is unreachable (503).
    case unavailable(String)

    /// A validation error on a single field.
    public static func invalid(_ field: String, _ message: String) -> DomainError {
        .validation([FieldIssue(field: field, message: message)])
    }
}

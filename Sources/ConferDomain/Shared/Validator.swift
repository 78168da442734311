import Foundation

/// Collects every field issue of one request, so a client learns all its mistakes at once.
public struct Validator: Sendable {
    /// The issues found so far.
    public private(set) var issues: [FieldIssue] = []

    public init() {}

    /// Records `message` against `field` unless `condition` holds.
    public mutating func require(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String) {
        if !condition { issues.append(FieldIssue(field: field, message: message())) }
    }

    /// Records an issue unconditionally.
    public mutating func add(_ field: String, _ message: String) {
        issues.append(FieldIssue(field: field, message: message))
    }

    /// Checks a text's length in Unicode characters (grapheme clusters), as a person would count them.
    public mutating func text(_ value: String?, _ field: String, min: Int = 0, max: Int, required: Bool = false) {
        guard let value else {
            if required { add(field, "is required") }
            return
        }
        if value.contains("\u{0}") {
            add(field, "must not contain NUL characters")
            return
        }
        // Texts are stored trimmed, so that is what counts.
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if min > 0 && trimmed.isEmpty {
            add(field, "must not be blank")
        } else if trimmed.count < min {
            add(field, "must be at least \(min) characters long")
        } else if trimmed.count > max {
            add(field, "must be at most \(max) characters long (it has \(trimmed.count))")
        }
    }

    /// Throws `DomainError.validation` when any issue was recorded.
    public func finish() throws(DomainError) {
        if !issues.isEmpty { throw DomainError.validation(issues) }
    }
}

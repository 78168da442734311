import ConferDomain
import PostgresNIO

/// Translates PostgreSQL failures into `DomainError`s, so that bad input that slips past the domain's
/// rules to a database constraint still comes out as a 4xx, and an unreachable database as a 503.
public enum PostgresErrors {
    /// SQLSTATE of a unique violation.
    static let uniqueViolation = "23505"
    static let foreignKeyViolation = "23503"
    static let checkViolation = "23514"
    static let notNullViolation = "23502"

    /// The domain error for `error`, or `error` itself when it is a programming mistake (a 500).
    public static func translate(_ error: any Error) -> any Error {
        if error is DomainError { return error }
        if let transaction = error as? PostgresTransactionError {
            // What failed inside the transaction matters; BEGIN/COMMIT failures mean the database went away.
            if let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError {
                return translate(inner)
            }
            return DomainError.unavailable("The database cannot be reached right now; try again shortly.")
        }
        guard let psql = error as? PSQLError else { return error }
        guard psql.code == .server, let state = psql.serverInfo?[.sqlState] else {
            switch psql.code {
            case .tooManyParameters, .invalidCommandTag, .unexpectedBackendMessage, .unsupportedAuthMechanism:
                return error
            default:
                return DomainError.unavailable("The database cannot be reached right now; try again shortly.")
            }
        }
        let constraint = psql.serverInfo?[.constraintName] ?? ""
        switch state {
        case uniqueViolation:
            return duplicates[constraint]?.refusal ?? DomainError.conflict(code: "duplicate", detail: "This already exists (\(constraint)).")
        case foreignKeyViolation:
            return DomainError.notFound("A referenced resource does not exist (\(constraint)).")
        case checkViolation, notNullViolation:
            return DomainError.invalid(constraint.isEmpty ? "body" : constraint, "breaks a storage rule")
        case let s where s.hasPrefix("22"):
            // Data exceptions: a value PostgreSQL cannot store (NUL bytes, out-of-range numbers or dates).
            return DomainError.invalid("body", psql.serverInfo?[.message] ?? "contains a value that cannot be stored")
        case let s where s.hasPrefix("08") || s.hasPrefix("57P") || s == "53300":
            return DomainError.unavailable("The database cannot be reached right now; try again shortly.")
        default:
            return error
        }
    }

    /// What each unique index of the migrations keeps from being stored twice.
    static let duplicates: [String: Duplicate] = [
        "accounts_email_key": .accountEmail,
        "conferences_slug_key": .conferenceSlug,
        "registrations_active_key": .activeRegistration,
        "vouchers_code_key": .voucherCode,
        "rooms_conference_id_name_key": .roomName,
        "assignments_submission_id_reviewer_id_key": .assignment,
        "reviews_submission_id_reviewer_id_key": .review,
        "talks_submission_id_key": .scheduledProposal,
    ]
}

import Foundation

/// Sign-up, password and token rules.
public enum AccountRules {
    /// Passwords shorter than this are refused (API contract).
    public static let minimumPasswordLength = 10
    /// Long enough for any passphrase, short enough that hashing stays cheap.
    public static let maximumPasswordLength = 1024
    /// How long a sign-in token lives unless revoked.
    public static let tokenLifetime: TimeInterval = 30 * 24 * 3600

    /// Validates a sign-up and normalises its texts.
    public static func validate(
        email: String, password: String, name: String, affiliation: String?, country: String?
    ) throws(DomainError) -> NewAccount {
        var v = Validator()
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines)
        v.require(isPlausibleEmail(email), "email", "must be an email address such as name@example.org")
        v.require(password.count >= minimumPasswordLength, "password",
                  "must be at least \(minimumPasswordLength) characters long")
        v.require(password.count <= maximumPasswordLength, "password",
                  "must be at most \(maximumPasswordLength) characters long")
        v.require(!password.contains("\u{0}"), "password", "must not contain NUL characters")
        v.text(name, "name", min: 1, max: 200, required: true)
        v.text(affiliation, "affiliation", max: 300)
        if let country {
            v.require(country.count == 2 && country.allSatisfy { $0.isASCII && $0.isUppercase }, "country",
                      "must be an ISO 3166-1 alpha-2 code such as FR")
        }
        try v.finish()
        return NewAccount(
            email: email, password: password, name: name.trimmingCharacters(in: .whitespacesAndNewlines),
            affiliation: affiliation?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty, country: country)
    }

    /// One `@`, a non-empty local part, a dotted domain, no spaces or control characters, at most 254 bytes.
    public static func isPlausibleEmail(_ email: String) -> Bool {
        guard email.utf8.count <= 254, !email.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 32 } == true })
        else { return false }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }

    /// Only platform administrators may create conferences.
    public static func requireAdmin(_ caller: Caller?) throws(DomainError) -> Caller {
        let caller = try caller.required()
        guard caller.isAdmin else {
            throw DomainError.forbidden("Only platform administrators may do this.")
        }
        return caller
    }

    /// An account is visible to itself and to administrators; to anyone else it does not exist.
    public static func canRead(account id: UUID, caller: Caller) -> Bool {
        caller.isAdmin || caller.accountId == id
    }
}

extension String {
    /// nil for an empty string, so optional texts are stored as absent rather than blank.
    public var nilIfEmpty: String? { isEmpty ? nil : self }
}

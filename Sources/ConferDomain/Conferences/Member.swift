import Foundation

/// A role an account holds in one conference.
public enum Role: String, Sendable, CaseIterable, Comparable {
    /// Runs the conference: committee, call, review, registration, program.
    case organizer
    /// Member of the scientific committee.
    case reviewer

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An account's place on a conference's committee.
public struct Member: Sendable, Equatable {
    public var conferenceId: UUID
    public var accountId: UUID
    public var name: String
    public var email: String
    public var affiliation: String?
    /// Sorted, without repeats.
    public var roles: [Role]
    /// Topics a reviewer declared; auto-assignment prefers proposals on them.
    public var topicIds: [UUID] = []
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        conferenceId: UUID, accountId: UUID, name: String, email: String, affiliation: String?, roles: [Role],
        createdAt: Date, updatedAt: Date, version: Int
    ) {
        self.conferenceId = conferenceId
        self.accountId = accountId
        self.name = name
        self.email = email
        self.affiliation = affiliation
        self.roles = roles
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}

/// A conference an account belongs to, with its roles there (for `GET /v1/me`).
public struct MembershipSummary: Sendable, Equatable {
    public var conferenceId: UUID
    public var slug: String
    public var languages: [String]
    public var texts: Translations
    public var roles: [Role]

    public init(conferenceId: UUID, slug: String, languages: [String], texts: Translations, roles: [Role]) {
        self.conferenceId = conferenceId
        self.slug = slug
        self.languages = languages
        self.texts = texts
        self.roles = roles
    }
}

/// Committee rules.
public enum MemberRules {
    /// Roles of a `PUT`: at least one, no repeats, returned sorted.
    public static func validate(roles: [Role]) throws(DomainError) -> [Role] {
        var v = Validator()
        v.require(!roles.isEmpty, "roles", "must name at least one role (remove the member with DELETE instead)")
        v.require(Set(roles).count == roles.count, "roles", "must not repeat a role")
        try v.finish()
        return roles.sorted()
    }

    /// Whether the conference still has an organizer once `accountId` holds `newRoles` (nil: removed).
    public static func keepsAnOrganizer(organizers: Set<UUID>, accountId: UUID, newRoles: [Role]?) -> Bool {
        var remaining = organizers
        if newRoles?.contains(.organizer) == true { remaining.insert(accountId) } else { remaining.remove(accountId) }
        return !remaining.isEmpty
    }

    /// The refusal when a change would leave the conference without an organizer.
    public static let lastOrganizer = DomainError.conflict(
        code: "last-organizer", detail: "A conference must keep at least one organizer; add another organizer first.")
}

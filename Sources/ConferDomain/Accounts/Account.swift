import Foundation

/// A person's account: authors, reviewers, organizers and attendees all have one.
public struct Account: Sendable, Equatable {
    public var id: UUID
    /// As typed at sign-up; unique case-insensitively.
    public var email: String
    public var name: String
    public var affiliation: String?
    /// ISO 3166-1 alpha-2.
    public var country: String?
    /// Platform administrators create conferences and act as organizers of every conference.
    public var isAdmin: Bool
    public var createdAt: Date
    public var updatedAt: Date
    /// Bumped on every change; the `ETag`.
    public var version: Int

    public init(
        id: UUID, email: String, name: String, affiliation: String?, country: String?, isAdmin: Bool,
        createdAt: Date, updatedAt: Date, version: Int
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.affiliation = affiliation
        self.country = country
        self.isAdmin = isAdmin
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}

/// A validated sign-up, before it is stored.
public struct NewAccount: Sendable, Equatable {
    public var email: String
    public var password: String
    public var name: String
    public var affiliation: String?
    public var country: String?
}

import Foundation

/// What the caller may do in one conference: derived from their roles there and the admin flag.
public struct ConferenceAccess: Sendable, Equatable {
    public var caller: Caller?
    public var roles: Set<Role>

    public init(caller: Caller?, roles: Set<Role>) {
        self.caller = caller
        self.roles = roles
    }

    /// Platform administrators act as organizers of every conference.
    public var isOrganizer: Bool { caller?.isAdmin == true || roles.contains(.organizer) }
    /// Member of the scientific committee.
    public var isReviewer: Bool { roles.contains(.reviewer) }

    /// 401 without a token, 403 for a signed-in caller who is not an organizer.
    @discardableResult
    public func requireOrganizer() throws(DomainError) -> Caller {
        let caller = try caller.required()
        guard isOrganizer else {
            throw DomainError.forbidden("Only the conference's organizers may do this.")
        }
        return caller
    }
}

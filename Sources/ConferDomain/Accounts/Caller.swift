import Foundation

/// The signed-in account behind a request, as its bearer token identified it.
public struct Caller: Sendable, Equatable {
    public var accountId: UUID
    public var email: String
    public var name: String
    public var isAdmin: Bool

    public init(accountId: UUID, email: String, name: String, isAdmin: Bool) {
        self.accountId = accountId
        self.email = email
        self.name = name
        self.isAdmin = isAdmin
    }
}

extension Optional where Wrapped == Caller {
    /// The caller, or 401 when the request carried no valid token.
    public func required() throws(DomainError) -> Caller {
        guard let caller = self else {
            throw DomainError.unauthenticated("This needs a bearer token from POST /v1/tokens.")
        }
        return caller
    }
}

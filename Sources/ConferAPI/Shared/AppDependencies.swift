import ConferDomain
import ConferUseCases
import Foundation

/// Everything the HTTP layer needs from the outside world, injected by the composition root: the use cases' context
/// (its repositories read as `deps.registrations`…) and the settings only HTTP knows of.
@dynamicMemberLookup
public struct AppDependencies: Sendable {
    public var useCases: UseCaseContext
    /// Browser origins allowed to call the API (`CORS_ORIGINS`); `*` allows any.
    public var corsOrigins: [String]
    /// Takes the client's address from the last `X-Forwarded-For` entry (`TRUST_PROXY`), behind a reverse proxy.
    public var trustProxy: Bool
    /// The server's sender and reply address (`MAIL_FROM`, `MAIL_REPLY_TO`), for the outbox shown as it is sent.
    public var mailFrom: MailAddress
    public var mailReplyTo: MailAddress?

    public init(
        useCases: UseCaseContext, corsOrigins: [String] = [], trustProxy: Bool = false,
        mailFrom: MailAddress = .serverDefault, mailReplyTo: MailAddress? = nil
    ) {
        self.useCases = useCases
        self.corsOrigins = corsOrigins
        self.trustProxy = trustProxy
        self.mailFrom = mailFrom
        self.mailReplyTo = mailReplyTo
    }

    public subscript<T>(dynamicMember keyPath: KeyPath<UseCaseContext, T>) -> T { useCases[keyPath: keyPath] }
}

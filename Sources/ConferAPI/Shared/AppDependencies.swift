import ConferDomain
import Foundation

/// Everything the HTTP layer needs from the outside world, injected by the composition root.
public struct AppDependencies: Sendable {
    public var accounts: any AccountRepository
    public var tokens: any TokenRepository
    public var signInThrottle: any SignInThrottleRepository
    public var conferences: any ConferenceRepository
    public var members: any MemberRepository
    public var topics: any TopicRepository
    public var submissions: any SubmissionRepository
    public var reviews: any ReviewRepository
    public var registrations: any RegistrationRepository
    public var program: any ProgramRepository
    public var webhooks: any WebhookRepository
    public var idempotency: any IdempotencyStore
    public var probe: any DatabaseProbe
    public var clock: any WallClock
    /// bcrypt work factor: 12 in production; tests lower it to keep sign-ups fast.
    public var bcryptCost: UInt8
    /// Lets webhooks target loopback and private addresses (`WEBHOOKS_ALLOW_PRIVATE`): for tests and closed networks.
    public var allowPrivateWebhookTargets: Bool
    /// Browser origins allowed to call the API (`CORS_ORIGINS`); `*` allows any.
    public var corsOrigins: [String]
    /// Takes the client's address from the last `X-Forwarded-For` entry (`TRUST_PROXY`), behind a reverse proxy.
    public var trustProxy: Bool

    public init(
        accounts: any AccountRepository, tokens: any TokenRepository, signInThrottle: any SignInThrottleRepository,
        conferences: any ConferenceRepository,
        members: any MemberRepository, topics: any TopicRepository, submissions: any SubmissionRepository,
        reviews: any ReviewRepository,
        registrations: any RegistrationRepository,
        program: any ProgramRepository, webhooks: any WebhookRepository, idempotency: any IdempotencyStore,
        probe: any DatabaseProbe, clock: any WallClock = SystemWallClock(), bcryptCost: UInt8 = 12,
        allowPrivateWebhookTargets: Bool = false, corsOrigins: [String] = [], trustProxy: Bool = false
    ) {
        self.accounts = accounts
        self.tokens = tokens
        self.signInThrottle = signInThrottle
        self.conferences = conferences
        self.members = members
        self.topics = topics
        self.submissions = submissions
        self.reviews = reviews
        self.registrations = registrations
        self.program = program
        self.webhooks = webhooks
        self.idempotency = idempotency
        self.probe = probe
        self.clock = clock
        self.bcryptCost = bcryptCost
        self.allowPrivateWebhookTargets = allowPrivateWebhookTargets
        self.corsOrigins = corsOrigins
        self.trustProxy = trustProxy
    }
}

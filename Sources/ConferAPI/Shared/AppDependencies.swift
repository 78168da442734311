import ConferDomain
import Foundation

/// Everything the HTTP layer needs from the outside world, injected by the composition root.
public struct AppDependencies: Sendable {
    public var accounts: any AccountRepository
    public var tokens: any TokenRepository
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

    public init(
        accounts: any AccountRepository, tokens: any TokenRepository, conferences: any ConferenceRepository,
        members: any MemberRepository, topics: any TopicRepository, submissions: any SubmissionRepository,
        reviews: any ReviewRepository,
        registrations: any RegistrationRepository,
        program: any ProgramRepository, webhooks: any WebhookRepository, idempotency: any IdempotencyStore,
        probe: any DatabaseProbe, clock: any WallClock = SystemWallClock(), bcryptCost: UInt8 = 12,
        allowPrivateWebhookTargets: Bool = false
    ) {
        self.accounts = accounts
        self.tokens = tokens
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
    }
}

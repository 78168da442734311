import ConferDomain
import Foundation

/// What every use case runs against: the store for its transaction, the reads it may make outside one, the clock,
/// and the few settings that change what a rule allows. Built once by the composition root.
public struct UseCaseContext: Sendable {
    public var store: any Store
    public var clock: any WallClock
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
    public var passwords: any PasswordHashing
    /// Words letters from Mustache templates.
    public var templates: any TemplateEngine
    /// Lets webhooks target loopback and private addresses (`WEBHOOKS_ALLOW_PRIVATE`): for tests and closed networks.
    public var allowPrivateWebhookTargets: Bool

    public init(
        store: any Store, clock: any WallClock = SystemWallClock(), accounts: any AccountRepository,
        tokens: any TokenRepository, signInThrottle: any SignInThrottleRepository, conferences: any ConferenceRepository,
        members: any MemberRepository, topics: any TopicRepository, submissions: any SubmissionRepository,
        reviews: any ReviewRepository, registrations: any RegistrationRepository, program: any ProgramRepository,
        webhooks: any WebhookRepository, idempotency: any IdempotencyStore, probe: any DatabaseProbe,
        passwords: any PasswordHashing, templates: any TemplateEngine, allowPrivateWebhookTargets: Bool = false
    ) {
        self.store = store
        self.clock = clock
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
        self.passwords = passwords
        self.templates = templates
        self.allowPrivateWebhookTargets = allowPrivateWebhookTargets
    }

    /// The current instant, from the clock.
    var now: Date { clock.now() }
}

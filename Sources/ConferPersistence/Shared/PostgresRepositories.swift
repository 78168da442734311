import ConferDomain
import Logging
import PostgresNIO

/// Every PostgreSQL repository over one client: what the composition root hands to the HTTP layer.
public struct PostgresRepositories: Sendable {
    public let database: Database
    public let accounts: AccountPostgresRepository
    public let tokens: TokenPostgresRepository
    public let signInThrottle: SignInThrottlePostgresRepository
    public let conferences: ConferencePostgresRepository
    public let members: MemberPostgresRepository
    public let topics: TopicPostgresRepository
    public let submissions: SubmissionPostgresRepository
    public let reviews: ReviewPostgresRepository
    public let registrations: RegistrationPostgresRepository
    public let program: ProgramPostgresRepository
    public let webhooks: WebhookPostgresRepository
    public let idempotency: IdempotencyPostgresStore
    public let probe: DatabasePostgresProbe

    public init(client: PostgresClient, logger: Logger) {
        let db = Database(client: client, logger: logger)
        database = db
        accounts = AccountPostgresRepository(db)
        tokens = TokenPostgresRepository(db)
        signInThrottle = SignInThrottlePostgresRepository(db)
        conferences = ConferencePostgresRepository(db)
        members = MemberPostgresRepository(db)
        topics = TopicPostgresRepository(db)
        submissions = SubmissionPostgresRepository(db)
        reviews = ReviewPostgresRepository(db)
        registrations = RegistrationPostgresRepository(db)
        program = ProgramPostgresRepository(db)
        webhooks = WebhookPostgresRepository(db)
        idempotency = IdempotencyPostgresStore(db)
        probe = DatabasePostgresProbe(db)
    }
}

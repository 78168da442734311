import ConferDomain
import Logging
import PostgresNIO

/// Everything PostgreSQL provides over one client: the store of the use cases, the repositories they read, and the
/// queues of the delivery workers. What the composition root wires in.
public struct PostgresRepositories: Sendable {
    public let database: Database
    public let store: PostgresStore
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
    public let mailQueue: MailPostgresQueue
    public let webhookQueue: WebhookPostgresQueue

    public init(client: PostgresClient, logger: Logger, watchdog: StatementWatchdog = StatementWatchdog()) {
        let db = Database(client: client, logger: logger, watchdog: watchdog)
        database = db
        store = PostgresStore(db)
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
        mailQueue = MailPostgresQueue(db)
        webhookQueue = WebhookPostgresQueue(db)
    }
}

import AsyncHTTPClient
import ConferAPI
import ConferDomain
import ConferMail
import ConferPersistence
import ConferUseCases
import Hummingbird
import Logging
import ServiceLifecycle
import PostgresNIO

/// The one composition root: the store and repositories over the client, the use cases over them, the router, the
/// background services, the application.
func buildApplication(
    settings: Settings, client: PostgresClient, http: HTTPClient, logger: Logger
) async throws -> some ApplicationProtocol {
    let watchdog = StatementWatchdog()
    let repositories = PostgresRepositories(client: client, logger: logger, watchdog: watchdog)
    let router = try await buildRouter(dependencies(repositories, settings: settings))
    logger.info("mail is delivered to \(settings.mail.transport)")
    let mailRelay = MailRelay(queue: repositories.mailQueue, transport: settings.mail.makeTransport(logger: logger), logger: logger)
    let outbox = PollingService(name: "outbox delivery", idle: .seconds(1), logger: logger) {
        try await mailRelay.deliverDue(now: $0)
    }
    let webhookRelay = WebhookRelay(
        queue: repositories.webhookQueue,
        transport: WebhookHTTPTransport(client: http, allowPrivateTargets: settings.webhooksAllowPrivate), logger: logger)
    let webhooks = PollingService(name: "webhook delivery", idle: .milliseconds(500), logger: logger) {
        try await webhookRelay.deliverDue(now: $0)
    }
    // The service group starts these in order and, on TERM, stops the HTTP server first, then these in reverse:
    // the relays finish their batch while the database and its watchdog still serve them.
    return Application(
        router: router,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "confer"),
        services: [watchdog, outbox, webhooks],
        logger: logger)
}

/// The use cases' context over PostgreSQL.
func useCaseContext(_ r: PostgresRepositories, settings: Settings) -> UseCaseContext {
    UseCaseContext(
        store: r.store, clock: SystemWallClock(), accounts: r.accounts, tokens: r.tokens, signInThrottle: r.signInThrottle,
        conferences: r.conferences, members: r.members, topics: r.topics, submissions: r.submissions, reviews: r.reviews,
        registrations: r.registrations, program: r.program, webhooks: r.webhooks, idempotency: r.idempotency,
        probe: r.probe, passwords: PasswordHasher(cost: settings.bcryptCost), templates: MustacheTemplateEngine(),
        allowPrivateWebhookTargets: settings.webhooksAllowPrivate)
}

/// The HTTP layer's dependencies, all backed by PostgreSQL.
func dependencies(_ r: PostgresRepositories, settings: Settings) -> AppDependencies {
    AppDependencies(
        useCases: useCaseContext(r, settings: settings), corsOrigins: settings.corsOrigins, trustProxy: settings.trustProxy,
        mailFrom: settings.mail.from, mailReplyTo: settings.mail.replyTo)
}

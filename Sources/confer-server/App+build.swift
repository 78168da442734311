import AsyncHTTPClient
import ConferAPI
import ConferDomain
import ConferPersistence
import Hummingbird
import Logging
import ServiceLifecycle
import PostgresNIO

/// The one composition root: repositories over the client, the router over the repositories, the application.
func buildApplication(
    settings: Settings, client: PostgresClient, http: HTTPClient, logger: Logger
) async throws -> some ApplicationProtocol {
    let repositories = PostgresRepositories(client: client, logger: logger)
    let router = try await buildRouter(dependencies(repositories, settings: settings))
    let outboxRelay = OutboxRelay(database: repositories.database, transport: LogTransport(logger: logger))
    let outbox = PollingService(name: "outbox delivery", idle: .seconds(1), logger: logger) {
        try await outboxRelay.deliverDue(now: $0)
    }
    let webhookRelay = WebhookRelay(
        database: repositories.database,
        transport: WebhookHTTPTransport(client: http, allowPrivateTargets: settings.webhooksAllowPrivate))
    let webhooks = PollingService(name: "webhook delivery", idle: .milliseconds(500), logger: logger) {
        try await webhookRelay.deliverDue(now: $0)
    }
    return Application(
        router: router,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "confer"),
        services: [outbox, webhooks],
        logger: logger)
}

/// The HTTP layer's dependencies, all backed by PostgreSQL.
func dependencies(_ r: PostgresRepositories, settings: Settings) -> AppDependencies {
    AppDependencies(
        accounts: r.accounts, tokens: r.tokens, signInThrottle: r.signInThrottle, conferences: r.conferences, members: r.members, topics: r.topics,
        submissions: r.submissions, reviews: r.reviews, registrations: r.registrations, program: r.program,
        webhooks: r.webhooks, idempotency: r.idempotency, probe: r.probe, clock: SystemWallClock(),
        bcryptCost: settings.bcryptCost, allowPrivateWebhookTargets: settings.webhooksAllowPrivate,
        corsOrigins: settings.corsOrigins, trustProxy: settings.trustProxy)
}

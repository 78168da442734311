import ConferAPIContract
import ConferDomain
import Foundation
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime

/// Builds the HTTP surface of Confer: middleware in order, then every operation of `openapi.yaml`.
///
/// Order (outermost first): request id, scope and access log → CORS (it marks error responses too) →
/// problem+json errors → body limit and media type → idempotency keys → the published program from memory →
/// the generated routes, each behind the gate of its operation (`AuthorizationMiddleware`) before its body is decoded.
public func buildRouter(_ deps: AppDependencies) async throws -> Router<AppRequestContext> {
    let authenticator = Authenticator(context: deps.useCases, cache: TokenCache())
    let programs = PublishedPrograms(deps: deps, cache: ProgramReleaseCache())
    let handler = APIHandler(
        deps: deps, authenticator: authenticator, programs: programs,
        decoyHash: try await deps.passwords.hash(UUID().uuidString))
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestScopeMiddleware(trustProxy: deps.trustProxy))
    if !deps.corsOrigins.isEmpty {
        router.add(middleware: CORSMiddleware(allowedOrigins: Set(deps.corsOrigins)))
    }
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: BodyMiddleware())
    router.add(middleware: IdempotencyMiddleware(store: deps.idempotency, authenticator: authenticator, clock: deps.clock))
    router.add(middleware: ProgramReadMiddleware(programs: programs))
    try handler.registerHandlers(
        on: router,
        configuration: Configuration(dateTranscoder: JSONDateTranscoder(), jsonEncodingOptions: [.withoutEscapingSlashes]),
        middlewares: [AuthorizationMiddleware(handler: handler), RequestBodyMiddleware()])
    return router
}

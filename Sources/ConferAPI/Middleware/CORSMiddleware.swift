import ConferDomain
import HTTPTypes
import Hummingbird

/// Lets browser frontends on the configured origins (`CORS_ORIGINS`) call the API: answers preflight requests
/// and marks responses to allowed origins. Requests from other origins get no CORS headers, so browsers keep
/// their answers from the page; a preflight from one is refused with 403.
struct CORSMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Exact origins (`https://program.example.org`), or `*` for any.
    let allowedOrigins: Set<String>

    static var allowedHeaders: String {
        "Authorization, Content-Type, Accept, Accept-Language, If-Match, If-None-Match, Idempotency-Key, X-Request-Id"
    }
    static var exposedHeaders: String { "ETag, Location, Content-Language, Retry-After, X-Request-Id" }
    static var allowedMethods: String { "GET, POST, PUT, PATCH, DELETE" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin] else { return try await next(request, context) }
        let allowed = allowedOrigins.contains("*") || allowedOrigins.contains(origin)
        let isPreflight = request.method == .options && request.headers[.accessControlRequestMethod] != nil
        if isPreflight {
            guard allowed else {
                var problem = Problem.from(DomainError.forbidden(
                    "The origin \(origin) may not call this API from a browser; the operator lists allowed ones in CORS_ORIGINS."))
                problem.requestId = RequestScope.current.requestId
                problem.instance = request.uri.path
                return ProblemMiddleware<Context>.response(problem)
            }
            var headers = HTTPFields()
            mark(&headers, origin: origin)
            headers[.accessControlAllowMethods] = Self.allowedMethods
            headers[.accessControlAllowHeaders] = Self.allowedHeaders
            headers[.accessControlMaxAge] = "600"
            return Response(status: .noContent, headers: headers)
        }
        var response = try await next(request, context)
        if allowed {
            mark(&response.headers, origin: origin)
            response.headers[.accessControlExposeHeaders] = Self.exposedHeaders
        }
        return response
    }

    /// The origin is echoed (not `*`) so that caches keep one answer per origin, as `Vary` says.
    private func mark(_ headers: inout HTTPFields, origin: String) {
        headers[.accessControlAllowOrigin] = origin
        headers.append(HTTPField(name: .vary, value: "Origin"))
    }
}

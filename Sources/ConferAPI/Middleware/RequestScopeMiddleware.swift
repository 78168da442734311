import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: gives each request an id (`X-Request-Id`, taken from the client when sane),
/// binds the `RequestScope` for everything inside, logs one line per request and marks authenticated
/// responses `Cache-Control: no-store`. Bodies, tokens and passwords are never logged.
struct RequestScopeMiddleware<Context: RequestContext>: RouterMiddleware {
    static var requestIdHeader: HTTPField.Name { HTTPField.Name("X-Request-Id")! }
    static var forwardedForHeader: HTTPField.Name { HTTPField.Name("X-Forwarded-For")! }
    /// Behind a reverse proxy, the client is the last address the proxy appended to `X-Forwarded-For`.
    var trustProxy = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let requestId = Self.requestId(from: request.headers[Self.requestIdHeader])
        var context = context
        context.logger[metadataKey: "request.id"] = .string(requestId)
        let scope = RequestScope(
            requestId: requestId, authorization: request.headers[.authorization],
            clientAddress: clientAddress(request, context), memo: RequestMemo())
        let started = ContinuousClock.now
        var response = try await RequestScope.$current.withValue(scope) {
            try await next(request, context)
        }
        Self.undoPercentEncoding(&response.headers)
        response.headers[Self.requestIdHeader] = requestId
        if scope.authorization != nil {
            response.headers[.cacheControl] = "no-store"
        }
        let elapsed = ContinuousClock.now - started
        context.logger.info(
            "\(request.method) \(request.uri.path) \(response.status.code)",
            metadata: ["duration.ms": "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)"])
        return response
    }

    /// swift-openapi-runtime writes header values URI-encoded (`/v1/x` becomes `%2Fv1%2Fx`, `"1"` becomes `%221%22`);
    /// `Location` and `ETag` must reach clients as RFC 9110 says, so their encoding is undone here, in one place.
    static func undoPercentEncoding(_ headers: inout HTTPFields) {
        for name in [HTTPField.Name.location, .eTag, .contentLanguage] {
            if let value = headers[name], value.contains("%"), let decoded = value.removingPercentEncoding {
                headers[name] = decoded
            }
        }
    }

    func clientAddress(_ request: Request, _ context: Context) -> String? {
        if trustProxy, let forwarded = request.headers[Self.forwardedForHeader],
           let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty {
            return String(last.prefix(64))
        }
        return (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress
    }

    /// A client-supplied id is kept only if it is short and plain, so it cannot forge log lines.
    static func requestId(from header: String?) -> String {
        if let header, (1...64).contains(header.count),
           header.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            return header
        }
        return UUID().uuidString.lowercased()
    }
}

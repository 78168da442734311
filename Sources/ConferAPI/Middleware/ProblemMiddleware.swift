import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Turns every error into an `application/problem+json` response with the request id.
///
/// Client mistakes are logged at debug level; anything unexpected is a 500, logged at error level,
/// whose body reveals nothing but the request id.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var problem: Problem
            if let known = Problem.from(error) {
                problem = known
                context.logger.debug("request refused", metadata: ["status": "\(problem.status)", "problem": "\(problem.type)"])
            } else {
                problem = Problem.internalError()
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            problem.requestId = RequestScope.current.requestId
            problem.instance = request.uri.path
            return Self.response(problem)
        }
    }

    static func response(_ problem: Problem) -> Response {
        let body = (try? encoder.encode(problem)) ?? Data()
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        for (name, value) in problem.headers where name != .contentType && name != .contentLength {
            headers[name] = value
        }
        return Response(
            status: HTTPResponse.Status(code: problem.status),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

import ConferDomain
import HTTPTypes
import Hummingbird

/// Reads request bodies whole, up to 1 MiB (413 beyond), and insists that they are JSON (415 otherwise),
/// before any handler or the generated decoder sees them; drops `Accept` values that ask for nothing offered.
struct BodyMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var request = request
        // Every operation has one default representation (JSON, or iCalendar for program.ics); CSV (lists) and
        // message/rfc822 (an outbox message) are the only alternatives some offer. Other Accept values are
        // disregarded (RFC 9110 §12.5.1) rather than refused.
        if let accept = request.headers[.accept], !accept.localizedCaseInsensitiveContains("csv"),
           !accept.localizedCaseInsensitiveContains("message/rfc822") {
            var head = request.head
            head.headerFields[.accept] = nil
            request = Request(head: head, body: request.body)
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > AppLimits.maxBodyBytes {
            throw HTTPError(.contentTooLarge)
        }
        let body = try await request.collectBody(upTo: AppLimits.maxBodyBytes)
        if body.readableBytes > 0 && !Self.isJSON(request.headers[.contentType]) {
            throw HTTPError(.unsupportedMediaType, message: "Send the body as application/json (Content-Type: application/json).")
        }
        // Every PATCH is a merge patch (RFC 7396), which the contract names `application/merge-patch+json`; the same
        // body sent as plain JSON means the same.
        if request.method == .patch, Self.mediaType(request.headers[.contentType]) == "application/json" {
            var head = request.head
            head.headerFields[.contentType] = "application/merge-patch+json"
            request = Request(head: head, body: request.body)
        }
        return try await next(request, context)
    }

    /// `application/json`, `application/merge-patch+json` and other `+json` types, with any parameters.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let mediaType = mediaType(contentType) else { return false }
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
    }

    /// The media type of a `Content-Type`, lower-cased, without parameters.
    static func mediaType(_ contentType: String?) -> String? {
        contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
    }
}

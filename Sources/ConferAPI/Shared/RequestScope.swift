/// What the OpenAPI handlers need to know about the HTTP request beyond their typed input.
///
/// Generated handlers receive only the operation's input, so the last middleware puts this in a task local.
struct RequestScope: Sendable {
    /// The request id, also on every log line and problem body.
    var requestId: String
    /// The raw `Authorization` header, resolved lazily so that public routes cost no token lookup.
    var authorization: String?
    /// The client's IP address, for throttling sign-ins; nil when unknown (in-process tests).
    var clientAddress: String? = nil

    @TaskLocal static var current = RequestScope(requestId: "-", authorization: nil)
}

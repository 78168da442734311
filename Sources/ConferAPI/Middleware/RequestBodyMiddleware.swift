import ConferDomain
import Foundation
import HTTPTypes
import OpenAPIRuntime

/// What the generated decoder cannot tell a handler about a JSON body: which fields a merge patch set to `null`
/// (decoded, they read like fields left out), and where an unreadable date-time was (the date decoder sees only the
/// text). The body is at most 1 MiB and already in memory (`BodyMiddleware`).
struct RequestBodyMiddleware: ServerMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var bytes: [UInt8] = []
        if let body { bytes = try await [UInt8](collecting: body, upTo: AppLimits.maxBodyBytes) }
        var scope = RequestScope.current
        scope.nulls = request.method == .patch ? JSONPaths.nulls(in: bytes) : []
        do {
            return try await RequestScope.$current.withValue(scope) {
                try await next(request, body == nil ? nil : HTTPBody(bytes), metadata)
            }
        } catch let error as ServerError where error.operationInput == nil {
            guard let invalid = Self.invalidInstant(in: error.underlyingError) else { throw error }
            let field = JSONPaths.path(ofString: invalid.text, in: bytes)
                ?? request.path.flatMap { Self.queryParameter(holding: invalid.text, in: $0) }
            throw DomainError.invalid(field ?? "body", InvalidInstant.rule)
        }
    }

    static func invalidInstant(in error: any Error) -> InvalidInstant? {
        if let invalid = error as? InvalidInstant { return invalid }
        if case .dataCorrupted(let context) = error as? DecodingError, let inner = context.underlyingError {
            return invalidInstant(in: inner)
        }
        return nil
    }

    /// The query parameter whose value is `text`, if one is.
    static func queryParameter(holding text: String, in path: String) -> String? {
        URLComponents(string: path)?.queryItems?.first { $0.value == text }?.name
    }
}

/// JSON paths (`venue`, `translations.en.venue`, `authors[0].email`) found in a body.
enum JSONPaths {
    /// The members whose value is `null`, in objects at any depth but not inside arrays: a merge patch replaces an
    /// array whole, so a `null` in one is a value, not a removal (RFC 7396).
    static func nulls(in bytes: [UInt8]) -> Set<String> {
        guard let root = object(bytes) else { return [] }
        var found = Set<String>()
        walk(root, "", intoArrays: false) { path, value in if value is NSNull { found.insert(path) } }
        return found
    }

    /// The first member (in document order of keys, sorted) holding the string `text`.
    static func path(ofString text: String, in bytes: [UInt8]) -> String? {
        guard let root = object(bytes) else { return nil }
        var found: String?
        walk(root, "", intoArrays: true) { path, value in
            if found == nil, let string = value as? String, string == text { found = path }
        }
        return found
    }

    private static func object(_ bytes: [UInt8]) -> Any? {
        guard !bytes.isEmpty else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    private static func walk(_ value: Any, _ path: String, intoArrays: Bool, _ visit: (String, Any) -> Void) {
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                visit(child, object[key] as Any)
                walk(object[key] as Any, child, intoArrays: intoArrays, visit)
            }
        } else if intoArrays, let array = value as? [Any] {
            for (index, element) in array.enumerated() {
                let child = "\(path)[\(index)]"
                visit(child, element)
                walk(element, child, intoArrays: intoArrays, visit)
            }
        }
    }
}

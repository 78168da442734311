import OpenAPIRuntime

/// Content negotiation for operations that answer in more than one media type (JSON or CSV).
enum Negotiation {
    /// Whether `Accept` ranks `preferred` above `other`; with neither named (or `*/*`), `other` wins.
    static func prefers<T: AcceptableProtocol>(_ preferred: T, over other: T, in accept: [AcceptHeaderContentType<T>]) -> Bool {
        let ranked = accept.sorted { $0.quality.doubleValue > $1.quality.doubleValue }
        return ranked.first { $0.contentType == preferred || $0.contentType == other }?.contentType == preferred
    }
}

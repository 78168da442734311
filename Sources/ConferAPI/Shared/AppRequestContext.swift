import Hummingbird

/// The Hummingbird request context of Confer.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Bodies over 1 MiB are refused with 413 (API contract).
    public var maxUploadSize: Int { AppLimits.maxBodyBytes }
}

/// Limits of the HTTP surface.
public enum AppLimits {
    /// Largest request body accepted.
    public static let maxBodyBytes = 1 << 20
}

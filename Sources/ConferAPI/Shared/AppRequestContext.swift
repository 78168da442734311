import Hummingbird
import NIOCore

/// The Hummingbird request context of Confer.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer of the connection: the client, or the reverse proxy in front of Confer.
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Bodies over 1 MiB are refused with 413 (API contract).
    public var maxUploadSize: Int { AppLimits.maxBodyBytes }
}

/// Limits of the HTTP surface.
public enum AppLimits {
    /// Largest request body accepted.
    public static let maxBodyBytes = 1 << 20
}

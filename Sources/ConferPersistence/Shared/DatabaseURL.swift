import ConferDomain
import Foundation
import NIOSSL
import PostgresNIO

/// Reads `DATABASE_URL` (`postgres://user:password@host:port/db?sslmode=disable|prefer|require`).
public struct DatabaseURL: Sendable {
    /// What is wrong with a `DATABASE_URL`, in one line.
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    enum SSLMode: Sendable { case disable, prefer, require }

    public var host: String
    public var port: Int
    public var user: String
    var password: String?
    public var database: String
    var sslmode: SSLMode

    public init(_ url: String) throws {
        guard let components = URLComponents(string: url),
              let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme)
        else { throw Invalid(description: "DATABASE_URL must look like postgres://user:password@host:5432/database") }
        guard let host = components.host, !host.isEmpty else { throw Invalid(description: "DATABASE_URL has no host") }
        guard let user = components.user, !user.isEmpty else { throw Invalid(description: "DATABASE_URL has no user name") }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !database.isEmpty else { throw Invalid(description: "DATABASE_URL has no database name") }
        switch components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer" {
        case "disable": sslmode = .disable
        case "prefer", "allow": sslmode = .prefer
        case "require", "verify-ca", "verify-full": sslmode = .require
        case let other: throw Invalid(description: "DATABASE_URL sslmode must be disable, prefer or require (got \(other))")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password?.removingPercentEncoding
        self.database = database
    }

    /// Where it points, without the password: for messages.
    public var target: String { "\(host):\(port)/\(database)" }

    /// The pooled client's configuration.
    public var clientConfiguration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = switch sslmode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        // Each connection keeps buffers as large as the largest reply it read: 40 connections held 60 MiB more than
        // 12 after scripts/bench, while writes, which wait on locks and disk, ran slower with 12 than with 40.
        configuration.options.maximumConnections = 24
        return configuration
    }

    /// A single connection's configuration, to check at start-up that the database answers.
    public func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS = switch sslmode {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        return PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
    }
}

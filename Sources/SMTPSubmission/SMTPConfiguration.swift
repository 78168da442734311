import Foundation

/// Where and how to submit mail, read from an `SMTP_URL`:
/// `smtp://user:password@host:587` (STARTTLS required), `smtps://user:password@host:465` (TLS from the start),
/// `smtp://host:25?starttls=off` (plain, for a relay on loopback). `?timeout=30` sets the seconds allowed for
/// connecting and for each reply.
public struct SMTPConfiguration: Sendable, Equatable {
    public enum Security: String, Sendable, Equatable {
        /// TLS from the first byte (`smtps://`, port 465).
        case implicitTLS
        /// A plain connection upgraded with STARTTLS before anything else is said; refused if the server does not
        /// offer it.
        case startTLS
        /// No TLS at all: only for a relay on the same machine or a closed network.
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// PEM file of the certificates to trust instead of the system's (`SMTP_CA_FILE`): a private CA.
    public var trustedCertificatesFile: String?
    /// The name this client gives in `EHLO`.
    public var heloName: String
    public var connectTimeout: Duration
    public var replyTimeout: Duration

    public init(
        host: String, port: Int, security: Security, username: String? = nil, password: String? = nil,
        trustedCertificatesFile: String? = nil, heloName: String = "confer", connectTimeout: Duration = .seconds(10),
        replyTimeout: Duration = .seconds(60)
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.trustedCertificatesFile = trustedCertificatesFile
        self.heloName = heloName
        self.connectTimeout = connectTimeout
        self.replyTimeout = replyTimeout
    }

    /// An `SMTP_URL` that cannot be used, with the reason (never the password).
    public struct Invalid: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    public init(url text: String, trustedCertificatesFile: String? = nil) throws(Invalid) {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
              let host = url.host, !host.isEmpty
        else { throw Invalid(description: "SMTP_URL must look like smtp://user:password@host:587") }
        let query = Dictionary((url.queryItems ?? []).map { ($0.name.lowercased(), $0.value ?? "") }) { _, last in last }
        let security: Security
        switch (scheme, query["starttls"]?.lowercased()) {
        case ("smtps", nil): security = .implicitTLS
        case ("smtp", nil), ("smtp", "required"), ("smtp", "on"): security = .startTLS
        case ("smtp", "off"): security = .none
        case ("smtps", _): throw Invalid(description: "SMTP_URL: smtps:// is TLS from the start; starttls does not apply")
        case ("smtp", let other?): throw Invalid(description: "SMTP_URL: starttls must be off or required, not \(other)")
        default: throw Invalid(description: "SMTP_URL must start with smtp:// or smtps://, not \(scheme)://")
        }
        var seconds = 10.0
        if let timeout = query["timeout"] {
            guard let value = Double(timeout), value > 0, value <= 600 else {
                throw Invalid(description: "SMTP_URL: timeout must be a number of seconds from 1 to 600")
            }
            seconds = value
        }
        let port = url.port ?? (security == .implicitTLS ? 465 : security == .startTLS ? 587 : 25)
        guard (1...65535).contains(port) else { throw Invalid(description: "SMTP_URL: the port must be from 1 to 65535") }
        if url.user != nil && url.password == nil {
            throw Invalid(description: "SMTP_URL: a user name needs its password (user:password@host)")
        }
        self.init(
            host: host, port: port, security: security, username: url.user?.removingPercentEncoding ?? url.user,
            password: url.password?.removingPercentEncoding ?? url.password, trustedCertificatesFile: trustedCertificatesFile,
            connectTimeout: .seconds(seconds), replyTimeout: .seconds(max(seconds, 60)))
    }
}

extension SMTPConfiguration: CustomStringConvertible {
    /// For logs: everything but the password.
    public var description: String {
        let scheme = security == .implicitTLS ? "smtps" : "smtp"
        let user = username.map { "\($0):***@" } ?? ""
        return "\(scheme)://\(user)\(host):\(port)" + (security == .none ? "?starttls=off" : "")
    }
}

import ConferDomain
import Foundation
import SMTPSubmission

/// Where outbox messages go and whom they are from, read from the environment once at start-up.
public struct MailSettings: Sendable, Equatable {
    public enum Transport: Sendable, Equatable {
        /// `SMTP_URL` (and `SMTP_CA_FILE`).
        case smtp(SMTPConfiguration)
        /// `MAIL_DIR`: each message as an `.eml` file there.
        case directory(String)
        /// Neither: the server log.
        case log
    }

    public var transport: Transport
    /// `MAIL_FROM`: the sender of conferences that name none of their own.
    public var from: MailAddress
    /// `MAIL_REPLY_TO`, if replies should go elsewhere.
    public var replyTo: MailAddress?

    public init(transport: Transport, from: MailAddress, replyTo: MailAddress? = nil) {
        self.transport = transport
        self.from = from
        self.replyTo = replyTo
    }

    /// A mail setting that cannot be used, naming it (never a password).
    public struct Invalid: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    public static func fromEnvironment(_ env: [String: String]) throws(Invalid) -> MailSettings {
        func value(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        var from = MailAddress.serverDefault
        if let text = value("MAIL_FROM") {
            guard let address = MailAddress(text) else {
                throw Invalid(description: "MAIL_FROM must be an address such as \"EXPAIRs 2019 <expairs@example.org>\" (got \(text))")
            }
            from = address
        }
        var replyTo: MailAddress?
        if let text = value("MAIL_REPLY_TO") {
            guard let address = MailAddress(text) else { throw Invalid(description: "MAIL_REPLY_TO must be an address (got \(text))") }
            replyTo = address
        }
        let transport: Transport
        if let url = value("SMTP_URL") {
            let caFile = value("SMTP_CA_FILE")
            if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
                throw Invalid(description: "SMTP_CA_FILE names no readable file (\(caFile))")
            }
            do {
                transport = .smtp(try SMTPConfiguration(url: url, trustedCertificatesFile: caFile))
            } catch {
                throw Invalid(description: error.description)
            }
        } else if let directory = value("MAIL_DIR") {
            transport = .directory(directory)
        } else {
            transport = .log
        }
        return MailSettings(transport: transport, from: from, replyTo: replyTo)
    }
}

extension MailSettings.Transport: CustomStringConvertible {
    /// For the start-up log line: where mail goes, without secrets.
    public var description: String {
        switch self {
        case .smtp(let configuration): "SMTP \(configuration)"
        case .directory(let path): ".eml files in \(path)"
        case .log: "the server log"
        }
    }
}

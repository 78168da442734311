import ConferDomain
import Logging
import SMTPSubmission

extension MailSettings {
    /// The transport these settings name.
    public func makeTransport(logger: Logger) -> any MessageTransport {
        switch transport {
        case .smtp(let configuration): SMTPTransport(client: SMTPClient(configuration: configuration), from: from, replyTo: replyTo)
        case .directory(let path): MailDirectoryTransport(directory: path, from: from, replyTo: replyTo)
        case .log: LogTransport(logger: logger)
        }
    }
}

import ConferDomain
import Logging

/// Without `SMTP_URL` or `MAIL_DIR`: each message written to the log and counted as sent.
public struct LogTransport: MessageTransport {
    let logger: Logger

    public init(logger: Logger) { self.logger = logger }

    public func send(_ messages: [OutboxMessage]) async -> [MailOutcome] {
        for message in messages {
            logger.info(
                "outbox message",
                metadata: [
                    "to": "\(message.message.recipient)", "subject": "\(message.message.subject)",
                    "language": "\(message.message.language)", "body": "\(message.message.body)",
                ])
        }
        return messages.map { _ in .sent }
    }
}

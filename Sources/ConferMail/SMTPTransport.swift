import ConferDomain
import SMTPSubmission

/// Outbox messages submitted to an SMTP server, a batch over one connection.
public struct SMTPTransport: MessageTransport {
    let client: SMTPClient
    let from: MailAddress
    let replyTo: MailAddress?

    public init(client: SMTPClient, from: MailAddress, replyTo: MailAddress?) {
        self.client = client
        self.from = from
        self.replyTo = replyTo
    }

    public func send(_ messages: [OutboxMessage]) async -> [MailOutcome] {
        let envelopes = messages.map { message in
            let rendered = InternetMessage(message, from: from, replyTo: replyTo)
            return SMTPMessage(sender: rendered.sender, recipients: [rendered.recipient], data: rendered.data)
        }
        return await client.send(envelopes).map { outcome in
            switch outcome {
            case .sent: .sent
            case .transient(let reason): .deferred(reason)
            case .permanent(let reply): .rejected(reply)
            }
        }
    }
}

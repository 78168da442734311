import Foundation

/// An outbox message as mail clients expect it: RFC 5322 headers with RFC 2047 encoded words where the text is not
/// ASCII, one UTF-8 `text/plain` MIME part in quoted-printable, CRLF line ends, every line under 78 octets.
///
/// The `Message-ID` is the outbox message's id, and `Date` the moment it was queued, so that every attempt sends
/// the same bytes and a receiver can recognise a retry after a lost reply.
public struct InternetMessage: Sendable, Equatable {
    /// `<…>` included.
    public var messageId: String
    /// The envelope sender (`MAIL FROM`).
    public var sender: String
    /// The envelope recipient (`RCPT TO`).
    public var recipient: String
    /// The whole message, headers and body, CRLF line ends, not dot-stuffed (that is the SMTP client's job).
    public var data: String

    /// `from` and `replyTo` are the server's (`MAIL_FROM`, `MAIL_REPLY_TO`): they apply where the message's
    /// conference names none of its own.
    public init(_ outbox: OutboxMessage, from serverFrom: MailAddress, replyTo serverReplyTo: MailAddress?) {
        let message = outbox.message
        let from = outbox.from ?? serverFrom
        let replyTo = outbox.replyTo ?? serverReplyTo
        let domain = from.domain.isEmpty ? "confer.invalid" : from.domain
        messageId = "<\(outbox.id.uuidString.lowercased())@\(domain)>"
        sender = from.address
        recipient = message.recipient
        var headers = [
            Self.header("Date", Self.date(outbox.createdAt)),
            Self.header("From", Self.mailbox(from)),
            Self.header("To", Self.mailbox(MailAddress(name: message.recipientName, address: message.recipient))),
        ]
        if let replyTo { headers.append(Self.header("Reply-To", Self.mailbox(replyTo))) }
        headers += [
            Self.header("Subject", Self.text(message.subject)),
            Self.header("Message-ID", messageId),
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            Self.header("Content-Language", Self.plain(message.language)),
            // Vacation responders and ticket systems leave automatic mail alone (RFC 3834).
            "Auto-Submitted: auto-generated",
        ]
        data = headers.joined(separator: "\r\n") + "\r\n\r\n" + Self.quotedPrintable(message.body)
    }

    // MARK: Headers

    /// `Name: value`, folded before 78 octets where the value has spaces to fold at.
    static func header(_ name: String, _ value: String) -> String {
        var lines: [String] = []
        var line = "\(name):"
        for word in value.split(separator: " ") {
            if line.utf8.count + 1 + word.utf8.count > 76 && line.utf8.count > name.utf8.count + 1 {
                lines.append(line)
                line = ""
            }
            line += " " + word
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// A display name and address: the name as a quoted string when it is plain ASCII, else as encoded words.
    static func mailbox(_ mailbox: MailAddress) -> String {
        guard let name = mailbox.name.map(plain), !name.isEmpty else { return "<\(mailbox.address)>" }
        let display = isPlainASCII(name)
            ? "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            : encodedWords(name)
        return "\(display) <\(mailbox.address)>"
    }

    /// Unstructured text (a subject): as it is when plain ASCII, else RFC 2047 encoded words.
    static func text(_ value: String) -> String {
        let value = plain(value)
        return isPlainASCII(value) ? value : encodedWords(value)
    }

    /// Control characters (a CR or LF that would start a header of its own) become spaces.
    static func plain(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    static func isPlainASCII(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } && !value.contains("=?")
    }

    /// `=?UTF-8?B?…?=` words of at most 75 characters, each holding whole characters, separated by spaces (which
    /// decoders drop between encoded words).
    static func encodedWords(_ value: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in value {
            let bytes = Array(String(character).utf8)
            // 39 octets are 52 base64 characters: with `=?UTF-8?B?` and `?=`, 64, which fits after `Reply-To: `.
            if chunk.count + bytes.count > 39 {
                words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words.joined(separator: " ")
    }

    /// RFC 5322 date in UTC: `Thu, 14 Nov 2019 08:00:00 +0000`.
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(
            format: "%@, %02d %@ %04d %02d:%02d:%02d +0000", days[((c.weekday ?? 1) - 1) % 7], c.day ?? 1,
            months[((c.month ?? 1) - 1) % 12], c.year ?? 1970, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    // MARK: Body

    /// RFC 2045 quoted-printable of the UTF-8 text, CRLF line ends, soft line breaks keeping lines under 77 octets.
    static func quotedPrintable(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { line in
            var out: [String] = []
            var current = ""
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                // Printable ASCII but `=` goes as it is; so do spaces and tabs except at the end of a line.
                let literal = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !last)
                let piece = literal ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
                if current.utf8.count + piece.utf8.count > 75 {
                    out.append(current + "=")
                    current = ""
                }
                current += piece
            }
            out.append(current)
            return out.joined(separator: "\r\n")
        }.joined(separator: "\r\n")
    }
}

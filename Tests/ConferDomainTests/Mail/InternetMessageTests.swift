import Foundation
import Testing
@testable import ConferDomain

@Suite("Mail: messages as mail clients expect them (RFC 5322, MIME, RFC 2047)")
struct InternetMessageTests {
    static let id = UUID(uuidString: "6F1C2A2E-5B3D-4C8E-9A7B-1D2E3F4A5B6C")!

    static func outbox(subject: String, body: String, name: String? = "Zoé Lefèvre", to: String = "zoe@example.org") -> OutboxMessage {
        OutboxMessage(
            id: id, conferenceId: UUID(),
            message: OutboundMessage(kind: "decision", submissionId: nil, recipient: to, recipientName: name, language: "fr",
                                     subject: subject, body: body),
            status: .queued, attempts: 0, nextAttemptAt: Fixtures.instant("2019-07-15T09:00:00+02:00"), lastError: nil,
            createdAt: Fixtures.instant("2019-07-15T09:00:00+02:00"), sentAt: nil)
    }

    static let from = MailAddress("EXPAIRs 2019 <expairs@univ-rennes2.example>")!

    /// The headers as a dictionary, continuation lines unfolded.
    static func headers(_ data: String) -> [String: String] {
        let head = data.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
        return Dictionary(head.components(separatedBy: "\r\n").map { line in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }) { first, _ in first }
    }

    /// RFC 2047 `B` words decoded and joined, as a mail client shows them.
    static func decodeWords(_ value: String) -> String {
        value.split(separator: " ").map { word -> String in
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return String(word) }
            let base64 = word.dropFirst(10).dropLast(2)
            return String(decoding: Data(base64Encoded: String(base64)) ?? Data(), as: UTF8.self)
        }.joined()
    }

    /// Quoted-printable decoded back to text.
    static func decodeQP(_ body: String) -> String {
        var bytes: [UInt8] = []
        let soft = body.replacingOccurrences(of: "=\r\n", with: "")
        var scalars = Array(soft.utf8)[...]
        while let byte = scalars.popFirst() {
            if byte == UInt8(ascii: "="), scalars.count >= 2, let value = UInt8(String(decoding: scalars.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                scalars = scalars.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func frenchSubjectAndNamesSurviveAsEncodedWords() {
        let subject = "EXPAIRs 2019 : votre proposition n°12 « Les pairs-aidants en santé mentale » est acceptée"
        let message = InternetMessage(Self.outbox(subject: subject, body: "Bonjour"), from: Self.from, replyTo: nil)
        let headers = Self.headers(message.data)
        #expect(Self.decodeWords(headers["Subject"]!) == subject)
        #expect(headers["To"]!.hasSuffix("<zoe@example.org>"))
        #expect(Self.decodeWords(String(headers["To"]!.dropLast(" <zoe@example.org>".count))) == "Zoé Lefèvre")
        #expect(headers["From"] == "\"EXPAIRs 2019\" <expairs@univ-rennes2.example>")
        #expect(headers["Message-ID"] == "<6f1c2a2e-5b3d-4c8e-9a7b-1d2e3f4a5b6c@univ-rennes2.example>")
        #expect(message.messageId == headers["Message-ID"])
        #expect(headers["Date"] == "Mon, 15 Jul 2019 07:00:00 +0000")
        #expect(headers["Content-Type"] == "text/plain; charset=UTF-8")
        #expect(headers["Content-Transfer-Encoding"] == "quoted-printable")
        #expect(headers["Auto-Submitted"] == "auto-generated")
        #expect(headers["Content-Language"] == "fr")
        #expect(headers["Reply-To"] == nil)
        #expect(message.sender == "expairs@univ-rennes2.example")
        #expect(message.recipient == "zoe@example.org")
    }

    @Test func everyLineEndsInCRLFAndStaysShort() {
        let long = String(repeating: "Évaluation des effets de la pair-aidance ", count: 60)
        let message = InternetMessage(Self.outbox(subject: long, body: long + "\n\nCordialement,\nLe comité"), from: Self.from,
                                      replyTo: MailAddress("Comité d'organisation <comite@example.org>"))
        #expect(!message.data.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!message.data.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        for line in message.data.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "\(line)")
        }
        let body = message.data.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        #expect(Self.decodeQP(body) == (long + "\n\nCordialement,\nLe comité").replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(Self.decodeWords(Self.headers(message.data)["Subject"]!) == long)
        #expect(Self.headers(message.data)["Reply-To"]?.hasSuffix("<comite@example.org>") == true)
    }

    @Test func quotedPrintableEscapesWhatMustBeAndNothingElse() {
        #expect(InternetMessage.quotedPrintable("a=b") == "a=3Db")
        #expect(InternetMessage.quotedPrintable("été") == "=C3=A9t=C3=A9")
        // Trailing spaces would be lost in transit: encoded.
        #expect(InternetMessage.quotedPrintable("fin \nsuite\t") == "fin=20\r\nsuite=09")
        #expect(InternetMessage.quotedPrintable("a\r\nb\rc") == "a\r\nb\r\nc")
        let soft = InternetMessage.quotedPrintable(String(repeating: "x", count: 200))
        #expect(soft.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(Self.decodeQP(soft) == String(repeating: "x", count: 200))
        // A line starting with a dot is left to the SMTP client's dot-stuffing.
        #expect(InternetMessage.quotedPrintable(".") == ".")
    }

    @Test func aLineBreakInASubjectOrNameCannotAddAHeader() {
        let message = InternetMessage(
            Self.outbox(subject: "Bonjour\r\nBcc: everyone@example.org", body: "x", name: "Eve\r\nBcc: all@example.org"),
            from: Self.from, replyTo: nil)
        let headers = Self.headers(message.data)
        #expect(headers["Bcc"] == nil)
        #expect(headers["Subject"] == "Bonjour Bcc: everyone@example.org")
    }

    @Test func addressesAreReadAsPeopleWriteThem() {
        #expect(MailAddress("expairs@example.org") == MailAddress(name: nil, address: "expairs@example.org"))
        #expect(MailAddress("EXPAIRs 2019 <expairs@example.org>") == MailAddress(name: "EXPAIRs 2019", address: "expairs@example.org"))
        #expect(MailAddress("\"Comité, Rennes\" <c@example.org>")?.name == "Comité, Rennes")
        #expect(MailAddress("c@example.org")?.domain == "example.org")
        for bad in ["", "nobody", "@example.org", "a@", "a b@example.org", "<a@b>@c", "Name <a@b.org", "x\r\n@b.org"] {
            #expect(MailAddress(bad) == nil, "\(bad)")
        }
    }
}

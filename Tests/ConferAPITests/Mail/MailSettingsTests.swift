import ConferDomain
import ConferMail
import Foundation
import SMTPSubmission
import Testing

@Suite("Mail: SMTP_URL, MAIL_DIR and MAIL_FROM")
struct MailSettingsTests {
    @Test func smtpURLsNameTheirSecurityAndDefaults() throws {
        let relay = try SMTPConfiguration(url: "smtp://conf-expairs:app%20p%40ss@smtp.univ-rennes2.fr:587")
        #expect(relay.host == "smtp.univ-rennes2.fr")
        #expect(relay.port == 587)
        #expect(relay.security == .startTLS)
        #expect(relay.username == "conf-expairs")
        #expect(relay.password == "app p@ss")
        #expect(try SMTPConfiguration(url: "smtp://mail.example.org").port == 587)
        let tls = try SMTPConfiguration(url: "smtps://u:p@mail.example.org")
        #expect(tls.security == .implicitTLS && tls.port == 465)
        let local = try SMTPConfiguration(url: "smtp://127.0.0.1?starttls=off&timeout=3")
        #expect(local.security == .none && local.port == 25 && local.connectTimeout == .seconds(3))
        // Never the password where it could be logged.
        #expect(relay.description == "smtp://conf-expairs:***@smtp.univ-rennes2.fr:587")
        #expect(!String(describing: relay).contains("p@ss"))
    }

    @Test(arguments: [
        "http://mail.example.org", "smtp://", "smtp://u@mail.example.org", "smtps://mail.example.org?starttls=off",
        "smtp://mail.example.org?starttls=maybe", "smtp://mail.example.org?timeout=0", "not a url",
    ])
    func unusableSMTPURLsAreRefusedWithAReason(url: String) {
        #expect(throws: SMTPConfiguration.Invalid.self) { try SMTPConfiguration(url: url) }
    }

    @Test func theEnvironmentPicksTheTransport() throws {
        #expect(try MailSettings.fromEnvironment([:]).transport == .log)
        #expect(try MailSettings.fromEnvironment([:]).from == MailAddress(name: "Confer", address: "confer@localhost"))
        #expect(try MailSettings.fromEnvironment(["MAIL_DIR": "/tmp/mail"]).transport == .directory("/tmp/mail"))
        let both = try MailSettings.fromEnvironment(["MAIL_DIR": "/tmp/mail", "SMTP_URL": "smtp://mail.example.org",
                                                     "MAIL_FROM": "EXPAIRs 2019 <expairs@example.org>"])
        #expect(both.transport == .smtp(try SMTPConfiguration(url: "smtp://mail.example.org")))
        #expect(both.from.name == "EXPAIRs 2019")
        #expect(throws: MailSettings.Invalid.self) { try MailSettings.fromEnvironment(["MAIL_FROM": "nobody"]) }
        #expect(throws: MailSettings.Invalid.self) {
            try MailSettings.fromEnvironment(["SMTP_URL": "smtp://mail.example.org", "SMTP_CA_FILE": "/nonexistent/ca.pem"])
        }
        let refused = #expect(throws: MailSettings.Invalid.self) {
            try MailSettings.fromEnvironment(["SMTP_URL": "smtp://user:secret@mail.example.org?starttls=maybe"])
        }
        #expect(refused?.description.contains("secret") == false)
    }

    @Test func withoutSMTPEachMessageIsAnEmlFileNamedAfterItsMessageID() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("confer-mail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let id = UUID()
        let message = OutboxMessage(
            id: id, conferenceId: UUID(),
            message: OutboundMessage(kind: "decision", submissionId: nil, recipient: "zoe@example.org", recipientName: "Zoé",
                                     language: "fr", subject: "Votre proposition est acceptée", body: "Bonjour Zoé,\n"),
            status: .queued, attempts: 1, nextAttemptAt: Date(), lastError: nil, createdAt: Date(), sentAt: nil)
        let transport = MailDirectoryTransport(directory: folder.path, from: MailAddress("Confer <confer@example.org>")!, replyTo: nil)
        #expect(await transport.send([message, message]) == [.sent, .sent])
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files == ["\(id.uuidString.lowercased())@example.org.eml"])
        let text = try String(contentsOf: folder.appendingPathComponent(files[0]), encoding: .utf8)
        #expect(text == InternetMessage(message, from: MailAddress("Confer <confer@example.org>")!, replyTo: nil).data)
    }
}

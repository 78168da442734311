import ConferDomain
import ConferMail
import Foundation
import SMTPSubmission
import Testing

/// The outbox delivered to a real SMTP server (aiosmtpd: STARTTLS on a private CA's certificate, AUTH), and what
/// arrives read back with Python's `email` package, as a mail client would.
@Suite("Mail: delivery over SMTP")
struct SMTPDeliveryTests {
    /// The server's `MAIL_FROM`, for conferences that name no sender of their own.
    static let serverFrom = MailAddress("Confer <confer@confer.example>")!

    static func transport(_ server: SMTPServer, url: String? = nil) throws -> SMTPTransport {
        // A server without TLS has no CA file to trust.
        let ca = FileManager.default.fileExists(atPath: server.caFile) ? server.caFile : nil
        return SMTPTransport(
            client: SMTPClient(configuration: try SMTPConfiguration(url: url ?? server.url, trustedCertificatesFile: ca)),
            from: serverFrom, replyTo: nil)
    }

    /// `proposals` accepted French proposals of `authors` authors each (addresses `auteur-P-A@example.org`, or
    /// `@reject.test` for the authors `rejected` names), decided and notified: one letter per author queued.
    static func letters(
        _ app: TestApp, proposals: Int, authors: Int, rejected: Set<String> = []
    ) async throws -> OpenCall {
        let call = try await OpenCall.make(app)
        let owner = try await app.signUp("Zoé Lefèvre")
        for p in 0..<proposals {
            var body = call.proposal(by: owner, title: "Les pairs-aidants en santé mentale n°\(p)")
            body["authors"] = .array((0..<authors).map { a in
                let local = "auteur-\(p)-\(a)"
                let domain = rejected.contains(local) ? "reject.test" : "example.org"
                return ["name": .string("Zoé Lefèvre \(p)-\(a)"), "email": .string("\(local)@\(domain)"), "presenting": .bool(a == 0)]
            })
            let created = try await app.post(call.submissions, token: owner.token, json: body)
            let id = try #require(created.json["id"].string)
            _ = try await app.post("\(call.submissions)/\(id)/submit", token: owner.token)
            _ = try await app.post("\(call.submissions)/\(id)/decision", token: call.admin.token, json: ["decision": "accepted"])
        }
        let notified = try await app.post("/v1/conferences/\(call.slug)/notifications", token: call.admin.token, json: ["kind": "decisions"])
        #expect(notified.json["queued"] == .number(Double(proposals * authors)))
        return call
    }

    static func outbox(_ app: TestApp, _ call: OpenCall, status: String? = nil) async throws -> [JSON] {
        var items: [JSON] = []
        var cursor: String?
        repeat {
            let page = try await app.get(
                "/v1/conferences/\(call.slug)/outbox?limit=200" + (status.map { "&status=\($0)" } ?? "") + (cursor.map { "&cursor=\($0)" } ?? ""),
                token: call.admin.token)
            items += page.json["items"].array
            cursor = page.json["nextCursor"].string
        } while cursor != nil
        return items
    }

    @Test func decisionLettersArriveOverSTARTTLSWithAUTHAsMailClientsReadThem() async throws {
        try await TestApp.run { app in
            let server = try await SMTPServer()
            let call = try await Self.letters(app, proposals: 2, authors: 2)
            // The conference's own sender, set after the letters were queued: what is still queued goes out with it.
            let conference = "/v1/conferences/\(call.slug)"
            #expect(try await app.patch(conference, token: call.admin.token, json: ["mailFrom": "EXPAIRs"]).errorFields == ["mailFrom"])
            let named = try await app.patch(conference, token: call.admin.token, json: [
                "mailFrom": "EXPAIRs 2019 <expairs@univ-rennes2.example>",
                "replyTo": "\"Comité d'organisation, MSHB\" <comite@univ-rennes2.example>",
            ])
            #expect(named.json["mailFrom"] == "EXPAIRs 2019 <expairs@univ-rennes2.example>")
            #expect(named.json["replyTo"] == "\"Comité d'organisation, MSHB\" <comite@univ-rennes2.example>")
            #expect(try await app.mailRelay(try Self.transport(server)).deliverDue(now: Date()) == 4)

            let received = try await server.waitForMessages(4)
            let outbox = try await Self.outbox(app, call)
            #expect(received.count == 4)
            #expect(outbox.allSatisfy { $0["status"] == "sent" })
            for message in outbox {
                let mail = try #require(received.first { $0["toAddress"] == message["to"] })
                // The subject as queued, accents and all, decoded from its encoded words.
                #expect(mail["subject"] == message["subject"])
                #expect(mail["subject"].string?.contains("acceptée") == true)
                #expect(mail["toName"].string?.hasPrefix("Zoé Lefèvre") == true)
                #expect(mail["messageId"].string == "<\(message["id"].string ?? "")@univ-rennes2.example>")
                #expect(mail["from"] == "EXPAIRs 2019 <expairs@univ-rennes2.example>")
                #expect(mail["replyTo"] == "\"Comité d'organisation, MSHB\" <comite@univ-rennes2.example>")
                #expect(mail["autoSubmitted"] == "auto-generated")
                #expect(mail["contentType"] == "text/plain")
                #expect(mail["charset"] == "utf-8")
                #expect(mail["defects"] == [])
                // The body in the proposal's language, exactly as queued (line ends aside).
                #expect(mail["body"].string?.trimmingCharacters(in: .newlines)
                    == message["body"].string?.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .newlines))
                #expect(mail["body"].string?.contains("Nous avons le plaisir de vous annoncer") == true)
            }
            // The outbox shows each message as it was sent: the very bytes the server received.
            let first = try #require(outbox.first)
            let path = "\(conference)/outbox/\(first["id"].string ?? "")"
            let json = try await app.get(path, token: call.admin.token)
            #expect(json.status == 200 && json.json["subject"] == first["subject"])
            let raw = try await app.get(path, token: call.admin.token, headers: ["Accept": "message/rfc822"])
            #expect(raw.header("Content-Type") == "message/rfc822")
            let file = try #require(received.first { $0["toAddress"] == first["to"] }?["file"].string)
            let arrived = try String(contentsOf: server.folder.appendingPathComponent(file), encoding: .utf8)
            #expect(raw.text.trimmingCharacters(in: .newlines) == arrived.trimmingCharacters(in: .newlines))
            #expect(try await app.get(path, token: try await app.signUp("Curieuse").token).status == 403)
            #expect(try await app.get(path).status == 401)
            #expect(try await app.get("\(conference)/outbox/\(UUID().uuidString)", token: call.admin.token).status == 404)
            let elsewhere = try await OpenCall.make(app, slug: "ailleurs-2027")
            #expect(try await app.get("/v1/conferences/\(elsewhere.slug)/outbox/\(first["id"].string ?? "")", token: elsewhere.admin.token).status == 404)

            let cleared = try await app.patch(conference, token: call.admin.token, json: ["mailFrom": nil, "replyTo": nil])
            #expect(cleared.json["mailFrom"] == .null && cleared.json["replyTo"] == .null)
        }
    }

    @Test func aRefusedRecipientFailsAtOnceAndTheOthersGoOn() async throws {
        try await TestApp.run { app in
            let server = try await SMTPServer()
            let call = try await Self.letters(app, proposals: 1, authors: 3, rejected: ["auteur-0-1"])
            #expect(try await app.mailRelay(try Self.transport(server)).deliverDue(now: Date()) == 3)
            let outbox = try await Self.outbox(app, call)
            let refused = try #require(outbox.first { $0["to"] == "auteur-0-1@reject.test" })
            #expect(refused["status"] == "failed")
            #expect(refused["lastError"].string?.hasPrefix("550 5.1.1 No such user here") == true)
            #expect(refused["attempts"] == 1)
            #expect(outbox.filter { $0["status"] == "sent" }.count == 2)
            // A conference that names no sender: the server's.
            #expect(try await server.waitForMessages(2).map { $0["from"] } == ["Confer <confer@confer.example>", "Confer <confer@confer.example>"])
            #expect(try await server.messages().allSatisfy { $0["messageId"].string?.hasSuffix("@confer.example>") == true })
            // Failed for good: never tried again.
            #expect(try await app.mailRelay(try Self.transport(server)).deliverDue(now: Date().addingTimeInterval(86_400)) == 0)
        }
    }

    @Test func aServerStoppedDuringABatchLosesNothingAndSendsNothingTwice() async throws {
        try await TestApp.run { app in
            let server = try await SMTPServer()
            let call = try await Self.letters(app, proposals: 40, authors: 5)
            let relay = app.mailRelay(try Self.transport(server), batchSize: 200)
            let now = Date()
            // The whole batch over one connection; the server goes away once some have arrived.
            let batch = Task { try await relay.deliverDue(now: now) }
            _ = try await server.waitForMessages(30, seconds: 30)
            server.stop()
            #expect(try await batch.value == 200)
            let afterStop = try await Self.outbox(app, call)
            let delivered = afterStop.filter { $0["status"] == "sent" }.count
            #expect(delivered >= 30 && delivered < 200, "\(delivered) sent before the stop")
            let deferred = afterStop.filter { $0["status"] == "queued" }
            #expect(deferred.count == 200 - delivered)
            #expect(deferred.allSatisfy { $0["attempts"] == 1 && $0["lastError"].string?.isEmpty == false })
            // While it is down, attempts fail and wait; once it is back, the rest go out.
            #expect(try await relay.deliverDue(now: now.addingTimeInterval(60)) == 200 - delivered)
            try await server.start()
            var later = now.addingTimeInterval(3600)
            while try await relay.deliverDue(now: later) > 0 { later = later.addingTimeInterval(3600) }
            let received = try await server.waitForMessages(200)
            let ids = received.compactMap { $0["messageId"].string }
            #expect(ids.count == 200)
            #expect(Set(ids).count == 200, "no message arrives twice")
            #expect(try await Self.outbox(app, call).allSatisfy { $0["status"] == "sent" })
        }
    }

    @Test(arguments: [SMTPServer.Mode.implicitTLS, .plain])
    func implicitTLSAndAPlainLoopbackRelayWork(mode: SMTPServer.Mode) async throws {
        try await TestApp.run { app in
            let server = try await SMTPServer(mode: mode, loginOnly: mode == .implicitTLS)
            let call = try await Self.letters(app, proposals: 1, authors: 1)
            #expect(try await app.mailRelay(try Self.transport(server)).deliverDue(now: Date()) == 1)
            let outbox = try await Self.outbox(app, call)
            #expect(try await server.waitForMessages(1).count == 1, "\(outbox)")
        }
    }

    @Test func sessionFailuresDeferTheBatchWithTheReason() async throws {
        try await TestApp.run { app in
            let call = try await Self.letters(app, proposals: 1, authors: 1)
            // STARTTLS is required on smtp:// and this server offers none.
            let plain = try await SMTPServer(mode: .plain)
            let noTLS = plain.url.replacingOccurrences(of: "starttls=off&", with: "")
            _ = try await app.mailRelay(try Self.transport(plain, url: noTLS)).deliverDue(now: Date())
            var message = try #require(try await Self.outbox(app, call).first)
            #expect(message["status"] == "queued")
            #expect(message["lastError"].string?.contains("does not offer STARTTLS") == true, "\(message)")
            // A wrong password: the server's refusal is kept, the password never.
            let server = try await SMTPServer()
            let wrong = server.url.replacingOccurrences(of: "relay%20pass", with: "wrong%20pass")
            _ = try await app.mailRelay(try Self.transport(server, url: wrong)).deliverDue(now: Date().addingTimeInterval(3600))
            message = try #require(try await Self.outbox(app, call).first)
            #expect(message["lastError"].string?.contains("535") == true, "\(message)")
            #expect(message["lastError"].string?.contains("wrong") == false)
            // Nobody listening at all.
            let nobody = "smtp://127.0.0.1:\(try await ServerProcess.freePort())?starttls=off&timeout=2"
            _ = try await app.mailRelay(try Self.transport(server, url: nobody)).deliverDue(now: Date().addingTimeInterval(7200))
            message = try #require(try await Self.outbox(app, call).first)
            #expect(message["attempts"] == 3)
            #expect(try await server.messages().isEmpty)
        }
    }
}

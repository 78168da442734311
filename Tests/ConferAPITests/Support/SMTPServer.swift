import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A real SMTP server (aiosmtpd, `scripts/lib/smtp_server.py`) with STARTTLS on a certificate of a throwaway CA
/// and AUTH, keeping what it accepts as `.eml` files; the messages are read back with Python's `email` package.
/// It runs with the test venv's interpreter, `CONFER_TEST_PYTHON`, which `scripts/test` sets.
final class SMTPServer: @unchecked Sendable {
    enum Mode: Sendable { case startTLS, implicitTLS, plain }

    static let user = "relay-user"
    static let password = "relay pass: été"

    let folder: URL
    let port: Int
    let mode: Mode
    let loginOnly: Bool
    private var process: Process?

    struct Failure: Error, CustomStringConvertible { var description: String }

    static var python: String {
        get throws {
            guard let python = ProcessInfo.processInfo.environment["CONFER_TEST_PYTHON"] else {
                throw Failure(description: "CONFER_TEST_PYTHON is not set: run the mail tests through scripts/test")
            }
            return python
        }
    }

    static var scripts: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/lib")
    }

    init(mode: Mode = .startTLS, loginOnly: Bool = false) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("confer-smtp-\(UUID().uuidString)")
        port = try await ServerProcess.freePort()
        self.mode = mode
        self.loginOnly = loginOnly
        try await start()
    }

    /// `SMTP_URL` for this server, with its credentials; the CA file in `caFile`.
    var url: String {
        let user = Self.user.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? Self.user
        let password = Self.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? Self.password
        switch mode {
        case .startTLS: return "smtp://\(user):\(password)@localhost:\(port)?timeout=5"
        case .implicitTLS: return "smtps://\(user):\(password)@localhost:\(port)?timeout=5"
        case .plain: return "smtp://\(user):\(password)@127.0.0.1:\(port)?starttls=off&timeout=5"
        }
    }

    var caFile: String { folder.appendingPathComponent("ca.pem").path }

    /// Starts (or starts again, on the same folder, port and certificate) and waits until it listens.
    func start() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Self.python)
        var arguments = [Self.scripts.appendingPathComponent("smtp_server.py").path, folder.path, "--port", String(port),
                         "--user", Self.user, "--password", Self.password]
        switch mode {
        case .startTLS: break
        case .implicitTLS: arguments.append("--implicit-tls")
        case .plain: arguments.append("--no-tls")
        }
        if loginOnly { arguments.append("--login-only") }
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        self.process = process
        // "ready" once listening; a closed pipe first means it died.
        let line = try await Task.detached { () -> String in
            var bytes: [UInt8] = []
            while let chunk = try output.fileHandleForReading.read(upToCount: 1), let byte = chunk.first, byte != 10 {
                bytes.append(byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }.value
        guard line == "ready" else { throw Failure(description: "the SMTP server did not start (said \(line.debugDescription))") }
    }

    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
        self.process = nil
    }

    /// Every message received so far, as Python's `email` package reads it.
    func messages() async throws -> [JSON] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Self.python)
        process.arguments = [Self.scripts.appendingPathComponent("parse_mail.py").path, folder.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = try await Task.detached { try output.fileHandleForReading.readToEnd() ?? Data() }.value
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "parse_mail.py failed") }
        return try JSONDecoder().decode(JSON.self, from: data).array
    }

    /// Waits until `count` messages have arrived (or `seconds` passed) and returns them.
    func waitForMessages(_ count: Int, seconds: Double = 10) async throws -> [JSON] {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let received = (try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }.count) ?? 0
            if received >= count || Date() > deadline { return try await messages() }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }
}

import ConferDomain
import ConferMail
import Foundation
import Logging

/// Configuration read from the environment, validated once at start-up.
struct Settings: Sendable {
    var databaseURL: String
    var host: String
    var port: Int
    var logLevel: Logger.Level
    /// bcrypt work factor (4–16; 12 unless `CONFER_BCRYPT_COST` says otherwise).
    var bcryptCost: UInt8
    var adminEmail: String?
    var adminPassword: String?
    /// Lets webhooks target loopback and private addresses; off by default against server-side request forgery.
    var webhooksAllowPrivate = false
    /// Browser origins allowed to call the API (`CORS_ORIGINS`, comma-separated; `*` for any).
    var corsOrigins: [String] = []
    /// Behind a reverse proxy: take the client's address from `X-Forwarded-For` (`TRUST_PROXY`).
    var trustProxy = false
    /// Where mail goes (`SMTP_URL`, `MAIL_DIR` or the log) and whom it is from (`MAIL_FROM`).
    var mail = MailSettings(transport: .log, from: .serverDefault)

    static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> Settings {
        guard let url = env["DATABASE_URL"], !url.isEmpty else {
            throw StartupError("DATABASE_URL is not set (expected postgres://user:password@host:5432/database?sslmode=disable)")
        }
        let portText = env["PORT"] ?? "8080"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw StartupError("PORT must be a number from 1 to 65535 (got \(portText))")
        }
        let levelText = env["LOG_LEVEL"] ?? "info"
        guard let level = Logger.Level(rawValue: levelText.lowercased()) else {
            throw StartupError("LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical (got \(levelText))")
        }
        let costText = env["CONFER_BCRYPT_COST"] ?? "12"
        guard let cost = UInt8(costText), (4...16).contains(cost) else {
            throw StartupError("CONFER_BCRYPT_COST must be a number from 4 to 16 (got \(costText))")
        }
        let mail: MailSettings
        do {
            mail = try MailSettings.fromEnvironment(env)
        } catch {
            throw StartupError(error.description)
        }
        let email = env["CONFER_ADMIN_EMAIL"].flatMap { $0.isEmpty ? nil : $0 }
        let password = env["CONFER_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if (email == nil) != (password == nil) {
            throw StartupError("set both CONFER_ADMIN_EMAIL and CONFER_ADMIN_PASSWORD, or neither")
        }
        let allowPrivate = try flag("WEBHOOKS_ALLOW_PRIVATE", env)
        let trustProxy = try flag("TRUST_PROXY", env)
        let origins = (env["CORS_ORIGINS"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for origin in origins where origin != "*" {
            guard let url = URLComponents(string: origin), ["http", "https"].contains(url.scheme ?? ""), url.host != nil,
                  url.path.isEmpty, url.query == nil
            else {
                throw StartupError("CORS_ORIGINS must list origins such as https://program.example.org, or * (got \(origin))")
            }
        }
        return Settings(
            databaseURL: url, host: env["HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1", port: port,
            logLevel: level, bcryptCost: cost, adminEmail: email, adminPassword: password,
            webhooksAllowPrivate: allowPrivate, corsOrigins: origins, trustProxy: trustProxy, mail: mail)
    }

    /// A boolean setting: true/1 or false/0, false when unset.
    private static func flag(_ name: String, _ env: [String: String]) throws -> Bool {
        switch (env[name] ?? "").lowercased() {
        case "true", "1": return true
        case "false", "0", "": return false
        default: throw StartupError("\(name) must be true or false (got \(env[name] ?? ""))")
        }
    }

    func logger(_ label: String = "confer") -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = logLevel
        return logger
    }
}

/// A start-up failure, printed as one line naming the problem.
struct StartupError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

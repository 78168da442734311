import ConferDomain
import Foundation
import NIOPosix

/// Outbox messages written as `.eml` files (RFC 5322, what mail clients open) into a folder, one per message,
/// named after its `Message-ID`: a retried message overwrites its own file.
public struct MailDirectoryTransport: MessageTransport {
    let directory: URL
    let from: MailAddress
    let replyTo: MailAddress?
    let pool: NIOThreadPool

    public init(directory: String, from: MailAddress, replyTo: MailAddress?, pool: NIOThreadPool = .singleton) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
        self.from = from
        self.replyTo = replyTo
        self.pool = pool
    }

    public func send(_ messages: [OutboxMessage]) async -> [MailOutcome] {
        var outcomes: [MailOutcome] = []
        for message in messages {
            let rendered = InternetMessage(message, from: from, replyTo: replyTo)
            let name = rendered.messageId.filter { $0.isLetter || $0.isNumber || "-.@".contains($0) } + ".eml"
            let directory = directory
            do {
                // File writes block: they run on NIO's thread pool, not on the caller's executor.
                try await pool.runIfActive {
                    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                    // Written aside then renamed, so that a reader never sees half a message.
                    let file = directory.appendingPathComponent(name)
                    try Data(rendered.data.utf8).write(to: file, options: .atomic)
                }
                outcomes.append(.sent)
            } catch {
                outcomes.append(.deferred("cannot write \(name) in \(directory.path): \(error)"))
            }
        }
        return outcomes
    }
}

import ConferDomain
import ConferPersistence
import Foundation
import Logging
import ServiceLifecycle

/// Delivers the outbox in the background, on every instance; `OutboxRelay` claims rows with
/// `FOR UPDATE SKIP LOCKED`, so instances never send the same message at the same time.
struct OutboxService: Service {
    let relay: OutboxRelay
    let logger: Logger
    /// Pause between polls when there is nothing to send.
    var idle: Duration = .seconds(1)

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var sent = 0
            do {
                sent = try await relay.deliverDue(now: Date())
            } catch {
                logger.warning("outbox delivery failed; will retry", metadata: ["error": "\(error)"])
            }
            if sent == 0 {
                try? await Task.sleep(for: idle)
            }
        }
    }
}

/// The default transport: writes each message to the log and counts it as sent. Confer has no SMTP transport
/// yet: the package mirror holds no maintained Swift SMTP library.
struct LogTransport: MessageTransport {
    let logger: Logger

    func send(_ message: OutboxMessage) async throws {
        logger.info(
            "outbox message",
            metadata: [
                "to": "\(message.message.recipient)", "subject": "\(message.message.subject)",
                "language": "\(message.message.language)", "body": "\(message.message.body)",
            ])
    }
}

import ConferPersistence
import Foundation
import Logging
import ServiceLifecycle

/// Delivers webhooks in the background, on every instance; `WebhookRelay` leases each delivery, so instances
/// never send the same one at the same time.
struct WebhookService: Service {
    let relay: WebhookRelay
    let logger: Logger
    /// Pause between polls when nothing is due.
    var idle: Duration = .milliseconds(500)

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var attempted = 0
            do {
                attempted = try await relay.deliverDue(now: Date())
            } catch {
                logger.warning("webhook delivery failed; will retry", metadata: ["error": "\(error)"])
            }
            if attempted == 0 {
                try? await Task.sleep(for: idle)
            }
        }
    }
}

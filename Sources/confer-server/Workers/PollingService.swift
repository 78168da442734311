import ConferDomain
import Foundation
import Logging
import ServiceLifecycle

/// A background loop that runs on every instance: it does one batch of work, and pauses only when the batch
/// found nothing to do. The relays it drives claim rows with `FOR UPDATE SKIP LOCKED`, so instances share the
/// work without doing any of it twice at the same time.
struct PollingService: Service {
    /// For the log.
    let name: String
    /// Pause between polls when there is nothing to do.
    let idle: Duration
    let logger: Logger
    /// One batch at this instant; returns how many items it handled.
    let batch: @Sendable (Date) async throws -> Int

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            var handled = 0
            do {
                handled = try await batch(Date())
            } catch {
                logger.warning("\(name) failed; will retry", metadata: ["error": "\(error)"])
            }
            if handled == 0 {
                try? await Task.sleep(for: idle)
            }
        }
    }
}

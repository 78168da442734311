import ConferAPIContract
import ConferDomain
import Foundation

// Webhooks: organizers only, for every operation.
//
// | operation                                                   | effect                                          |
// |-------------------------------------------------------------|-------------------------------------------------|
// | POST /v1/conferences/{slug}/webhooks                        | register; the secret is shown this once          |
// | GET  …/webhooks, …/webhooks/{id}; PATCH; DELETE             | read, change (not the secret), delete           |
// | POST …/webhooks/{id}/secret                                 | rotate the secret, shown this once              |
// | GET  …/webhooks/{id}/deliveries; POST …/{deliveryId}/redeliver | the delivery log; queue a delivery again     |
extension APIHandler {
    func createWebhook(_ input: Operations.CreateWebhook.Input) async throws -> Operations.CreateWebhook.Output {
        let conference = try await conference(input.path.slug)
        let caller = try await access(to: conference).requireOrganizer()
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let webhook = try WebhookRules.create(
            WebhookInput(body), id: UUID(), conferenceId: conference.id, createdBy: caller.accountId,
            generatedSecret: WebhookSecret.generate(), now: now, allowPrivateTargets: deps.allowPrivateWebhookTargets)
        let created = try await deps.webhooks.create(webhook)
        return .created(.init(
            headers: .init(
                location: "/v1/conferences/\(conference.slug)/webhooks/\(created.id.uuidString.lowercased())",
                eTag: ETag.make(created.version)),
            body: .json(.init(created))))
    }

    func listWebhooks(_ input: Operations.ListWebhooks.Input) async throws -> Operations.ListWebhooks.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        let webhooks = try await deps.webhooks.list(conferenceId: conference.id)
        return .ok(.init(body: .json(.init(items: webhooks.map(Components.Schemas.Webhook.init)))))
    }

    func getWebhook(_ input: Operations.GetWebhook.Input) async throws -> Operations.GetWebhook.Output {
        let (_, webhook) = try await organizersWebhook(input.path.slug, input.path.webhookId)
        return .ok(.init(headers: .init(eTag: ETag.make(webhook.version)), body: .json(.init(webhook))))
    }

    func updateWebhook(_ input: Operations.UpdateWebhook.Input) async throws -> Operations.UpdateWebhook.Output {
        let body: Components.Schemas.WebhookPatch
        switch input.body {
        case .json(let json): body = json
        case .applicationMergePatchJson(let json): body = json
        }
        let updated = try await retryingConcurrentUpdates { () async throws -> Webhook? in
            let (_, current) = try await organizersWebhook(input.path.slug, input.path.webhookId)
            try ETag.check(ifMatch: input.headers.ifMatch, version: current.version)
            let next = try WebhookRules.apply(
                WebhookInput(body), to: current, now: now, allowPrivateTargets: deps.allowPrivateWebhookTargets)
            return try await deps.webhooks.update(next, ifVersion: current.version)
        }
        return .ok(.init(headers: .init(eTag: ETag.make(updated.version)), body: .json(.init(updated))))
    }

    func deleteWebhook(_ input: Operations.DeleteWebhook.Input) async throws -> Operations.DeleteWebhook.Output {
        let (conference, webhook) = try await organizersWebhook(input.path.slug, input.path.webhookId)
        guard try await deps.webhooks.delete(conferenceId: conference.id, id: webhook.id) else {
            throw DomainError.notFound("There is no webhook \(input.path.webhookId) in this conference.")
        }
        return .noContent(.init())
    }

    func rotateWebhookSecret(_ input: Operations.RotateWebhookSecret.Input) async throws -> Operations.RotateWebhookSecret.Output {
        let rotated = try await retryingConcurrentUpdates { () async throws -> Webhook? in
            let (_, current) = try await organizersWebhook(input.path.slug, input.path.webhookId)
            let next = WebhookRules.rotate(current, newSecret: WebhookSecret.generate(), now: now)
            return try await deps.webhooks.update(next, ifVersion: current.version)
        }
        return .ok(.init(headers: .init(eTag: ETag.make(rotated.version)), body: .json(.init(rotated))))
    }

    func listWebhookDeliveries(_ input: Operations.ListWebhookDeliveries.Input) async throws -> Operations.ListWebhookDeliveries.Output {
        let (_, webhook) = try await organizersWebhook(input.path.slug, input.path.webhookId)
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let status = input.query.status.flatMap { WebhookDeliveryStatus(rawValue: $0.rawValue) }
        let deliveries = try await deps.webhooks.deliveries(webhookId: webhook.id, status: status, page: page)
        return .ok(.init(body: .json(.init(
            items: deliveries.items.map(Components.Schemas.WebhookDelivery.init), nextCursor: deliveries.nextCursor))))
    }

    func redeliverWebhookDelivery(
        _ input: Operations.RedeliverWebhookDelivery.Input
    ) async throws -> Operations.RedeliverWebhookDelivery.Output {
        let (_, webhook) = try await organizersWebhook(input.path.slug, input.path.webhookId)
        let deliveryId = try uuid(input.path.deliveryId, "delivery")
        guard let delivery = try await deps.webhooks.redeliver(webhookId: webhook.id, deliveryId: deliveryId, now: now) else {
            throw DomainError.notFound("There is no delivery \(input.path.deliveryId) of this webhook.")
        }
        return .accepted(.init(body: .json(.init(delivery))))
    }

    /// The conference and its webhook, for an organizer; 404 when the conference has no such webhook.
    private func organizersWebhook(_ slug: String, _ id: String) async throws -> (Conference, Webhook) {
        let conference = try await conference(slug)
        try await access(to: conference).requireOrganizer()
        let webhookId = try uuid(id, "webhook")
        guard let webhook = try await deps.webhooks.find(conferenceId: conference.id, id: webhookId) else {
            throw DomainError.notFound("There is no webhook \(id) in this conference.")
        }
        return (conference, webhook)
    }
}

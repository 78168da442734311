import ConferAPIContract
import ConferDomain
import ConferUseCases
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
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let created = try await CreateWebhook(context).run(WebhookInput(body), in: conference, by: access)
        return .created(.init(
            headers: .init(
                location: "/v1/conferences/\(conference.slug)/webhooks/\(created.id.uuidString.lowercased())",
                eTag: ETag.make(created.version)),
            body: .json(.init(created))))
    }

    func listWebhooks(_ input: Operations.ListWebhooks.Input) async throws -> Operations.ListWebhooks.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let webhooks = Page.of(try await deps.webhooks.list(conferenceId: conference.id), page) {
            [SortKey.instant($0.createdAt), SortKey.id($0.id)]
        }
        return .ok(.init(body: .json(.init(items: webhooks.items.map(Components.Schemas.Webhook.init), nextCursor: webhooks.nextCursor))))
    }

    func getWebhook(_ input: Operations.GetWebhook.Input) async throws -> Operations.GetWebhook.Output {
        let (_, webhook) = try await organizersWebhook(input.path.slug, input.path.webhookId)
        return .ok(.init(headers: .init(eTag: ETag.make(webhook.version)), body: .json(.init(webhook))))
    }

    func updateWebhook(_ input: Operations.UpdateWebhook.Input) async throws -> Operations.UpdateWebhook.Output {
        guard case .applicationMergePatchJson(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        var fields = WebhookInput(body)
        fields.cleared = MergePatchBody.nulls
        let updated = try await ChangeWebhook(context).run(
            try uuid(input.path.webhookId, "webhook"), .fields(fields, ifMatch: input.headers.ifMatch), in: conference, by: access)
        return .ok(.init(headers: .init(eTag: ETag.make(updated.version)), body: .json(.init(updated))))
    }

    func deleteWebhook(_ input: Operations.DeleteWebhook.Input) async throws -> Operations.DeleteWebhook.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        try await DeleteWebhook(context).run(try uuid(input.path.webhookId, "webhook"), in: conference, by: access)
        return .noContent(.init())
    }

    func rotateWebhookSecret(_ input: Operations.RotateWebhookSecret.Input) async throws -> Operations.RotateWebhookSecret.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        let rotated = try await ChangeWebhook(context).run(try uuid(input.path.webhookId, "webhook"), .rotateSecret, in: conference, by: access)
        return .ok(.init(headers: .init(eTag: ETag.make(rotated.version)), body: .json(.init(rotated))))
    }

    func listWebhookDeliveries(_ input: Operations.ListWebhookDeliveries.Input) async throws -> Operations.ListWebhookDeliveries.Output {
        let (_, webhook) = try await organizersWebhook(input.path.slug, input.path.webhookId)
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let status = input.query.status?.domain
        let deliveries = try await deps.webhooks.deliveries(webhookId: webhook.id, status: status, page: page)
        return .ok(.init(body: .json(.init(
            items: deliveries.items.map(Components.Schemas.WebhookDelivery.init), nextCursor: deliveries.nextCursor))))
    }

    func redeliverWebhookDelivery(
        _ input: Operations.RedeliverWebhookDelivery.Input
    ) async throws -> Operations.RedeliverWebhookDelivery.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        let delivery = try await RedeliverWebhook(context).run(
            try uuid(input.path.deliveryId, "delivery"), of: try uuid(input.path.webhookId, "webhook"), in: conference, by: access)
        return .accepted(.init(body: .json(.init(delivery))))
    }

    /// The conference and its webhook, for an organizer; 404 when the conference has no such webhook.
    private func organizersWebhook(_ slug: String, _ id: String) async throws -> (Conference, Webhook) {
        let conference = try await conference(slug)
        try await access(to: conference).requireOrganizer()
        let webhookId = try uuid(id, "webhook")
        guard let webhook = try await deps.webhooks.find(conferenceId: conference.id, id: webhookId) else {
            throw WebhookRules.notFound(webhookId)
        }
        return (conference, webhook)
    }
}

import Foundation
import HTTPTypes
import Testing

/// The webhook routes of `HostileWritesTests`.
extension HostileWriteRoute {
    static let webhookSecret = "whsec_" + Data((0..<32).map { UInt8($0 * 7 % 256) }).base64EncodedString()

    static let webhookRoutes: [HostileWriteRoute] = [
        HostileWriteRoute(
            operationId: "createWebhook", method: .post, template: "\(conferences)/webhooks", caller: .organizer, parameters: slug,
            body: { _ in ["url": "https://hooks.example.org/other", "events": ["registration.confirmed", "program.released"],
                          "description": "Billetterie", "active": true, "secret": .string(webhookSecret)] },
            fields: [
                HostileField("url", .string, required: true), HostileField("events", .array(emptyIsValid: false), required: true),
                HostileField("events.0", .enumeration), HostileField("description", .text(nonBlank: false)),
                HostileField("active", .boolean), HostileField("secret", .string),
            ],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "updateWebhook", method: .patch, template: "\(conferences)/webhooks/{webhookId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "webhookId": f.webhookId] },
            body: { _ in ["url": "https://hooks.example.org/moved", "events": ["submission.submitted", "decision.made"],
                          "description": "CRM (nouveau)", "active": false] },
            fields: [
                HostileField("url", .string), HostileField("events", .array(emptyIsValid: false)), HostileField("events.0", .enumeration),
                HostileField("description", .text(nonBlank: false)), HostileField("active", .boolean),
            ],
            ifMatch: true, controlStatus: 200),
        HostileWriteRoute(
            operationId: "deleteWebhook", method: .delete, template: "\(conferences)/webhooks/{webhookId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "webhookId": f.webhookId] }, controlStatus: 204),
        HostileWriteRoute(
            operationId: "rotateWebhookSecret", method: .post, template: "\(conferences)/webhooks/{webhookId}/secret", caller: .organizer,
            parameters: { f in ["slug": f.slug, "webhookId": f.webhookId] }, controlStatus: 200),
        HostileWriteRoute(
            operationId: "redeliverWebhookDelivery", method: .post,
            template: "\(conferences)/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", caller: .organizer,
            parameters: { f in ["slug": f.slug, "webhookId": f.webhookId, "deliveryId": f.deliveryId] }, controlStatus: 202),
    ]
}

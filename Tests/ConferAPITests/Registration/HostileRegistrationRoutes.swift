import Foundation
import HTTPTypes
import Testing

/// The registration routes of `HostileWritesTests`.
extension HostileWriteRoute {
    static let registrationRoutes: [HostileWriteRoute] = [
        HostileWriteRoute(
            operationId: "createRegistrationCategory", method: .post, template: "\(conferences)/registration-categories",
            caller: .organizer, parameters: slug,
            body: { _ in ["name": "Plein tarif", "description": "Repas compris.", "translations": ["en": ["name": "Full fee", "description": "Meals included."]],
                          "price": ["amount": 12000, "currency": "EUR"], "capacity": 100] },
            fields: [
                HostileField("name", .text(nonBlank: true), required: true), HostileField("description", .text(nonBlank: false)),
                HostileField("translations", .object), HostileField("translations.en", .object),
                HostileField("translations.en.name", .text(nonBlank: true)), HostileField("translations.en.description", .text(nonBlank: false)),
                HostileField("price", .object, required: true), HostileField("price.amount", .integer, required: true), HostileField("price.currency", .string, required: true),
                HostileField("capacity", .integer),
            ],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "createRegistration", method: .post, template: "\(conferences)/registrations", caller: .newcomer, parameters: slug,
            body: { f in ["categoryId": .string(f.categoryId), "name": "Nouvelle Venue", "email": .string(f.newcomer.email),
                          "affiliation": "Association Pairs", "dietaryRequirements": "Végétarien",
                          "accessibility": ["wheelchairAccess": true, "quietRoom": false, "other": "Place près de l'entrée"],
                          "voucherCode": .string(f.voucherCode)] },
            fields: [
                HostileField("categoryId", .uuid, required: true), HostileField("name", .text(nonBlank: true)),
                HostileField("email", .string), HostileField("affiliation", .text(nonBlank: false)),
                HostileField("dietaryRequirements", .text(nonBlank: false)), HostileField("accessibility", .object),
                HostileField("accessibility.wheelchairAccess", .boolean), HostileField("accessibility.other", .text(nonBlank: false)),
                HostileField("voucherCode", .string),
            ],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "updateRegistration", method: .patch, template: "\(conferences)/registrations/{registrationId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "registrationId": f.registrationId] },
            body: { _ in ["paymentStatus": "paid"] }, fields: [HostileField("paymentStatus", .enumeration, required: true)],
            ifMatch: true, controlStatus: 200),
        HostileWriteRoute(
            operationId: "cancelRegistration", method: .post, template: "\(conferences)/registrations/{registrationId}/cancel",
            caller: .attendee, parameters: { f in ["slug": f.slug, "registrationId": f.registrationId] }, controlStatus: 200),
        HostileWriteRoute(
            operationId: "checkInRegistration", method: .post, template: "\(conferences)/registrations/{registrationId}/check-in",
            caller: .organizer, parameters: { f in ["slug": f.slug, "registrationId": f.registrationId] }, controlStatus: 200),
        HostileWriteRoute(
            operationId: "createVoucher", variant: "percent", method: .post, template: "\(conferences)/vouchers", caller: .organizer,
            parameters: slug,
            body: { f in ["code": "SPRING-25", "categoryIds": [.string(f.categoryId)], "discountPercent": 25, "maxUses": 10,
                          "validUntil": "2099-01-01T00:00:00Z"] },
            fields: [
                HostileField("code", .string, required: true), HostileField("categoryIds", .array(emptyIsValid: true)),
                HostileField("categoryIds.0", .uuid), HostileField("discountPercent", .integer), HostileField("maxUses", .integer, required: true),
                // The rules set no bounds on a voucher's end: one valid until 0001 (already expired) or 9999 is accepted.
                HostileField("validUntil", .instant(valid: [.farPast, .farFuture])),
            ],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "createVoucher", variant: "amount", method: .post, template: "\(conferences)/vouchers", caller: .organizer,
            parameters: slug,
            body: { _ in ["code": "MINUS_10", "discountAmount": ["amount": 1000, "currency": "EUR"], "maxUses": 3] },
            fields: [
                HostileField("discountAmount", .object), HostileField("discountAmount.amount", .integer, required: true),
                HostileField("discountAmount.currency", .string, required: true),
            ],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "updateRegistrationCategory", method: .patch, template: "\(conferences)/registration-categories/{categoryId}",
            caller: .organizer, parameters: { f in ["slug": f.slug, "categoryId": f.categoryId] },
            body: { _ in ["name": "Étudiant·e", "description": "Sur justificatif.", "price": ["amount": 4000, "currency": "EUR"],
                          "capacity": 200] },
            fields: [
                HostileField("name", .text(nonBlank: true)), HostileField("description", .text(nonBlank: false)),
                HostileField("price", .object), HostileField("price.amount", .integer, required: true),
                HostileField("price.currency", .string, required: true), HostileField("capacity", .integer),
            ],
            ifMatch: true, controlStatus: 200),
        HostileWriteRoute(
            operationId: "deleteRegistrationCategory", method: .delete, template: "\(conferences)/registration-categories/{categoryId}",
            caller: .organizer, parameters: { f in ["slug": f.slug, "categoryId": f.spareCategoryId] }, controlStatus: 204),
        HostileWriteRoute(
            operationId: "updateVoucher", method: .patch, template: "\(conferences)/vouchers/{voucherId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "voucherId": f.voucherId] },
            body: { f in ["maxUses": 9, "validUntil": "2099-01-01T00:00:00Z", "categoryIds": [.string(f.categoryId)]] },
            fields: [
                HostileField("maxUses", .integer), HostileField("validUntil", .instant(valid: [.farPast, .farFuture])),
                HostileField("categoryIds", .array(emptyIsValid: true)), HostileField("categoryIds.0", .uuid),
            ],
            ifMatch: true, controlStatus: 200),
        HostileWriteRoute(
            operationId: "deleteVoucher", method: .delete, template: "\(conferences)/vouchers/{voucherId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "voucherId": f.voucherId] }, controlStatus: 204),
    ]
}

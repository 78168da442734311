import Foundation
import HTTPTypes
import Testing

/// The conference, committee and topic routes of `HostileWritesTests`.
extension HostileWriteRoute {
    /// Conference fields; `creating` makes the required ones required.
    static func conferenceFields(creating: Bool) -> [HostileField] {
        [
            HostileField("slug", .string, required: creating),
            HostileField("name", .text(nonBlank: true), required: creating),
            HostileField("acronym", .text(nonBlank: false)),
            HostileField("venue", .text(nonBlank: false)),
            HostileField("description", .text(nonBlank: false)),
            // 0001-01-01 as the first day is before the last day (2019-11-15): the rules accept it.
            HostileField("startDate", .calendarDate(valid: [.farPast]), required: creating),
            // 9999-12-31 as the last day is after the first day: accepted.
            HostileField("endDate", .calendarDate(valid: [.farFuture]), required: creating),
            HostileField("timezone", .string, required: creating),
            HostileField("languages", .array(emptyIsValid: false), required: creating),
            HostileField("languages.0", .string),
            // Instants must fall in 1900–9999 (ConferenceRules.isPlausible). In 9999 the submission deadline would be after
            // the notification date and registration would open after it closes: refused. A notification date, program
            // date or registration closing in 9999 breaks no rule: that probe is skipped for them.
            HostileField("submissionDeadline", .instant(valid: [])),
            HostileField("notificationDate", .instant(valid: [.farFuture])),
            HostileField("programDate", .instant(valid: [.farFuture])),
            HostileField("registrationOpens", .instant(valid: [])),
            HostileField("registrationCloses", .instant(valid: [.farFuture])),
            HostileField("abstractMaxLength", .integer),
            HostileField("reviewMode", .enumeration),
            HostileField("reviewsPerSubmission", .integer),
            HostileField("translations", .object),
            HostileField("translations.en", .object),
            HostileField("translations.en.name", .text(nonBlank: true)),
            HostileField("translations.en.venue", .text(nonBlank: false)),
        ]
    }

    static func conferenceBody(_ slug: String?) -> JSON {
        var body: JSON = [
            "name": "Les pairs dans le soin", "acronym": "PAIRS", "venue": "Rennes", "description": "Deux journées d'étude.",
            "startDate": "2019-11-14", "endDate": "2019-11-15", "timezone": "Europe/Paris", "languages": ["fr", "en"],
            "submissionDeadline": "2099-05-30T23:59:59+02:00", "notificationDate": "2099-07-15T00:00:00+02:00",
            "programDate": "2099-08-01T00:00:00Z", "registrationOpens": "2020-01-01T00:00:00Z",
            "registrationCloses": "2099-01-01T00:00:00Z", "abstractMaxLength": 3000, "reviewMode": "double-blind",
            "reviewsPerSubmission": 2, "translations": ["en": ["name": "Peers in care", "venue": "Rennes, France"]],
        ]
        if let slug { body["slug"] = .string(slug) }
        return body
    }

    static let conferenceRoutes: [HostileWriteRoute] = [
        HostileWriteRoute(
            operationId: "createConference", method: .post, template: "/v1/conferences", caller: .organizer, parameters: { _ in [:] },
            body: { _ in conferenceBody("hostile-new") }, fields: conferenceFields(creating: true), controlStatus: 201),
        HostileWriteRoute(
            operationId: "updateConference", method: .patch, template: conferences, caller: .organizer, parameters: slug,
            body: { _ in conferenceBody(nil) }, fields: conferenceFields(creating: false).filter { $0.name != "slug" },
            ifMatch: true, controlStatus: 200),
        HostileWriteRoute(
            operationId: "putMember", method: .put, template: "\(conferences)/members/{accountId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "accountId": f.reviewerC.id] },
            body: { f in ["roles": ["reviewer", "organizer"], "topicIds": [.string(f.topicId)]] },
            fields: [
                HostileField("roles", .array(emptyIsValid: false), required: true), HostileField("roles.0", .enumeration),
                HostileField("topicIds", .array(emptyIsValid: true)), HostileField("topicIds.0", .uuid),
            ],
            controlStatus: 200),
        HostileWriteRoute(
            operationId: "deleteMember", method: .delete, template: "\(conferences)/members/{accountId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "accountId": f.reviewerC.id] }, controlStatus: 204),
        HostileWriteRoute(
            operationId: "createTopic", method: .post, template: "\(conferences)/topics", caller: .organizer, parameters: slug,
            body: { _ in ["title": "Formation des pairs", "description": "Parcours et diplômes.", "kind": "area",
                          "translations": ["en": ["title": "Training of peers", "description": "Courses and degrees."]]] },
            fields: [
                HostileField("title", .text(nonBlank: true), required: true), HostileField("description", .text(nonBlank: false)),
                HostileField("kind", .enumeration, required: true), HostileField("translations", .object),
                HostileField("translations.en", .object), HostileField("translations.en.title", .text(nonBlank: true)),
                HostileField("translations.en.description", .text(nonBlank: false)),
            ],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "updateTopic", method: .patch, template: "\(conferences)/topics/{topicId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "topicId": f.topicId] },
            body: { _ in ["title": "Pair-aidance", "description": "Les savoirs expérientiels.", "kind": "topic",
                          "translations": ["en": ["title": "Peer support", "description": "Lived experience."]]] },
            fields: [
                HostileField("title", .text(nonBlank: true)), HostileField("description", .text(nonBlank: false)),
                HostileField("kind", .enumeration), HostileField("translations", .object), HostileField("translations.en", .object),
                HostileField("translations.en.title", .text(nonBlank: true)), HostileField("translations.en.description", .text(nonBlank: false)),
            ],
            ifMatch: true, controlStatus: 200),
        HostileWriteRoute(
            operationId: "deleteTopic", method: .delete, template: "\(conferences)/topics/{topicId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "topicId": f.spareTopicId] }, controlStatus: 204),
    ]
}

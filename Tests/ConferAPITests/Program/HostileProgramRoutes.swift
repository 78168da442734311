import Foundation
import HTTPTypes
import Testing

/// The program routes of `HostileWritesTests`.
extension HostileWriteRoute {
    static func sessionFields(creating: Bool) -> [HostileField] {
        [
            HostileField("title", .text(nonBlank: true), required: creating),
            HostileField("roomId", .uuid, required: creating),
            // Sessions lie within the conference days (14–15 November 2019): no probe date can be valid.
            HostileField("startsAt", .instant(valid: []), required: creating),
            HostileField("endsAt", .instant(valid: []), required: creating),
            HostileField("kind", .enumeration, required: creating),
            HostileField("topicId", .uuid),
            HostileField("chairIds", .array(emptyIsValid: true)),
            // ProgramRules check the room and the topic, not the chairs: an unknown chair id is accepted (and left out of
            // the public program), so that probe is skipped.
            HostileField("chairIds.0", .uuidNotChecked),
        ]
    }

    static let programRoutes: [HostileWriteRoute] = [
        HostileWriteRoute(
            operationId: "createRoom", method: .post, template: "\(conferences)/rooms", caller: .organizer, parameters: slug,
            body: { _ in ["name": "Salle des thèses", "capacity": 40] },
            fields: [HostileField("name", .text(nonBlank: true), required: true), HostileField("capacity", .integer, required: true)],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "createSession", method: .post, template: "\(conferences)/sessions", caller: .organizer, parameters: slug,
            body: { f in ["title": "Formation", "roomId": .string(f.roomId), "startsAt": "2019-11-15T09:00:00+01:00",
                          "endsAt": "2019-11-15T10:30:00+01:00", "kind": "parallel", "topicId": .string(f.topicId),
                          "chairIds": [.string(f.admin.id)]] },
            fields: sessionFields(creating: true), controlStatus: 201),
        HostileWriteRoute(
            operationId: "updateSession", method: .patch, template: "\(conferences)/sessions/{sessionId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "sessionId": f.sessionId] },
            body: { f in ["title": "Pair-aidance et soin", "roomId": .string(f.roomId), "startsAt": "2019-11-14T09:00:00+01:00",
                          "endsAt": "2019-11-14T10:30:00+01:00", "kind": "parallel", "topicId": .string(f.topicId),
                          "chairIds": [.string(f.admin.id)]] },
            fields: sessionFields(creating: false), ifMatch: true, controlStatus: 200),
        HostileWriteRoute(
            operationId: "deleteSession", method: .delete, template: "\(conferences)/sessions/{sessionId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "sessionId": f.sessionId] }, controlStatus: 204),
        HostileWriteRoute(
            operationId: "createTalk", method: .post, template: "\(conferences)/sessions/{sessionId}/talks", caller: .organizer,
            parameters: { f in ["slug": f.slug, "sessionId": f.sessionId] },
            body: { f in ["submissionId": .string(f.unscheduledId), "startsAt": "2019-11-14T09:30:00+01:00", "durationMinutes": 20] },
            fields: [
                HostileField("submissionId", .uuid, required: true),
                // Talks lie within their session (14 November 2019, 09:00–10:30): no probe date can be valid.
                HostileField("startsAt", .instant(valid: []), required: true), HostileField("durationMinutes", .integer, required: true),
            ],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "moveTalk", method: .patch, template: "\(conferences)/sessions/{sessionId}/talks/{talkId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "sessionId": f.sessionId, "talkId": f.talkId] },
            body: { f in ["sessionId": .string(f.sessionId), "startsAt": "2019-11-14T09:40:00+01:00", "durationMinutes": 30] },
            fields: [HostileField("sessionId", .uuid), HostileField("startsAt", .instant(valid: [])), HostileField("durationMinutes", .integer)],
            controlStatus: 200),
        HostileWriteRoute(
            operationId: "deleteTalk", method: .delete, template: "\(conferences)/sessions/{sessionId}/talks/{talkId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "sessionId": f.sessionId, "talkId": f.talkId] }, controlStatus: 204),
        HostileWriteRoute(
            operationId: "releaseProgram", method: .post, template: "\(conferences)/program/releases", caller: .organizer, parameters: slug,
            body: { _ in ["note": "Première version."] }, bodyRequired: false, fields: [HostileField("note", .text(nonBlank: false))],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "scheduleProgram", method: .post, template: "\(conferences)/program/schedule", caller: .organizer, parameters: slug,
            body: { _ in ["talkMinutes": 20, "strategy": "topic-grouped"] }, bodyRequired: false,
            fields: [HostileField("talkMinutes", .integer), HostileField("strategy", .enumeration)], controlStatus: 200),
        HostileWriteRoute(
            operationId: "updateRoom", method: .patch, template: "\(conferences)/rooms/{roomId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "roomId": f.roomId] },
            body: { _ in ["name": "Grand amphithéâtre", "capacity": 320] },
            fields: [HostileField("name", .text(nonBlank: true)), HostileField("capacity", .integer)],
            ifMatch: true, controlStatus: 200),
        HostileWriteRoute(
            operationId: "deleteRoom", method: .delete, template: "\(conferences)/rooms/{roomId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "roomId": f.spareRoomId] }, controlStatus: 204),
    ]
}

import Foundation
import HTTPTypes
import Testing

/// The review routes of `HostileWritesTests`.
extension HostileWriteRoute {
    static let reviewFields = [
        HostileField("score", .integer, required: true), HostileField("confidence", .integer, required: true),
        HostileField("commentsForAuthors", .text(nonBlank: false), required: true), HostileField("commentsForCommittee", .text(nonBlank: false)),
    ]

    static let reviewBody: JSON = ["score": 4, "confidence": 3, "commentsForAuthors": "Clair et utile.", "commentsForCommittee": "Accepter."]

    static let reviewRoutes: [HostileWriteRoute] = [
        HostileWriteRoute(
            operationId: "createAssignment", method: .post, template: "\(submission)/assignments", caller: .organizer,
            parameters: { f in ["slug": f.slug, "submissionId": f.submittedId] },
            body: { f in ["reviewerId": .string(f.reviewerC.id)] }, fields: [HostileField("reviewerId", .uuid, required: true)],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "deleteAssignment", method: .delete, template: "\(submission)/assignments/{reviewerId}", caller: .organizer,
            parameters: { f in ["slug": f.slug, "submissionId": f.submittedId, "reviewerId": f.reviewerB.id] }, controlStatus: 204),
        HostileWriteRoute(
            operationId: "autoAssign", method: .post, template: "\(conferences)/auto-assignments", caller: .organizer, parameters: slug,
            body: { _ in ["reviewsPerSubmission": 2] }, bodyRequired: false, fields: [HostileField("reviewsPerSubmission", .integer)],
            controlStatus: 200),
        HostileWriteRoute(
            operationId: "declareConflict", method: .post, template: "\(conferences)/conflicts", caller: .organizer, parameters: slug,
            body: { f in ["submissionId": .string(f.submittedId), "reviewerId": .string(f.reviewerC.id), "reason": "Même laboratoire."] },
            fields: [HostileField("submissionId", .uuid, required: true), HostileField("reviewerId", .uuid), HostileField("reason", .text(nonBlank: false))],
            controlStatus: 201),
        HostileWriteRoute(
            operationId: "createReview", method: .post, template: "\(submission)/reviews", caller: .reviewerB,
            parameters: { f in ["slug": f.slug, "submissionId": f.submittedId] },
            body: { _ in reviewBody }, fields: reviewFields, controlStatus: 201),
        HostileWriteRoute(
            operationId: "updateReview", method: .put, template: "\(submission)/reviews/{reviewId}", caller: .reviewerA,
            parameters: { f in ["slug": f.slug, "submissionId": f.submittedId, "reviewId": f.reviewId] },
            body: { _ in reviewBody }, fields: reviewFields, ifMatch: true, controlStatus: 200),
        HostileWriteRoute(
            operationId: "decideSubmission", method: .post, template: "\(submission)/decision", caller: .organizer,
            parameters: { f in ["slug": f.slug, "submissionId": f.submittedId] },
            body: { _ in ["decision": "accepted", "format": "poster"] },
            fields: [HostileField("decision", .enumeration, required: true), HostileField("format", .enumeration)],
            controlStatus: 200),
        HostileWriteRoute(
            operationId: "sendNotifications", method: .post, template: "\(conferences)/notifications", caller: .organizer, parameters: slug,
            body: { _ in ["kind": "decisions"] }, fields: [HostileField("kind", .enumeration, required: true)], controlStatus: 200),
    ]
}

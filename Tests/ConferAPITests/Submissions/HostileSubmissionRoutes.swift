import Foundation
import HTTPTypes
import Testing

/// The proposal routes of `HostileWritesTests`.
extension HostileWriteRoute {
    static func submissionFields(creating: Bool) -> [HostileField] {
        [
            HostileField("title", .text(nonBlank: true), required: creating),
            HostileField("abstract", .text(nonBlank: true), required: creating),
            HostileField("topicId", .uuid),
            HostileField("format", .enumeration, required: creating),
            HostileField("videoJustification", .text(nonBlank: false)),
            HostileField("language", .string, required: creating),
            HostileField("keywords", .array(emptyIsValid: true)),
            HostileField("keywords.0", .text(nonBlank: true)),
            HostileField("authors", .array(emptyIsValid: false), required: creating),
            HostileField("authors.0", .object),
            HostileField("authors.0.name", .text(nonBlank: true), required: true),
            HostileField("authors.0.email", .string, required: true),
            HostileField("authors.0.affiliation", .text(nonBlank: false)),
            HostileField("authors.0.presenting", .boolean, required: true),
            HostileField("translations", .object),
            HostileField("translations.en", .object),
            HostileField("translations.en.title", .text(nonBlank: true)),
            HostileField("translations.en.abstract", .text(nonBlank: true)),
        ]
    }

    static func submissionBody(_ f: HostileFixture) -> JSON {
        [
            "title": "Les pairs-aidants en psychiatrie", "abstract": "Nous étudions trois services de psychiatrie.",
            "topicId": .string(f.topicId), "format": "oral", "videoJustification": "Sans objet.", "language": "fr",
            "keywords": ["pair-aidance", "psychiatrie"],
            "authors": [["name": "Claire Martin", "email": .string(f.author.email), "affiliation": "Université Rennes 2", "presenting": true]],
            "translations": ["en": ["title": "Peer workers in psychiatry", "abstract": "We study three psychiatric wards."]],
        ]
    }

    static let submissionRoutes: [HostileWriteRoute] = [
        HostileWriteRoute(
            operationId: "createSubmission", method: .post, template: "\(conferences)/submissions", caller: .author, parameters: slug,
            body: submissionBody, fields: submissionFields(creating: true), controlStatus: 201),
        HostileWriteRoute(
            operationId: "updateSubmission", method: .patch, template: submission, caller: .author,
            parameters: { f in ["slug": f.slug, "submissionId": f.draftId] },
            body: submissionBody, fields: submissionFields(creating: false), ifMatch: true, controlStatus: 200),
        HostileWriteRoute(
            operationId: "submitSubmission", method: .post, template: "\(submission)/submit", caller: .author,
            parameters: { f in ["slug": f.slug, "submissionId": f.draftId] }, controlStatus: 200),
        HostileWriteRoute(
            operationId: "withdrawSubmission", method: .post, template: "\(submission)/withdraw", caller: .author,
            parameters: { f in ["slug": f.slug, "submissionId": f.submittedId] }, controlStatus: 200),
        HostileWriteRoute(
            operationId: "deleteSubmission", method: .delete, template: submission, caller: .author,
            parameters: { f in ["slug": f.slug, "submissionId": f.draftId] }, controlStatus: 204),
    ]
}

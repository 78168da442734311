import Foundation
@testable import ConferDomain

/// Proposals to the reference conference (EXPAIRs 2019, French and English, abstracts up to 3,000 characters).
enum SubmissionFixtures {
    static let submissionId = UUID(uuidString: "00000000-0000-0000-0000-0000000005B1")!
    static let topicId = UUID(uuidString: "00000000-0000-0000-0000-0000000000D1")!
    static let otherTopicId = UUID(uuidString: "00000000-0000-0000-0000-0000000000D2")!

    /// When the draft is created, well before the deadline of 2019-05-30T23:59:59+02:00.
    static let drafted = Fixtures.instant("2019-04-15T10:00:00+02:00")
    /// When it is edited, still before the deadline.
    static let edited = Fixtures.instant("2019-05-02T16:45:00+02:00")

    static let frenchTitle = "Pair-aidance en santé mentale : retours d'expérience d'un GEM rennais"
    static let frenchAbstract = "Nous présentons trois années d'accompagnement par les pairs dans un groupe d'entraide mutuelle."
    static let englishTitle = "Peer support in mental health: lessons from a mutual aid group in Rennes"
    static let englishAbstract = "We report on three years of peer support in a mutual aid group."

    static let alice = SubmissionAuthor(
        name: "Alice Martin", email: "alice@example.org", affiliation: "Université Rennes 2", presenting: true)
    static let bob = SubmissionAuthor(name: "Bob Durand", email: "bob@example.org", affiliation: nil, presenting: false)

    /// A valid create request: French proposal with an English translation, an oral presentation on a topic.
    static func input() -> SubmissionInput {
        var input = SubmissionInput()
        input.title = frenchTitle
        input.abstract = frenchAbstract
        input.format = .oral
        input.language = "fr"
        input.topicId = .some(topicId)
        input.keywords = ["pair-aidance", "santé mentale"]
        input.authors = [alice, bob]
        input.translations = Translations(["en": ["title": englishTitle, "abstract": englishAbstract]])
        return input
    }

    /// `input()` with `change` applied.
    static func input(_ change: (inout SubmissionInput) -> Void) -> SubmissionInput {
        var input = input()
        change(&input)
        return input
    }

    /// A draft created by Alice from `input`.
    static func create(
        _ input: SubmissionInput = input(), owner: Caller = Fixtures.alice, topicExists: Bool = true,
        conference: Conference? = nil
    ) throws -> Submission {
        let conference = try conference ?? Fixtures.referenceConference()
        return try SubmissionRules.create(
            input, conference: conference, owner: owner, topicExists: topicExists, id: submissionId, now: drafted)
    }

    /// The error of creating a draft from `input` (nil when it was created).
    static func createError(_ input: SubmissionInput, topicExists: Bool = true) throws -> DomainError? {
        let conference = try Fixtures.referenceConference()
        return domainError { () throws(DomainError) in
            try SubmissionRules.create(
                input, conference: conference, owner: Fixtures.alice, topicExists: topicExists, id: submissionId,
                now: drafted)
        }
    }

    /// `current` changed by `input` at `edited`.
    static func apply(_ input: SubmissionInput, to current: Submission, topicExists: Bool = true) throws -> Submission {
        try SubmissionRules.apply(
            input, to: current, conference: Fixtures.referenceConference(), topicExists: topicExists, now: edited)
    }

    /// The error of changing `current` by `input` (nil when it was changed).
    static func applyError(_ input: SubmissionInput, to current: Submission, topicExists: Bool = true) throws -> DomainError? {
        let conference = try Fixtures.referenceConference()
        return domainError { () throws(DomainError) in
            try SubmissionRules.apply(input, to: current, conference: conference, topicExists: topicExists, now: edited)
        }
    }

    /// A stored proposal in `status`, built directly (number 7, version 3), owned by Alice.
    static func submission(status: SubmissionStatus = .draft) -> Submission {
        Submission(
            id: submissionId, conferenceId: Fixtures.conferenceId, number: 7, ownerId: Fixtures.alice.accountId,
            status: status, title: frenchTitle, abstract: frenchAbstract, language: "fr",
            translations: Translations(["en": ["title": englishTitle, "abstract": englishAbstract]]), topicId: topicId,
            format: .oral, videoJustification: nil, keywords: ["pair-aidance", "santé mentale"], authors: [alice, bob],
            createdAt: drafted, updatedAt: drafted, submittedAt: status == .draft ? nil : drafted, withdrawnAt: nil,
            version: 3)
    }

    /// `count` distinct valid authors, the first one presenting.
    static func authors(_ count: Int) -> [SubmissionAuthor] {
        (0..<count).map {
            SubmissionAuthor(name: "Author \($0 + 1)", email: "author\($0 + 1)@example.org", affiliation: nil, presenting: $0 == 0)
        }
    }

    /// The problem code of a 409 conflict; nil for any other outcome.
    static func conflictCode(_ error: DomainError?) -> String? {
        if case .conflict(let code, _)? = error { return code }
        return nil
    }
}

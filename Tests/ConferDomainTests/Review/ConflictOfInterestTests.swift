import Foundation
import Testing
@testable import ConferDomain

@Suite("Conflicts of interest")
struct ConflictOfInterestTests {
    typealias R = ReviewFixtures
    typealias S = SubmissionFixtures

    /// Alice's proposal: Alice (Université Rennes 2) presenting, Bob (no affiliation).
    static let proposal = S.submission(status: .submitted)

    static func conflict(_ reviewer: ReviewerProfile, _ submission: Submission = proposal, declared: Bool = false) -> ConflictReason? {
        ConflictRules.conflict(reviewer: reviewer, submission: submission, declared: declared)
    }

    // MARK: normalize

    @Test("Case, accents, spacing and punctuation are ignored",
          arguments: ["Université  Rennes 2", "UNIVERSITE rennes 2", "université-rennes 2", "  Universite Rennes 2 ",
                      "Université\tRennes\n2", "Universite\u{0301} Rennes 2"])
    func normalizesAlike(spelling: String) {
        #expect(ConflictRules.normalize(spelling) == ConflictRules.normalize("Université Rennes 2"))
        #expect(ConflictRules.normalize(spelling) == "universite rennes 2")
    }

    @Test("A decomposed accent (e + combining acute) normalises like a precomposed one")
    func decomposedAccent() {
        #expect(ConflictRules.normalize("Unive\u{0301}rsite\u{0301} Rennes 2") == ConflictRules.normalize("Université Rennes 2"))
    }

    @Test("Different institutions stay different")
    func differentInstitutions() {
        let rennes2 = ConflictRules.normalize("Université Rennes 2")
        #expect(rennes2 != ConflictRules.normalize("Université Rennes 1"))
        #expect(rennes2 != ConflictRules.normalize("Université de Rennes"))
        #expect(rennes2 != ConflictRules.normalize("Université Rennes 22"))
        #expect(ConflictRules.normalize("EHESP") != ConflictRules.normalize("EHESS"))
    }

    @Test("Empty, blank and punctuation-only affiliations normalise to empty", arguments: ["", "   ", "\n\t", "-", " — ; "])
    func emptyStaysEmpty(blank: String) {
        #expect(ConflictRules.normalize(blank) == "")
    }

    // MARK: conflict

    @Test("The owner is an author, whatever their email")
    func ownerIsAuthor() {
        var reviewer = R.reviewer(1)
        reviewer.accountId = Fixtures.alice.accountId
        #expect(Self.conflict(reviewer) == .author)
    }

    @Test("A reviewer listed by email is an author, whatever the case",
          arguments: ["bob@example.org", "BOB@EXAMPLE.ORG", "Bob@Example.org"])
    func authorByEmail(email: String) {
        var reviewer = R.reviewer(1)
        reviewer.email = email
        #expect(Self.conflict(reviewer) == .author)
    }

    @Test("An author listed in capitals is found by a lower-case reviewer email")
    func authorListedInCapitals() {
        var proposal = Self.proposal
        proposal.authors[1].email = "BOB@Example.ORG"
        var reviewer = R.reviewer(1)
        reviewer.email = "bob@example.org"
        #expect(Self.conflict(reviewer, proposal) == .author)
    }

    @Test("Being an author comes before a shared affiliation and a declaration")
    func authorFirst() {
        var reviewer = R.reviewer(1, affiliation: "Université Rennes 2")
        reviewer.email = "alice@example.org"
        #expect(Self.conflict(reviewer, declared: true) == .author)
    }

    @Test("A shared affiliation, spelled differently, is a conflict carrying the author's spelling",
          arguments: ["UNIVERSITE RENNES 2", "universite-rennes  2", "Université Rennes 2"])
    func sameAffiliation(spelling: String) {
        let reviewer = R.reviewer(1, affiliation: spelling)
        #expect(Self.conflict(reviewer) == .sameAffiliation("Université Rennes 2"))
    }

    @Test("A shared affiliation with the second author carries that author's spelling")
    func sameAffiliationSecondAuthor() {
        var proposal = Self.proposal
        proposal.authors[1].affiliation = "EHESP — Rennes"
        let reviewer = R.reviewer(1, affiliation: "ehesp rennes")
        #expect(Self.conflict(reviewer, proposal) == .sameAffiliation("EHESP — Rennes"))
    }

    @Test("A shared affiliation comes before a declaration")
    func affiliationBeforeDeclared() {
        #expect(Self.conflict(R.reviewer(1, affiliation: "Universite Rennes 2"), declared: true) == .sameAffiliation("Université Rennes 2"))
    }

    @Test("A declared conflict applies when nothing else does")
    func declared() {
        #expect(Self.conflict(R.reviewer(1, affiliation: "Université Rennes 1"), declared: true) == .declared)
        #expect(Self.conflict(R.reviewer(1), declared: true) == .declared)
    }

    @Test("No relation, no conflict")
    func none() {
        #expect(Self.conflict(R.reviewer(1)) == nil)
        #expect(Self.conflict(R.reviewer(1, affiliation: "Université Rennes 1")) == nil)
        #expect(Self.conflict(R.reviewer(1, affiliation: "Rennes")) == nil)
    }

    @Test("An empty or blank reviewer affiliation never matches, not even an author's empty one",
          arguments: ["", "  ", "-"])
    func emptyReviewerAffiliation(blank: String) {
        var proposal = Self.proposal
        proposal.authors[1].affiliation = blank
        #expect(Self.conflict(R.reviewer(1, affiliation: blank), proposal) == nil)
        #expect(Self.conflict(R.reviewer(1, affiliation: blank), proposal, declared: true) == .declared)
    }

    @Test("A reviewer without affiliation never matches an author without one")
    func nilAffiliation() {
        // Bob has no affiliation.
        #expect(Self.conflict(R.reviewer(1, affiliation: nil)) == nil)
    }

    // MARK: conflicts

    /// Reviewers covering every reason, plus a few without conflict.
    static let sampleReviewers: [ReviewerProfile] = {
        var owner = R.reviewer(1)
        owner.accountId = Fixtures.alice.accountId
        var coAuthor = R.reviewer(2, affiliation: "Université Rennes 2")
        coAuthor.email = "BOB@example.org"
        return [
            owner, coAuthor,
            R.reviewer(3, affiliation: "UNIVERSITE RENNES 2"),
            R.reviewer(4, affiliation: "ehesp"),
            R.reviewer(5, affiliation: "Université Rennes 1"),
            R.reviewer(6, affiliation: ""),
            R.reviewer(7, affiliation: nil),
            R.reviewer(8, affiliation: "Université Rennes 1"),
            R.reviewer(9, affiliation: "CNRS"),
        ]
    }()

    static let sampleDeclared: Set<UUID> = [R.accountId(2), R.accountId(3), R.accountId(8), R.accountId(9)]

    static func conflicts(_ reviewers: [ReviewerProfile], _ submission: Submission, declared: Set<UUID>) -> [UUID: ConflictReason] {
        let normalized = Dictionary(uniqueKeysWithValues: reviewers.compactMap { reviewer in
            reviewer.affiliation.map { (reviewer.accountId, ConflictRules.normalize($0)) }
        })
        return ConflictRules.conflicts(
            reviewers: reviewers, normalizedAffiliations: normalized, submission: submission, declared: declared)
    }

    static func sampleProposals() -> [Submission] {
        var withEhesp = proposal
        withEhesp.authors[1].affiliation = "EHESP"
        var blankAffiliations = proposal
        blankAffiliations.authors[0].affiliation = ""
        blankAffiliations.authors[1].affiliation = " "
        var stranger = proposal
        stranger.ownerId = R.accountId(99)
        stranger.authors = S.authors(3)
        return [proposal, withEhesp, blankAffiliations, stranger]
    }

    @Test("conflicts() agrees with conflict() for every reviewer of a sample")
    func conflictsAgree() {
        for submission in Self.sampleProposals() {
            let all = Self.conflicts(Self.sampleReviewers, submission, declared: Self.sampleDeclared)
            for reviewer in Self.sampleReviewers {
                let one = ConflictRules.conflict(
                    reviewer: reviewer, submission: submission, declared: Self.sampleDeclared.contains(reviewer.accountId))
                #expect(all[reviewer.accountId] == one, "reviewer \(reviewer.name), authors \(submission.authors.map(\.email))")
            }
            #expect(Set(all.keys).isSubset(of: Set(Self.sampleReviewers.map(\.accountId))))
        }
    }

    @Test("conflicts() on the reference proposal finds each reason")
    func conflictsReasons() {
        let all = Self.conflicts(Self.sampleReviewers, Self.proposal, declared: Self.sampleDeclared)
        #expect(all[Fixtures.alice.accountId] == .author)
        #expect(all[R.accountId(2)] == .author)
        #expect(all[R.accountId(3)] == .sameAffiliation("Université Rennes 2"))
        #expect(all[R.accountId(4)] == nil)
        #expect(all[R.accountId(5)] == nil)
        #expect(all[R.accountId(6)] == nil)
        #expect(all[R.accountId(7)] == nil)
        #expect(all[R.accountId(8)] == .declared)
        #expect(all[R.accountId(9)] == .declared)
        #expect(all.count == 5)
    }

    @Test("Without reviewers there are no conflicts")
    func conflictsEmpty() {
        #expect(Self.conflicts([], Self.proposal, declared: [R.accountId(1)]).isEmpty)
    }

    @Test("When two authors spell the shared affiliation differently, conflicts() reports the same spelling as conflict()")
    func conflictsSpellingAgree() {
        var proposal = Self.proposal
        proposal.authors[1].affiliation = "UNIVERSITÉ RENNES 2"
        let reviewer = R.reviewer(3, affiliation: "universite rennes 2")
        let one = Self.conflict(reviewer, proposal)
        let all = Self.conflicts([reviewer], proposal, declared: [])
        #expect(one == .sameAffiliation("Université Rennes 2"))
        #expect(all[reviewer.accountId] == one)
    }

    // MARK: refusal and explanations

    @Test("The refusal is a conflict-of-interest conflict that explains the reason",
          arguments: [ConflictReason.author, .sameAffiliation("Université Rennes 2"), .declared])
    func refusal(reason: ConflictReason) {
        let error = ConflictRules.refusal(reason)
        #expect(R.conflictCode(error) == "conflict-of-interest")
        guard case .conflict(_, let detail) = error else {
            Issue.record("expected a conflict, got \(error)")
            return
        }
        #expect(detail.contains(reason.explanation))
    }

    @Test("The explanation of a shared affiliation quotes it")
    func explanations() {
        #expect(ConflictReason.sameAffiliation("Université Rennes 2").explanation.contains("\"Université Rennes 2\""))
        #expect(ConflictReason.author.explanation.contains("author"))
        #expect(ConflictReason.declared.explanation.contains("declared"))
    }
}

import Foundation
import Testing
@testable import ConferDomain

@Suite("AnonymityCheck")
struct AnonymityCheckTests {
    typealias S = SubmissionFixtures

    static let claire = SubmissionAuthor(
        name: "Claire Martin", email: "c.martin@univ-rennes.fr", affiliation: "Université Rennes 2", presenting: true)

    /// The reference proposal, neutral texts unless given, by `authors` (Claire Martin alone by default).
    static func proposal(
        title: String = "Peer support in mental health", abstract: String = "We report on three years of peer support.",
        keywords: [String] = ["peer support"], translations: Translations = Translations(),
        authors: [SubmissionAuthor] = [claire]
    ) -> Submission {
        var s = S.submission()
        s.title = title
        s.abstract = abstract
        s.keywords = keywords
        s.translations = translations
        s.authors = authors
        return s
    }

    static func warnings(_ s: Submission) -> [SubmissionWarning] {
        AnonymityCheck.warnings(for: s, reviewMode: .doubleBlind)
    }

    // MARK: Review modes

    @Test("Only a double-blind conference is checked", arguments: [ReviewMode.singleBlind, .open])
    func otherModesGiveNothing(mode: ReviewMode) {
        let s = Self.proposal(title: "Claire Martin's method", abstract: "As we have shown in our previous work at Université Rennes 2 (c.martin@univ-rennes.fr).")
        #expect(AnonymityCheck.warnings(for: s, reviewMode: mode).isEmpty)
        #expect(Self.warnings(s).count == 5)
    }

    @Test("The reference proposal reveals nothing")
    func referenceProposalIsClean() {
        #expect(Self.warnings(S.submission()).isEmpty)
    }

    // MARK: Names

    @Test("A full name in the abstract gives one warning on the abstract")
    func fullNameInAbstract() {
        let found = Self.warnings(Self.proposal(abstract: "This method, designed by Claire Martin, is tested here."))
        #expect(found == [SubmissionWarning(
            field: "abstract", code: .authorName,
            message: "The abstract names an author (Claire Martin); reviewers of a double-blind conference must not learn who wrote it.")])
        #expect(found.first?.isAnonymity == true)
    }

    @Test("Names match whatever their case, accents and spacing", arguments: [
        ("Claire Martin", "A study by claire MARTIN."),
        ("Claire Martin", "A study by Clàire Martin."),
        ("Clàire Martin", "A study by Claire Martin."),
        ("Claire Martin", "A study by CLAIRE\n   MARTIN."),
        ("Claire Martin", "A study by Claire\u{00A0}Martin."),
        ("Claire Martin", "A study by Cla\u{0300}ire Martin."),  // decomposed accent
        ("  Claire   Martin ", "A study by Claire Martin."),
        ("Élise Le Goff", "Les travaux d’ÉLISE LE GOFF, à Brest."),
    ])
    func nameFolding(name: String, abstract: String) {
        let author = SubmissionAuthor(name: name, email: "cm@example.org", affiliation: nil, presenting: true)
        let found = Self.warnings(Self.proposal(abstract: abstract, authors: [author]))
        #expect(found.map(\.code) == [.authorName])
        #expect(found.map(\.field) == ["abstract"])
    }

    @Test("A family name of 4 letters or more is found alone")
    func familyNameAlone() {
        let found = Self.warnings(Self.proposal(title: "Revisiting the Martin protocol"))
        #expect(found.map(\.field) == ["title"])
        #expect(found.map(\.code) == [.authorName])
        #expect(found.first?.message.hasPrefix("The title names an author (Martin);") == true)
    }

    @Test("A family name of 3 letters is not found alone, only with the given name")
    func shortFamilyName() {
        let lee = SubmissionAuthor(name: "Ana Lee", email: "al@example.org", affiliation: nil, presenting: true)
        #expect(Self.warnings(Self.proposal(abstract: "Following Lee and colleagues.", authors: [lee])).isEmpty)
        #expect(Self.warnings(Self.proposal(abstract: "Following Ana Lee and colleagues.", authors: [lee])).map(\.code) == [.authorName])
    }

    @Test("Names match whole words only")
    func wholeWords() {
        let roca = SubmissionAuthor(name: "Ana Roca", email: "ar@example.org", affiliation: nil, presenting: true)
        let ana = SubmissionAuthor(name: "Ana", email: "ana@example.org", affiliation: nil, presenting: false)
        #expect(Self.warnings(Self.proposal(
            title: "An analysis of Rocamadour", abstract: "Banana, rocas, Rocaille, anaphora, Roca2.", authors: [roca, ana])).isEmpty)
        let found = Self.warnings(Self.proposal(title: "Extending Roca's model", abstract: "(Ana) proposed it.", authors: [roca, ana]))
        #expect(found.map(\.field) == ["title", "abstract"])
        #expect(found[0].message.contains("(Roca)"))
        #expect(found[1].message.contains("(Ana)"))
    }

    @Test("A name twice in a field, or a full name and its family name, give one warning")
    func noDuplicates() {
        let found = Self.warnings(Self.proposal(
            abstract: "Claire Martin built it; Martin then tested it, and CLAIRE MARTIN wrote it up."))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("(Claire Martin)") == true)
    }

    @Test("Co-authors sharing a family name give one warning for a full name")
    func namesakes() {
        let paul = SubmissionAuthor(name: "Paul Martin", email: "pm@example.org", affiliation: nil, presenting: false)
        let one = Self.warnings(Self.proposal(abstract: "Designed by Claire Martin.", authors: [Self.claire, paul]))
        #expect(one.map(\.message).map { $0.contains("(Claire Martin)") } == [true])
        let alone = Self.warnings(Self.proposal(abstract: "The Martin protocol.", authors: [Self.claire, paul]))
        #expect(alone.count == 1)
        #expect(alone.first?.message.contains("(Martin)") == true)
    }

    // MARK: Emails and affiliations

    @Test("An author's email is found whatever its case, even inside other text")
    func email() {
        let found = Self.warnings(Self.proposal(abstract: "Contact: <C.Martin@Univ-Rennes.FR>."))
        #expect(found.map(\.code) == [.authorEmail])
        #expect(found.first?.message.contains("c.martin@univ-rennes.fr") == true)
    }

    @Test("An affiliation is found as a whole phrase, whatever its case and accents")
    func affiliation() {
        let found = Self.warnings(Self.proposal(abstract: "Data were collected at the UNIVERSITE RENNES 2 campus."))
        #expect(found.map(\.code) == [.authorAffiliation])
        #expect(found.first?.message.contains("(Université Rennes 2)") == true)
        #expect(Self.warnings(Self.proposal(abstract: "Université Rennes 20 and Université Rennes.")).isEmpty)
    }

    @Test("An affiliation shorter than 3 characters is never looked for")
    func shortAffiliation() {
        let author = SubmissionAuthor(name: "Claire Martin", email: "cm@example.org", affiliation: "UR", presenting: true)
        #expect(Self.warnings(Self.proposal(abstract: "UR and ur and U R.", authors: [author])).isEmpty)
        let blank = SubmissionAuthor(name: "Claire Martin", email: "cm@example.org", affiliation: "  ", presenting: true)
        #expect(Self.warnings(Self.proposal(abstract: "Nothing here.", authors: [blank])).isEmpty)
    }

    // MARK: Self-references

    @Test("English and French self-references are found, with either apostrophe", arguments: [
        ("As we have shown, peers help.", "as we have shown"),
        ("This extends OUR PREVIOUS WORK on peers.", "our previous work"),
        ("Our team’s previous results hold.", "our team's previous"),
        ("We previously reported it.", "we previously"),
        ("Nos travaux antérieurs le montrent.", "nos travaux antérieurs"),
        ("Comme nous l’avons montré, les pairs aident.", "comme nous l'avons montré"),
        ("Comme nous l'avons montre, les pairs aident.", "comme nous l'avons montré"),
        ("Notre équipe de recherche a suivi 40 pairs.", "notre équipe de recherche"),
    ])
    func selfReference(abstract: String, phrase: String) {
        let found = Self.warnings(Self.proposal(abstract: abstract))
        #expect(found.map(\.code) == [.selfReference])
        #expect(found.first?.message.contains("“\(phrase)”") == true)
    }

    @Test("Ordinary wording is not a self-reference")
    func notSelfReference() {
        #expect(Self.warnings(Self.proposal(
            abstract: "Previous work by others shows that our works previously... We show that our research grouping is new.")).isEmpty)
    }

    @Test("A phrase inside a longer one is reported once")
    func nestedPhrases() {
        let found = Self.warnings(Self.proposal(abstract: "In our previous paper, peers helped."))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("“in our previous paper”") == true)
    }

    // MARK: Fields and order

    @Test("A keyword is named by its index")
    func keywordField() {
        let found = Self.warnings(Self.proposal(keywords: ["peer support", "Claire Martin", "health"]))
        #expect(found.map(\.field) == ["keywords[1]"])
        #expect(found.first?.message.hasPrefix("A keyword names an author (Claire Martin);") == true)
    }

    @Test("A translation is named by its path, languages in order")
    func translationFields() {
        let found = Self.warnings(Self.proposal(translations: Translations([
            "fr": ["title": "Pair-aidance", "abstract": "Comme nous l'avons montré, Claire Martin..."],
            "de": ["title": "Die Martin-Methode", "abstract": "Nichts."],
        ])))
        #expect(found.map(\.field) == ["translations.de.title", "translations.fr.abstract", "translations.fr.abstract"])
        #expect(found.map(\.code) == [.authorName, .authorName, .selfReference])
        #expect(found[1].message.hasPrefix("The French translation of the abstract names an author (Claire Martin);"))
    }

    @Test("Warnings come by field (title, abstract, keywords, translations), then by code")
    func order() {
        let found = Self.warnings(Self.proposal(
            title: "Our previous work at Université Rennes 2, by Claire Martin",
            abstract: "Write to c.martin@univ-rennes.fr.",
            keywords: ["Martin"],
            translations: Translations(["en": ["title": "Nos travaux antérieurs"]])))
        #expect(found.map(\.field) == ["title", "title", "title", "abstract", "keywords[0]", "translations.en.title"])
        #expect(found.map(\.code) == [.authorName, .authorAffiliation, .selfReference, .authorEmail, .authorName, .selfReference])
    }

    @Test("A full-length abstract with six authors yields just the one name it contains")
    func longAbstract() {
        let authors = (1...6).map {
            SubmissionAuthor(
                name: "Author\($0) Familyname\($0)", email: "author\($0)@example.org", affiliation: "Institute \($0)",
                presenting: $0 == 1)
        }
        let sentence = "Peer supporters in mental health services describe their work and its tensions. "
        let abstract = String(String(repeating: sentence, count: 40).prefix(2_980)) + " Familyname3."
        let found = Self.warnings(Self.proposal(abstract: abstract, authors: authors))
        #expect(found.map(\.field) == ["abstract"])
        #expect(found.first?.message.contains("Familyname3") == true)
    }

    // MARK: Warnings

    @Test("possibleDuplicate names the other proposal and a rounded percentage")
    func possibleDuplicate() {
        let warning = SubmissionWarning.possibleDuplicate(ofNumber: 4, score: 0.926)
        #expect(warning == SubmissionWarning(
            field: "abstract", code: .possibleDuplicate,
            message: "This proposal is very similar (93 %) to your proposal #4 in this conference; submit each work once."))
        #expect(!warning.isAnonymity)
        #expect(SubmissionWarning.possibleDuplicate(ofNumber: 1, score: 1.2).message.contains("(100 %)"))
        #expect(SubmissionWarning.possibleDuplicate(ofNumber: 1, score: .nan).message.contains("(0 %)"))
    }

    @Test("Every code but possibleDuplicate is about anonymity")
    func isAnonymity() {
        for code in SubmissionWarning.Code.allCases {
            #expect(SubmissionWarning(field: "title", code: code, message: "").isAnonymity == (code != .possibleDuplicate))
        }
    }

    @Test("A warning encodes its code as the stable raw value and decodes back")
    func codable() throws {
        let warning = SubmissionWarning(field: "keywords[2]", code: .authorAffiliation, message: "m")
        let data = try JSONEncoder().encode(warning)
        #expect(String(decoding: data, as: UTF8.self).contains("\"author-affiliation\""))
        #expect(try JSONDecoder().decode(SubmissionWarning.self, from: data) == warning)
    }
}

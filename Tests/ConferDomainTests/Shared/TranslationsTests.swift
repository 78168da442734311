import Foundation
import Testing
@testable import ConferDomain

@Suite("Translations")
struct TranslationsTests {
    static let limits: [String: ClosedRange<Int>] = ["name": 1...300, "acronym": 0...40]

    @Test("set adds a text; text(_:in:) reads it back")
    func setAndRead() {
        var texts = Translations()
        texts.set("name", "Santé mentale", in: "fr")
        #expect(texts.text("name", in: "fr") == "Santé mentale")
        #expect(texts.text("name", in: "en") == nil)
        #expect(texts == Translations(["fr": ["name": "Santé mentale"]]))
    }

    @Test("set with nil removes the text; a language with no text left disappears")
    func removeText() {
        var texts = Translations(["fr": ["name": "Santé", "acronym": "S"], "en": ["name": "Health"]])
        texts.set("acronym", nil, in: "fr")
        #expect(texts == Translations(["fr": ["name": "Santé"], "en": ["name": "Health"]]))
        texts.set("name", nil, in: "en")
        #expect(texts.byLanguage.keys.sorted() == ["fr"])
        texts.set("name", nil, in: "de")  // removing what is absent changes nothing
        #expect(texts == Translations(["fr": ["name": "Santé"]]))
    }

    @Test("Fallbacks are tried in order when the language has no text")
    func fallbacks() {
        let texts = Translations(["fr": ["name": "Santé"], "en": ["name": "Health", "acronym": "H"]])
        #expect(texts.text("name", in: "de", fallbacks: ["fr", "en"]) == "Santé")
        #expect(texts.text("name", in: "de", fallbacks: ["en", "fr"]) == "Health")
        #expect(texts.text("acronym", in: "fr", fallbacks: ["fr", "en"]) == "H")
        #expect(texts.text("name", in: "en", fallbacks: ["fr"]) == "Health")
        #expect(texts.text("venue", in: "fr", fallbacks: ["en"]) == nil)
    }

    @Test("merging lays texts over field by field, keeping the others")
    func mergingFieldByField() {
        let stored = Translations(["fr": ["name": "Ancien", "acronym": "EXP"], "en": ["name": "Old"]])
        let patch = Translations(["fr": ["name": "Nouveau"], "pt-BR": ["name": "Novo"]])
        #expect(stored.merging(patch) == Translations([
            "fr": ["name": "Nouveau", "acronym": "EXP"],
            "en": ["name": "Old"],
            "pt-BR": ["name": "Novo"],
        ]))
        #expect(stored.merging(Translations()) == stored)
    }

    @Test("restricted(to:) keeps only the given languages")
    func restricted() {
        let texts = Translations(["fr": ["name": "Santé"], "en": ["name": "Health"], "de": ["name": "Gesundheit"]])
        #expect(texts.restricted(to: ["fr", "en"]) == Translations(["fr": ["name": "Santé"], "en": ["name": "Health"]]))
        #expect(texts.restricted(to: ["es"]) == Translations())
    }

    @Test("validate names a language the conference does not have")
    func validateUnknownLanguage() {
        var v = Validator()
        Translations(["de": ["name": "Gesundheit"], "en": ["name": "Health"]])
            .validate(languages: ["fr", "en"], limits: Self.limits, into: &v)
        #expect(v.issues == [FieldIssue(field: "translations.de", message: "is not one of the conference's languages (fr, en)")])
    }

    @Test("validate names an over-long text by language and field")
    func validateOverlongText() {
        var v = Validator()
        Translations(["en": ["name": String(repeating: "é", count: 301)], "fr": ["name": "Santé"]])
            .validate(languages: ["fr", "en"], limits: Self.limits, into: &v)
        #expect(v.issues == [FieldIssue(field: "translations.en.name", message: "must be at most 300 characters long (it has 301)")])
    }

    @Test("validate names a field that is not translatable and a blank required text")
    func validateUnknownFieldAndBlank() {
        var v = Validator()
        Translations(["fr": ["slug": "x", "name": "  "]])
            .validate(languages: ["fr"], limits: Self.limits, into: &v)
        #expect(v.issues == [
            FieldIssue(field: "translations.fr.name", message: "must not be blank"),
            FieldIssue(field: "translations.fr.slug", message: "is not a translatable field"),
        ])
    }

    @Test("validate reports languages, then fields, in alphabetical order")
    func validateOrder() {
        var v = Validator()
        Translations([
            "it": ["name": "Salute"],
            "en": ["acronym": String(repeating: "A", count: 41), "name": "  "],
            "de": ["name": "Gesundheit"],
        ]).validate(languages: ["fr", "en"], limits: Self.limits, into: &v)
        #expect(v.issues.map(\.field) == ["translations.de", "translations.en.acronym", "translations.en.name", "translations.it"])
    }

    @Test("validate accepts texts within their limits in the conference's languages")
    func validateAccepts() {
        var v = Validator()
        Translations(["en": ["name": String(repeating: "e\u{301}", count: 300), "acronym": ""], "fr": ["name": "Santé"]])
            .validate(languages: ["fr", "en"], limits: Self.limits, into: &v)
        #expect(v.issues.isEmpty)
    }
}

@Suite("LanguageNegotiation")
struct LanguageNegotiationTests {
    @Test("Picks the preferred language among those available", arguments: [
        ("fr", ["fr", "en"], "fr"),
        ("en", ["fr", "en"], "en"),
        ("en-GB,en;q=0.8", ["fr", "en"], "en"),
        ("de", ["fr", "en"], "fr"),
        ("de", ["en", "fr"], "en"),
        ("fr;q=0, en", ["fr", "en"], "en"),
        ("en;q=0, fr;q=0.1", ["en", "fr"], "fr"),
        ("en;q=0", ["fr", "en"], "fr"),  // refused: not picked even though it is the only one named
        ("de, en;q=0.0", ["fr", "en"], "fr"),
        ("*", ["fr", "en"], "fr"),
        ("*", ["en", "fr"], "en"),
        ("fr-CA", ["fr", "en"], "fr"),
        ("FR-ca", ["en", "fr"], "fr"),
        ("en", ["fr", "en-GB"], "en-GB"),
        ("pt-BR", ["fr", "pt-BR"], "pt-BR"),
        ("de;q=0.9, en;q=0.5, fr;q=0.7", ["fr", "en"], "fr"),
        ("en;q=0.5, fr;q=0.5", ["fr", "en"], "en"),  // equal quality: the header's order decides
        (" en ; q=0.9 , fr ; q=0.95 ", ["fr", "en"], "fr"),
        ("en;q=garbage, fr;q=0.1", ["en", "fr"], "fr"),
        (",,, ;q=1", ["en", "fr"], "en"),
    ] as [(String, [String], String)])
    func best(header: String, available: [String], expected: String) {
        #expect(LanguageNegotiation.best(for: header, among: available) == expected)
    }

    @Test("No header or an empty one gives the first language")
    func noHeader() {
        #expect(LanguageNegotiation.best(for: nil, among: ["fr", "en"]) == "fr")
        #expect(LanguageNegotiation.best(for: "", among: ["en", "fr"]) == "en")
    }

    @Test("No available language falls back to en")
    func noLanguage() {
        #expect(LanguageNegotiation.best(for: "fr", among: []) == "en")
    }

    // RFC 9110 §12.5.4: "*" matches every tag not matched by another range, and q=0 means "not acceptable".
    @Test("* does not pick a language the header refused with q=0")
    func wildcardSkipsRefusedLanguage() {
        #expect(LanguageNegotiation.best(for: "fr;q=0, *", among: ["fr", "en"]) == "en")
    }

    @Test("Accepts language codes such as fr, en, pt-BR", arguments: ["fr", "en", "pt-BR", "fil", "zh-TW"])
    func validCodes(code: String) {
        #expect(LanguageNegotiation.isValidCode(code))
    }

    @Test("Refuses what is not a language code", arguments: ["FR", "e", "english", "pt-br", "pt-", "-BR", "", "pt-BRA", "fr_FR", "fr-CA-x", "fé"])
    func invalidCodes(code: String) {
        #expect(!LanguageNegotiation.isValidCode(code))
    }
}

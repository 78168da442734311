import Foundation
import Testing
@testable import ConferDomain

@Suite("Validator")
struct ValidatorTests {
    /// "é" as one precomposed scalar (U+00E9) and as "e" + combining acute accent (U+0065 U+0301).
    static let accents = ["\u{E9}", "e\u{301}"]

    @Test("3,000 accented French characters fit a limit of 3,000", arguments: accents)
    func accentedTextAtTheLimitPasses(accent: String) {
        let text = String(repeating: accent, count: 3000)
        #expect(text.unicodeScalars.count >= 3000)
        #expect(text.utf8.count > 3000)  // more bytes than characters: the limit must count characters
        var v = Validator()
        v.text(text, "abstract", min: 1, max: 3000)
        #expect(v.issues.isEmpty)
    }

    @Test("3,001 accented characters exceed a limit of 3,000 and the field is named", arguments: accents)
    func accentedTextOverTheLimitFails(accent: String) {
        var v = Validator()
        v.text(String(repeating: accent, count: 3001), "abstract", min: 1, max: 3000)
        #expect(v.issues == [FieldIssue(field: "abstract", message: "must be at most 3000 characters long (it has 3001)")])
    }

    @Test("A decomposed accent counts as one character, not two scalars")
    func decomposedAccentIsOneCharacter() {
        var v = Validator()
        v.text("e\u{301}te\u{301}", "title", max: 3)  // "été": 3 characters, 5 scalars
        #expect(v.issues.isEmpty)
        v.text("e\u{301}te\u{301}", "title", max: 2)
        #expect(v.issues == [FieldIssue(field: "title", message: "must be at most 2 characters long (it has 3)")])
    }

    @Test("Blank or whitespace-only text fails a minimum of 1", arguments: ["", " ", "   ", "\t", "\n", " \t\r\n "])
    func blankTextFailsMinimumOne(text: String) {
        var v = Validator()
        v.text(text, "name", min: 1, max: 300)
        #expect(v.issues == [FieldIssue(field: "name", message: "must not be blank")])
    }

    @Test("Blank text is allowed when there is no minimum")
    func blankTextAllowedWithoutMinimum() {
        var v = Validator()
        v.text("", "acronym", max: 40)
        v.text("   ", "venue", max: 500)
        #expect(v.issues.isEmpty)
    }

    @Test("Text shorter than a minimum above 1 is refused with the minimum")
    func shortTextFailsMinimum() {
        var v = Validator()
        v.text("ab", "code", min: 3, max: 10)
        #expect(v.issues == [FieldIssue(field: "code", message: "must be at least 3 characters long")])
    }

    @Test("Text with a NUL character is refused, whatever its length", arguments: ["\u{0}", "abc\u{0}def", "ok\u{0}"])
    func nulCharacterIsRefused(text: String) {
        var v = Validator()
        v.text(text, "name", min: 1, max: 300)
        #expect(v.issues == [FieldIssue(field: "name", message: "must not contain NUL characters")])
    }

    @Test("A NUL in over-long text gives one issue, about the NUL")
    func nulInOverlongTextGivesOneIssue() {
        var v = Validator()
        v.text(String(repeating: "x", count: 50) + "\u{0}", "acronym", max: 40)
        #expect(v.issues == [FieldIssue(field: "acronym", message: "must not contain NUL characters")])
    }

    @Test("A missing required text is refused; a missing optional text is not")
    func missingText() {
        var v = Validator()
        v.text(nil, "affiliation", max: 300)
        #expect(v.issues.isEmpty)
        v.text(nil, "name", min: 1, max: 300, required: true)
        #expect(v.issues == [FieldIssue(field: "name", message: "is required")])
    }

    @Test("require records an issue only when the condition fails")
    func requireRecordsOnlyFailures() {
        var v = Validator()
        v.require(true, "limit", "never recorded")
        #expect(v.issues.isEmpty)
        v.require(false, "limit", "must be between 1 and 200")
        #expect(v.issues == [FieldIssue(field: "limit", message: "must be between 1 and 200")])
    }

    @Test("finish throws a validation error listing every issue in the order found")
    func finishListsEveryIssueInOrder() {
        var v = Validator()
        v.require(false, "email", "must be an email address")
        v.text("   ", "name", min: 1, max: 200)
        v.add("country", "must be an ISO 3166-1 alpha-2 code")
        v.text(String(repeating: "a", count: 301), "affiliation", max: 300)
        #expect(throws: DomainError.validation([
            FieldIssue(field: "email", message: "must be an email address"),
            FieldIssue(field: "name", message: "must not be blank"),
            FieldIssue(field: "country", message: "must be an ISO 3166-1 alpha-2 code"),
            FieldIssue(field: "affiliation", message: "must be at most 300 characters long (it has 301)"),
        ])) {
            try v.finish()
        }
    }

    @Test("finish does not throw when nothing was recorded")
    func finishWithoutIssues() throws {
        var v = Validator()
        v.text("Santé mentale", "name", min: 1, max: 300)
        v.require(true, "limit", "unused")
        try v.finish()
        #expect(v.issues.isEmpty)
    }

    @Test("DomainError.invalid is a validation error on one field")
    func invalidNamesOneField() {
        #expect(DomainError.invalid("slug", "is taken") == .validation([FieldIssue(field: "slug", message: "is taken")]))
    }
}

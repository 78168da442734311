import Foundation
import Testing
@testable import ConferDomain

@Suite("ConferenceRules.create")
struct ConferenceRulesCreateTests {
    typealias F = Fixtures

    static func create(_ change: (inout ConferenceInput) -> Void) -> DomainError? {
        var input = F.referenceInput()
        change(&input)
        return domainError { () throws(DomainError) in try ConferenceRules.create(input, id: F.conferenceId, now: F.created) }
    }

    @Test("The reference conference is created with its data and the defaults")
    func referenceConference() throws {
        var input = F.referenceInput()
        input.abstractMaxLength = nil  // the default is the reference conference's 3,000
        let conference = try ConferenceRules.create(input, id: F.conferenceId, now: F.created)
        #expect(conference.id == F.conferenceId)
        #expect(conference.slug == "expairs-2019")
        #expect(conference.languages == ["fr", "en"])
        #expect(conference.primaryLanguage == "fr")
        #expect(conference.startDate.description == "2019-11-14")
        #expect(conference.endDate.description == "2019-11-15")
        #expect(conference.timezone == "Europe/Paris")
        #expect(conference.registrationOpens == F.registrationOpens)
        #expect(conference.submissionDeadline == F.submissionDeadline)
        #expect(conference.notificationDate == F.notificationDate)
        #expect(conference.programDate == F.programDate)
        #expect(conference.registrationCloses == F.registrationCloses)
        #expect(conference.abstractMaxLength == 3000)
        #expect(conference.reviewsPerSubmission == 2)
        #expect(conference.reviewMode == .doubleBlind)
        #expect(conference.version == 1)
        #expect(conference.createdAt == F.created)
        #expect(conference.updatedAt == F.created)
    }

    @Test("The plain texts go to the first language and the translations to theirs")
    func referenceTexts() throws {
        let conference = try F.referenceConference()
        #expect(conference.texts == Translations([
            "fr": ["name": F.frenchName, "acronym": "EXPAIRs", "venue": F.venue],
            "en": ["name": F.englishName],
        ]))
        #expect(conference.text(.name, language: "en") == F.englishName)
        #expect(conference.text(.name, language: "fr") == F.frenchName)
        #expect(conference.text(.acronym, language: "en") == "EXPAIRs")  // falls back to French
        #expect(conference.text(.description, language: "fr") == nil)
    }

    @Test("The reference instants are those of the call, with their offsets")
    func referenceInstants() {
        #expect(F.registrationOpens.timeIntervalSince1970 == 1_554_069_600)  // 2019-03-31T22:00:00Z
        #expect(F.registrationCloses.timeIntervalSince1970 == 1_573_685_999)  // 2019-11-13T22:59:59Z
    }

    @Test("Explicit review settings override the defaults")
    func explicitSettings() throws {
        var input = F.referenceInput()
        input.reviewMode = .open
        input.reviewsPerSubmission = 3
        input.abstractMaxLength = 100_000
        let conference = try ConferenceRules.create(input, id: F.conferenceId, now: F.created)
        #expect(conference.reviewMode == .open)
        #expect(conference.reviewsPerSubmission == 3)
        #expect(conference.abstractMaxLength == 100_000)
    }

    @Test("A plain field wins over a translation in the first language")
    func plainFieldWins() throws {
        var input = F.referenceInput()
        input.translations = Translations(["fr": ["name": "Ignoré", "description": "Appel à communications"], "en": ["name": F.englishName]])
        let conference = try ConferenceRules.create(input, id: F.conferenceId, now: F.created)
        #expect(conference.texts.text("name", in: "fr") == F.frenchName)
        #expect(conference.texts.text("description", in: "fr") == "Appel à communications")
    }

    @Test("Each missing required field is named, in order")
    func missingFields() {
        let error = Self.create { input in input = ConferenceInput() }
        #expect(error?.issues == [
            FieldIssue(field: "slug", message: "is required"),
            FieldIssue(field: "name", message: "is required"),
            FieldIssue(field: "startDate", message: "is required"),
            FieldIssue(field: "endDate", message: "is required"),
            FieldIssue(field: "timezone", message: "is required"),
            FieldIssue(field: "languages", message: "is required"),
        ])
    }

    @Test("Each required field alone is named when it is missing",
          arguments: ["slug", "name", "startDate", "endDate", "timezone", "languages"])
    func oneMissingField(field: String) {
        let error = Self.create { input in
            switch field {
            case "slug": input.slug = nil
            case "name": input.name = nil
            case "startDate": input.startDate = nil
            case "endDate": input.endDate = nil
            case "timezone": input.timezone = nil
            default: input.languages = nil
            }
        }
        #expect(error?.issues == [FieldIssue(field: field, message: "is required")])
    }

    @Test("A bad slug is refused on slug", arguments: [
        "Expairs", "-x", "x-", "a_b", "a b", "", "expairs.2019", "é", String(repeating: "a", count: 65),
    ])
    func badSlug(slug: String) {
        #expect(Self.create { $0.slug = slug }?.issues == [
            FieldIssue(field: "slug", message: "must be 1–64 lowercase letters, digits and inner hyphens"),
        ])
    }

    @Test("Good slugs are kept", arguments: ["a", "2019", "expairs-2019", "a-b-c", String(repeating: "a", count: 64)])
    func goodSlug(slug: String) throws {
        var input = F.referenceInput()
        input.slug = slug
        #expect(try ConferenceRules.create(input, id: F.conferenceId, now: F.created).slug == slug)
    }

    @Test("An end date before the start date is refused on endDate")
    func endBeforeStart() {
        #expect(Self.create { $0.endDate = "2019-11-13" }?.issues == [
            FieldIssue(field: "endDate", message: "must not be before startDate"),
        ])
    }

    @Test("A one-day conference may end on the day it starts")
    func oneDayConference() throws {
        var input = F.referenceInput()
        input.endDate = "2019-11-14"
        let conference = try ConferenceRules.create(input, id: F.conferenceId, now: F.created)
        #expect(conference.startDate == conference.endDate)
    }

    @Test("Malformed dates are named", arguments: [("2019-02-29", "startDate"), ("2019-11-31", "endDate"), ("14/11/2019", "startDate")])
    func malformedDates(text: String, field: String) {
        let error = Self.create { input in
            if field == "startDate" { input.startDate = text } else { input.endDate = text }
        }
        #expect(error?.issues == [FieldIssue(field: field, message: "must be a date YYYY-MM-DD")])
    }

    @Test("An unknown time zone is refused on timezone", arguments: ["Mars/Olympus", "Europe/Pariss", "", String(repeating: "A", count: 65)])
    func unknownTimezone(timezone: String) {
        #expect(Self.create { $0.timezone = timezone }?.issues == [
            FieldIssue(field: "timezone", message: "must be an IANA time zone such as Europe/Paris"),
        ])
    }

    @Test("Bad language lists are named", arguments: [
        ([], [FieldIssue(field: "languages", message: "must name at least one language")]),
        (["fr", "fr"], [FieldIssue(field: "languages", message: "must not repeat a language")]),
        (["french"], [FieldIssue(field: "languages[0]", message: "must be a language code such as fr, en or pt-BR")]),
        (["fr", "EN"], [FieldIssue(field: "languages[1]", message: "must be a language code such as fr, en or pt-BR")]),
        (["fr", "en", "de", "es", "it", "pt", "nl", "pl", "ro", "el", "sv"],
         [FieldIssue(field: "languages", message: "must name at most 10 languages")]),
    ] as [([String], [FieldIssue])])
    func badLanguages(languages: [String], issues: [FieldIssue]) {
        #expect(Self.create { $0.languages = languages }?.issues == issues)
    }

    @Test("Registration closing before it opens is refused on registrationCloses")
    func registrationClosesBeforeOpens() {
        let error = Self.create { $0.registrationCloses = F.instant("2019-03-31T00:00:00+02:00") }
        #expect(error?.issues == [FieldIssue(field: "registrationCloses", message: "must be after registrationOpens")])
        #expect(Self.create { $0.registrationCloses = F.registrationOpens }?.fields == ["registrationCloses"])
    }

    @Test("A notification before the submission deadline is refused on notificationDate")
    func notificationBeforeDeadline() {
        let error = Self.create { $0.notificationDate = F.instant("2019-05-01T00:00:00+02:00") }
        #expect(error?.issues == [FieldIssue(field: "notificationDate", message: "must not be before submissionDeadline")])
    }

    @Test("An instant outside the years 1900 to 9999 is named", arguments: [
        "submissionDeadline", "notificationDate", "programDate", "registrationOpens", "registrationCloses",
    ])
    func implausibleInstant(field: String) {
        for year in [10_000, 1800, 1899] {
            let error = Self.create { input in
                let date = F.instant(year: year)
                switch field {
                case "submissionDeadline": input.submissionDeadline = date
                case "notificationDate": input.notificationDate = date
                case "programDate": input.programDate = date
                case "registrationOpens": input.registrationOpens = date
                default: input.registrationCloses = date
                }
            }
            #expect(error?.issues == [
                FieldIssue(field: field, message: "must be an instant between the years 1900 and 9999"),
            ], "year \(year)")
        }
    }

    @Test("Instants in the years 1900 and 9999 are plausible")
    func plausibleBounds() {
        #expect(ConferenceRules.isPlausible(F.instant("1900-01-01T00:00:00Z")))
        #expect(ConferenceRules.isPlausible(F.instant("9999-12-31T23:59:59Z")))
        #expect(!ConferenceRules.isPlausible(F.instant("1899-12-31T23:59:59Z")))
        #expect(!ConferenceRules.isPlausible(F.instant(year: 10_000, month: 1, day: 1)))
    }

    // Calendar years count within an era: 2019 BC must not pass as 2019.
    @Test("An instant before the Common Era is not plausible")
    func instantBeforeCommonEra() {
        let bc = F.instant(era: 0, year: 2019, month: 5, day: 30)
        #expect(bc < Date(timeIntervalSince1970: -60_000_000_000))  // really some 4,000 years before 1970
        #expect(!ConferenceRules.isPlausible(bc))
        #expect(Self.create { $0.submissionDeadline = bc }?.fields == ["submissionDeadline"])
    }

    @Test("abstractMaxLength outside 100...100000 is named", arguments: [99, 0, -1, 100_001])
    func badAbstractMaxLength(length: Int) {
        #expect(Self.create { $0.abstractMaxLength = length }?.issues == [
            FieldIssue(field: "abstractMaxLength", message: "must be between 100 and 100000"),
        ])
    }

    @Test("reviewsPerSubmission outside 1...20 is named", arguments: [0, 21])
    func badReviewsPerSubmission(count: Int) {
        #expect(Self.create { $0.reviewsPerSubmission = count }?.issues == [
            FieldIssue(field: "reviewsPerSubmission", message: "must be between 1 and 20"),
        ])
    }

    @Test("Translations in a language the conference lacks are refused on translations.<language>")
    func translationInAnotherLanguage() {
        let error = Self.create { $0.translations = Translations(["en": ["name": F.englishName], "de": ["name": "Peer-Support"]]) }
        #expect(error?.issues == [
            FieldIssue(field: "translations.de", message: "is not one of the conference's languages (fr, en)"),
        ])
    }

    @Test("Over-long texts are named, plain or translated")
    func overlongTexts() {
        let error = Self.create {
            $0.name = String(repeating: "é", count: 301)
            $0.acronym = String(repeating: "A", count: 41)
            $0.translations = Translations(["en": ["name": String(repeating: "e", count: 301)]])
        }
        #expect(error?.issues == [
            FieldIssue(field: "translations.en.name", message: "must be at most 300 characters long (it has 301)"),
            FieldIssue(field: "name", message: "must be at most 300 characters long (it has 301)"),
            FieldIssue(field: "acronym", message: "must be at most 40 characters long (it has 41)"),
        ])
    }

    @Test("A blank name is refused on name")
    func blankName() {
        let error = Self.create { $0.name = "   " }
        #expect(error?.issues.first == FieldIssue(field: "name", message: "must not be blank"))
        #expect(Set(error?.fields ?? []) == ["name"])
    }

    @Test("Several field problems are reported together")
    func severalIssues() {
        let error = Self.create {
            $0.languages = ["french"]
            $0.timezone = "Nowhere/City"
            $0.abstractMaxLength = 99
            $0.startDate = "2019-13-01"
        }
        #expect(error?.fields == ["languages[0]", "startDate", "timezone", "abstractMaxLength"])
    }

    @Test("A bad slug is reported together with the other field problems")
    func badSlugWithOtherIssues() {
        let error = Self.create {
            $0.slug = "EXPAIRs 2019"
            $0.timezone = "Mars/Olympus"
            $0.abstractMaxLength = 99
        }
        #expect(error?.fields == ["slug", "timezone", "abstractMaxLength"])
    }

    @Test("A missing slug or time zone is reported together with the other field problems")
    func missingFieldWithOtherIssues() {
        let error = Self.create {
            $0.slug = nil
            $0.timezone = nil
            $0.languages = ["fr", "english"]
            $0.reviewsPerSubmission = 0
        }
        #expect(error?.issues == [
            FieldIssue(field: "slug", message: "is required"),
            FieldIssue(field: "timezone", message: "is required"),
            FieldIssue(field: "languages[1]", message: "must be a language code such as fr, en or pt-BR"),
            FieldIssue(field: "reviewsPerSubmission", message: "must be between 1 and 20"),
        ])
    }
}

@Suite("ConferenceRules.apply")
struct ConferenceRulesApplyTests {
    typealias F = Fixtures

    static func patch(_ change: (inout ConferenceInput) -> Void) throws -> Conference {
        var input = ConferenceInput()
        change(&input)
        return try ConferenceRules.apply(input, to: F.referenceConference(), now: F.later)
    }

    static func patchError(_ change: (inout ConferenceInput) -> Void) throws -> DomainError? {
        var input = ConferenceInput()
        change(&input)
        let current = try F.referenceConference()
        return domainError { () throws(DomainError) in try ConferenceRules.apply(input, to: current, now: F.later) }
    }

    @Test("A patch changes only the given fields, bumps the version and sets updatedAt")
    func changesOnlyGivenFields() throws {
        let before = try F.referenceConference()
        let after = try Self.patch {
            $0.venue = "Campus Villejean, Rennes"
            $0.reviewsPerSubmission = 3
        }
        var expected = before
        expected.texts.set("venue", "Campus Villejean, Rennes", in: "fr")
        expected.reviewsPerSubmission = 3
        expected.version = 2
        expected.updatedAt = F.later
        #expect(after == expected)
        #expect(after.createdAt == F.created)
    }

    @Test("An empty patch still bumps the version and nothing else")
    func emptyPatch() throws {
        let before = try F.referenceConference()
        let after = try Self.patch { _ in }
        #expect(after.version == before.version + 1)
        #expect(after.updatedAt == F.later)
        var unbumped = after
        unbumped.version = before.version
        unbumped.updatedAt = before.updatedAt
        #expect(unbumped == before)
    }

    @Test("Changing the slug is refused; repeating the same slug is not")
    func slugChange() throws {
        #expect(try Self.patchError { $0.slug = "expairs-2020" }?.issues == [
            FieldIssue(field: "slug", message: "cannot be changed: it is the conference's public identifier"),
        ])
        #expect(try Self.patch { $0.slug = "expairs-2019" }.slug == "expairs-2019")
    }

    @Test("Switching the languages to en, fr makes the plain name English and keeps the French text")
    func switchPrimaryLanguage() throws {
        let after = try Self.patch {
            $0.languages = ["en", "fr"]
            $0.name = "Peer support (EXPAIRs 2019)"
        }
        #expect(after.languages == ["en", "fr"])
        #expect(after.primaryLanguage == "en")
        #expect(after.texts == Translations([
            "en": ["name": "Peer support (EXPAIRs 2019)"],
            "fr": ["name": F.frenchName, "acronym": "EXPAIRs", "venue": F.venue],
        ]))
    }

    @Test("Dropping a language drops its texts")
    func dropLanguage() throws {
        let after = try Self.patch { $0.languages = ["fr"] }
        #expect(after.languages == ["fr"])
        #expect(after.texts == Translations(["fr": ["name": F.frenchName, "acronym": "EXPAIRs", "venue": F.venue]]))
        #expect(after.text(.name, language: "en") == F.frenchName)
    }

    @Test("Dropping the first language makes the next one first, with its own name")
    func dropFirstLanguage() throws {
        let after = try Self.patch { $0.languages = ["en"] }
        #expect(after.texts == Translations(["en": ["name": F.englishName]]))
    }

    @Test("Removing the name in the first language is refused on name")
    func removePrimaryName() throws {
        let error = try #require(try Self.patchError { $0.name = "" })
        #expect(error.issues.first == FieldIssue(field: "name", message: "must not be blank"))
        #expect(Set(error.fields) == ["name"])
    }

    @Test("A new first language without a name is refused on name")
    func newPrimaryLanguageWithoutName() throws {
        #expect(try Self.patchError { $0.languages = ["de", "fr", "en"] }?.issues == [
            FieldIssue(field: "name", message: "is required in the conference's first language (de)"),
        ])
        let after = try Self.patch {
            $0.languages = ["de", "fr", "en"]
            $0.translations = Translations(["de": ["name": "Peer-Support"]])
        }
        #expect(after.texts.text("name", in: "de") == "Peer-Support")
        #expect(after.texts.text("name", in: "fr") == F.frenchName)
    }

    @Test("An empty optional plain text removes it from the first language")
    func removeAcronym() throws {
        let after = try Self.patch { $0.acronym = "" }
        #expect(after.texts.text("acronym", in: "fr") == nil)
        #expect(after.texts.text("name", in: "fr") == F.frenchName)
    }

    @Test("Translations are merged field by field into the stored texts")
    func mergeTranslations() throws {
        let after = try Self.patch {
            $0.translations = Translations(["en": ["acronym": "EXPAIRs", "description": "Call for papers"]])
        }
        #expect(after.texts.byLanguage["en"] == ["name": F.englishName, "acronym": "EXPAIRs", "description": "Call for papers"])
    }

    @Test("Dates are checked against the stored ones")
    func datesAgainstStored() throws {
        #expect(try Self.patchError { $0.startDate = "2019-11-16" }?.issues == [
            FieldIssue(field: "endDate", message: "must not be before startDate"),
        ])
        #expect(try Self.patchError { $0.registrationOpens = F.instant("2019-11-14T00:00:00+01:00") }?.fields == ["registrationCloses"])
        let moved = try Self.patch {
            $0.startDate = "2019-11-21"
            $0.endDate = "2019-11-22"
        }
        #expect(moved.startDate.description == "2019-11-21")
        #expect(moved.endDate.description == "2019-11-22")
    }

    @Test("A refused patch reports the same issues as a create would")
    func refusedPatchFields() throws {
        let error = try Self.patchError {
            $0.languages = []
            $0.timezone = "Europe/Atlantis"
            $0.submissionDeadline = F.instant(year: 1800)
        }
        #expect(error?.fields == ["languages", "timezone", "submissionDeadline"])
    }
}

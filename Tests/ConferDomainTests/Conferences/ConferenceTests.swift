import Foundation
import Testing
@testable import ConferDomain

@Suite("Conference")
struct ConferenceTests {
    @Test("A text falls back to the conference's languages in order")
    func textFallback() throws {
        var conference = try Fixtures.referenceConference()
        conference.texts = Translations(["fr": ["name": "Nom", "venue": "Rennes"], "en": ["name": "Name", "description": "Call"]])
        #expect(conference.text(.name, language: "en") == "Name")
        #expect(conference.text(.name, language: "de") == "Nom")
        #expect(conference.text(.venue, language: "en") == "Rennes")
        #expect(conference.text(.description, language: "fr") == "Call")
        #expect(conference.text(.acronym, language: "fr") == nil)
        conference.languages = ["en", "fr"]
        #expect(conference.text(.name, language: "de") == "Name")
    }

    @Test("The first language is the primary one; en without languages")
    func primaryLanguage() throws {
        var conference = try Fixtures.referenceConference()
        #expect(conference.primaryLanguage == "fr")
        conference.languages = []
        #expect(conference.primaryLanguage == "en")
    }

    @Test("Text limits by field")
    func limits() {
        #expect(ConferenceText.limits == ["name": 1...300, "acronym": 0...40, "venue": 0...500, "description": 0...10_000])
    }

    @Test("Review modes are written as in the API")
    func reviewModes() {
        #expect(ReviewMode.allCases.map(\.rawValue) == ["single-blind", "double-blind", "open"])
    }
}

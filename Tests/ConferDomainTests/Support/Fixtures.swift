import Foundation
@testable import ConferDomain

/// Shared test data: the reference conference (EXPAIRs 2019, /work/shared/reference-conference.json), callers and instants.
enum Fixtures {
    static let conferenceId = UUID(uuidString: "00000000-0000-0000-0000-0000000000C1")!
    static let created = instant("2019-01-10T09:00:00Z")
    static let later = instant("2019-02-01T12:30:00Z")

    static let frenchName = "L'accompagnement par les pairs : enjeux contemporains. Santé, handicap, santé mentale"
    static let englishName = "Peer support: contemporary issues. Health, disability, mental health"
    static let venue = "Maison des Sciences de l'Homme de Bretagne, 2 avenue Gaston Berger, 35000 Rennes, France"

    static let registrationOpens = instant("2019-04-01T00:00:00+02:00")
    static let submissionDeadline = instant("2019-05-30T23:59:59+02:00")
    static let notificationDate = instant("2019-07-15T00:00:00+02:00")
    static let programDate = instant("2019-09-01T00:00:00+02:00")
    static let registrationCloses = instant("2019-11-13T23:59:59+01:00")

    /// The create request of the reference conference: French first, English name as a translation.
    static func referenceInput() -> ConferenceInput {
        var input = ConferenceInput()
        input.slug = "expairs-2019"
        input.name = frenchName
        input.acronym = "EXPAIRs"
        input.venue = venue
        input.languages = ["fr", "en"]
        input.translations = Translations(["en": ["name": englishName]])
        input.startDate = "2019-11-14"
        input.endDate = "2019-11-15"
        input.timezone = "Europe/Paris"
        input.registrationOpens = registrationOpens
        input.submissionDeadline = submissionDeadline
        input.notificationDate = notificationDate
        input.programDate = programDate
        input.registrationCloses = registrationCloses
        input.abstractMaxLength = 3000
        return input
    }

    /// The reference conference as created from `referenceInput()`.
    static func referenceConference() throws -> Conference {
        try ConferenceRules.create(referenceInput(), id: conferenceId, now: created)
    }

    static let admin = Caller(
        accountId: UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!, email: "admin@example.org",
        name: "Admin", isAdmin: true)
    static let alice = Caller(
        accountId: UUID(uuidString: "00000000-0000-0000-0000-0000000000A1")!, email: "alice@example.org",
        name: "Alice Martin", isAdmin: false)
    static let bob = Caller(
        accountId: UUID(uuidString: "00000000-0000-0000-0000-0000000000B0")!, email: "bob@example.org",
        name: "Bob Durand", isAdmin: false)

    /// An ISO 8601 instant such as `2019-04-01T00:00:00+02:00`.
    static func instant(_ text: String) -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else { fatalError("bad test instant \(text)") }
        return date
    }

    /// An instant at noon UTC on the given day of the proleptic Gregorian calendar (era 0 is BC).
    static func instant(era: Int = 1, year: Int, month: Int = 6, day: Int = 1) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var components = DateComponents()
        components.era = era
        components.year = year
        components.month = month
        components.day = day
        components.hour = 12
        guard let date = calendar.date(from: components) else { fatalError("bad test date \(year)") }
        return date
    }
}

extension DomainError {
    /// The fields named by a validation error, in order; empty for any other error.
    var fields: [String] {
        if case .validation(let issues) = self { return issues.map(\.field) }
        return []
    }

    var issues: [FieldIssue] {
        if case .validation(let issues) = self { return issues }
        return []
    }
}

/// Runs `body`, expecting it to throw a `DomainError`, and returns that error (nil when it did not throw).
func domainError<T>(_ body: () throws(DomainError) -> T) -> DomainError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

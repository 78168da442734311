import ConferAPIContract
import ConferDomain
import Foundation

extension Components.Schemas.Conference {
    /// The public view of a conference, its plain texts in `language`.
    init(_ c: Conference, language: String) {
        self.init(
            id: c.id.uuidString.lowercased(), slug: c.slug, name: c.text(.name, language: language) ?? c.slug,
            acronym: c.text(.acronym, language: language), venue: c.text(.venue, language: language),
            description: c.text(.description, language: language), startDate: c.startDate.description,
            endDate: c.endDate.description, timezone: c.timezone, languages: c.languages,
            submissionDeadline: c.submissionDeadline, notificationDate: c.notificationDate, programDate: c.programDate,
            registrationOpens: c.registrationOpens, registrationCloses: c.registrationCloses,
            abstractMaxLength: c.abstractMaxLength, reviewMode: .init(c.reviewMode),
            reviewsPerSubmission: c.reviewsPerSubmission, mailFrom: c.mailFrom?.text, replyTo: c.replyTo?.text,
            translations: .init(c.texts), createdAt: c.createdAt, updatedAt: c.updatedAt)
    }
}

extension Components.Schemas.ReviewMode {
    init(_ mode: ReviewMode) {
        switch mode {
        case .singleBlind: self = .singleBlind
        case .doubleBlind: self = .doubleBlind
        case .open: self = .open
        }
    }

    var domain: ReviewMode {
        switch self {
        case .singleBlind: .singleBlind
        case .doubleBlind: .doubleBlind
        case .open: .open
        }
    }
}

extension Components.Schemas.ConferenceTranslations {
    init(_ texts: Translations) {
        self.init(additionalProperties: texts.byLanguage.mapValues {
            Components.Schemas.ConferenceTexts(name: $0["name"], acronym: $0["acronym"], venue: $0["venue"], description: $0["description"])
        })
    }

    var domain: Translations {
        Translations(additionalProperties.mapValues { texts in
            var fields: [String: String] = [:]
            fields["name"] = texts.name
            fields["acronym"] = texts.acronym
            fields["venue"] = texts.venue
            fields["description"] = texts.description
            return fields
        })
    }
}

extension ConferenceInput {
    /// A create request is a change of every field of a blank conference, plus its slug.
    init(_ body: Components.Schemas.ConferenceCreate) {
        self.init(Components.Schemas.ConferencePatch(
            name: body.name, acronym: body.acronym, venue: body.venue, description: body.description,
            startDate: body.startDate, endDate: body.endDate, timezone: body.timezone, languages: body.languages,
            submissionDeadline: body.submissionDeadline, notificationDate: body.notificationDate,
            programDate: body.programDate, registrationOpens: body.registrationOpens,
            registrationCloses: body.registrationCloses, abstractMaxLength: body.abstractMaxLength,
            reviewMode: body.reviewMode, reviewsPerSubmission: body.reviewsPerSubmission, mailFrom: body.mailFrom,
            replyTo: body.replyTo, translations: body.translations))
        slug = body.slug
    }

    init(_ body: Components.Schemas.ConferencePatch) {
        self.init()
        name = body.name
        acronym = body.acronym
        venue = body.venue
        description = body.description
        startDate = body.startDate
        endDate = body.endDate
        timezone = body.timezone
        languages = body.languages
        submissionDeadline = body.submissionDeadline
        notificationDate = body.notificationDate
        programDate = body.programDate
        registrationOpens = body.registrationOpens
        registrationCloses = body.registrationCloses
        abstractMaxLength = body.abstractMaxLength
        reviewMode = body.reviewMode?.domain
        reviewsPerSubmission = body.reviewsPerSubmission
        mailFrom = body.mailFrom
        replyTo = body.replyTo
        translations = body.translations?.domain
    }

    /// A merge patch: its `null`s clear their fields.
    init(patch body: Components.Schemas.ConferencePatch, nulls: Set<String>) {
        self.init(body)
        cleared = nulls
        translations = MergePatchBody.translations(
            translations?.byLanguage, fields: ConferenceText.allCases.map(\.rawValue), nulls: nulls)
    }
}

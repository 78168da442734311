import Foundation

/// Creation and change rules of conferences.
public enum ConferenceRules {
    public static let defaultAbstractMaxLength = 3000
    public static let defaultReviewsPerSubmission = 2
    public static let defaultReviewMode = ReviewMode.doubleBlind

    /// What a merge patch may set to `null`: the optional texts, the dates of the call and registration, and texts
    /// of `translations` (a required one cleared is refused by the rules of texts).
    public static let clearable: Set<String> = [
        "acronym", "venue", "description", "submissionDeadline", "notificationDate", "programDate",
        "registrationOpens", "registrationCloses", "mailFrom", "replyTo", "translations.*",
    ]

    /// Builds a new conference from a create request.
    public static func create(_ input: ConferenceInput, id: UUID, now: Date) throws(DomainError) -> Conference {
        var v = Validator()
        let slug = input.slug ?? ""
        if input.slug == nil { v.add("slug", "is required") }
        else { v.require(isValidSlug(slug), "slug", "must be 1–64 lowercase letters, digits and inner hyphens") }
        v.require(input.name != nil, "name", "is required")
        v.require(input.startDate != nil, "startDate", "is required")
        v.require(input.endDate != nil, "endDate", "is required")
        v.require(input.timezone != nil, "timezone", "is required")
        v.require(input.languages != nil, "languages", "is required")
        if input.startDate == nil || input.endDate == nil || input.languages == nil || input.name == nil {
            try v.finish()
        }
        let placeholder = CalendarDate(year: 2000, month: 1, day: 1)  // `apply` sets and validates the real dates
        let blank = Conference(
            id: id, slug: slug, languages: input.languages ?? [], texts: Translations(), startDate: placeholder,
            endDate: placeholder, timezone: "UTC", submissionDeadline: nil, notificationDate: nil, programDate: nil,
            registrationOpens: nil, registrationCloses: nil, abstractMaxLength: defaultAbstractMaxLength,
            reviewMode: defaultReviewMode, reviewsPerSubmission: defaultReviewsPerSubmission, createdAt: now,
            updatedAt: now, version: 1)
        return try apply(input, to: blank, now: now, creating: true, issues: v)
    }

    /// Applies a partial update (only the fields present) and checks the result as a whole.
    public static func apply(
        _ input: ConferenceInput, to current: Conference, now: Date, creating: Bool = false,
        issues: Validator = Validator()
    ) throws(DomainError) -> Conference {
        var v = issues
        var next = current
        try MergePatch.check(input.cleared, clearable: clearable)
        if !creating && input.slug != nil && input.slug != current.slug {
            v.add("slug", "cannot be changed: it is the conference's public identifier")
        }
        if let languages = input.languages {
            v.require(!languages.isEmpty, "languages", "must name at least one language")
            v.require(languages.count <= 10, "languages", "must name at most 10 languages")
            v.require(Set(languages).count == languages.count, "languages", "must not repeat a language")
            for (index, code) in languages.enumerated() where !LanguageNegotiation.isValidCode(code) {
                v.add("languages[\(index)]", "must be a language code such as fr, en or pt-BR")
            }
            next.languages = languages
        }
        if let text = input.startDate {
            if let date = CalendarDate(text) { next.startDate = date } else { v.add("startDate", "must be a date YYYY-MM-DD") }
        }
        if let text = input.endDate {
            if let date = CalendarDate(text) { next.endDate = date } else { v.add("endDate", "must be a date YYYY-MM-DD") }
        }
        if let timezone = input.timezone {
            v.require(timezone.count <= 64 && TimeZone(identifier: timezone) != nil, "timezone",
                      "must be an IANA time zone such as Europe/Paris")
            next.timezone = timezone
        }
        let instants: [(String, Date?, WritableKeyPath<Conference, Date?>)] = [
            ("submissionDeadline", input.submissionDeadline, \.submissionDeadline),
            ("notificationDate", input.notificationDate, \.notificationDate),
            ("programDate", input.programDate, \.programDate),
            ("registrationOpens", input.registrationOpens, \.registrationOpens),
            ("registrationCloses", input.registrationCloses, \.registrationCloses),
        ]
        for (field, value, path) in instants {
            if input.cleared.contains(field) { next[keyPath: path] = nil }
            guard let value else { continue }
            v.require(isPlausible(value), field, "must be an instant between the years 1900 and 9999")
            next[keyPath: path] = value
        }
        if let length = input.abstractMaxLength {
            v.require((100...100_000).contains(length), "abstractMaxLength", "must be between 100 and 100000")
            next.abstractMaxLength = length
        }
        if let mode = input.reviewMode { next.reviewMode = mode }
        if let count = input.reviewsPerSubmission {
            v.require((1...20).contains(count), "reviewsPerSubmission", "must be between 1 and 20")
            next.reviewsPerSubmission = count
        }
        let addresses: [(String, String?, WritableKeyPath<Conference, MailAddress?>)] = [
            ("mailFrom", input.mailFrom, \.mailFrom), ("replyTo", input.replyTo, \.replyTo),
        ]
        for (field, value, path) in addresses {
            if input.cleared.contains(field) { next[keyPath: path] = nil }
            guard let value else { continue }
            let address = value.count <= 320 ? MailAddress(value) : nil
            v.require(address != nil, field, "must be an address such as \"EXPAIRs 2019 <expairs@example.org>\"")
            next[keyPath: path] = address
        }
        try v.finish()

        next.texts = mergedTexts(input, into: current.texts, languages: next.languages, into: &v)
        checkInvariants(next, into: &v)
        try v.finish()
        if !creating {
            next.updatedAt = now
            next.version = current.version + 1
        }
        return next
    }

    /// Lays the request's translations, then its plain fields (first language), over the stored texts.
    static func mergedTexts(
        _ input: ConferenceInput, into stored: Translations, languages: [String], into v: inout Validator
    ) -> Translations {
        var texts = stored
        if let translations = input.translations {
            translations.validate(languages: languages, limits: ConferenceText.limits, into: &v)
            texts = texts.merging(translations)
        }
        let primary = languages.first ?? "en"
        let plain: [(ConferenceText, String?)] = [
            (.name, input.name), (.acronym, input.acronym), (.venue, input.venue), (.description, input.description),
        ]
        for (field, value) in plain {
            if input.cleared.contains(field.rawValue) { texts.set(field.rawValue, nil, in: primary) }
            guard let value else { continue }
            v.text(value, field.rawValue, min: field.limit.lowerBound, max: field.limit.upperBound)
            texts.set(field.rawValue, value.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty, in: primary)
        }
        return texts.restricted(to: languages)
    }

    /// Rules over the whole conference that no single field shows.
    static func checkInvariants(_ conference: Conference, into v: inout Validator) {
        v.require(conference.startDate <= conference.endDate, "endDate", "must not be before startDate")
        if conference.texts.text("name", in: conference.primaryLanguage) == nil {
            v.add("name", "is required in the conference's first language (\(conference.primaryLanguage))")
        }
        if let opens = conference.registrationOpens, let closes = conference.registrationCloses {
            v.require(opens < closes, "registrationCloses", "must be after registrationOpens")
        }
        if let deadline = conference.submissionDeadline, let notification = conference.notificationDate {
            v.require(deadline <= notification, "notificationDate", "must not be before submissionDeadline")
        }
    }

    /// `expairs-2019`: lowercase ASCII letters and digits, inner hyphens, 1–64 characters.
    public static func isValidSlug(_ slug: String) -> Bool {
        guard (1...64).contains(slug.count), !slug.hasPrefix("-"), !slug.hasSuffix("-") else { return false }
        return slug.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    static func isPlausible(_ date: Date) -> Bool {
        // Fixed bounds rather than calendar years, which count within an era (2019 BC would pass).
        let start1900 = Date(timeIntervalSince1970: -2_208_988_800)
        let start10000 = Date(timeIntervalSince1970: 253_402_300_800)
        return date >= start1900 && date < start10000
    }
}

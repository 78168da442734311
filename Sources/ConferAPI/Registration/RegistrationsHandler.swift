import ConferAPIContract
import ConferDomain
import Foundation
import ConferUseCases
import OpenAPIRuntime

// Registration.
//
// | operation                                              | who                                                  |
// |--------------------------------------------------------|------------------------------------------------------|
// | POST …/registrations                                   | signed in, in the window; organizers any time, for anyone |
// | GET …/registrations (JSON, CSV), …/{id}                | organizers: all; attendees: their own (others: 404)  |
// | GET …/registrations/stats, …/badges, PATCH …/{id}, POST …/check-in | organizer                              |
// | POST …/{id}/cancel                                     | its attendee or an organizer                         |
extension APIHandler {
    func createRegistration(_ input: Operations.CreateRegistration.Input) async throws -> Operations.CreateRegistration.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        _ = try access.caller.required()
        guard case .json(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let request = RegistrationRequest(
            categoryId: try Self.id(body.categoryId, "categoryId"),
            accountId: try body.accountId.map { text throws(DomainError) in
                guard let id = UUID(exactly: text) else {
                    // Only organizers register others: to anyone else, the field is refused before it is read.
                    try access.requireOrganizer()
                    throw DomainError.invalid("accountId", "is not an account")
                }
                return id
            },
            name: body.name, email: body.email, affiliation: body.affiliation, dietaryRequirements: body.dietaryRequirements,
            accessibility: body.accessibility?.domain ?? AccessibilityNeeds(), voucherCode: body.voucherCode)
        let registration = try await RegisterAttendee(context).run(request, in: conference, by: access)
        return .created(.init(
            headers: .init(
                location: "/v1/conferences/\(conference.slug)/registrations/\(registration.id.uuidString.lowercased())",
                eTag: ETag.make(registration.version)),
            body: .json(.init(registration))))
    }

    func listRegistrations(_ input: Operations.ListRegistrations.Input) async throws -> Operations.ListRegistrations.Output {
        let conference = try await conference(input.path.slug)
        let access = try await access(to: conference)
        let caller = try access.caller.required()
        var v = Validator()
        let categoryId = input.query.categoryId.flatMap(UUID.init(uuidString:))
        v.require(input.query.categoryId == nil || categoryId != nil, "categoryId", "must be a UUID")
        v.text(input.query.q, "q", max: 200)
        try v.finish()
        let query = RegistrationQuery(
            accountId: access.isOrganizer ? nil : caller.accountId,
            status: input.query.status?.domain, categoryId: categoryId, paymentStatus: input.query.paymentStatus?.domain,
            text: input.query.q)
        if Negotiation.prefers(.csv, over: .json, in: input.headers.accept) {
            try access.requireOrganizer()
            let registrations = try await deps.registrations.all(conferenceId: conference.id, query: query)
            let categories = try await deps.registrations.categories(conferenceId: conference.id)
            return .ok(.init(body: .csv(HTTPBody(registrationsCSV(registrations, categories: categories, conference: conference)))))
        }
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let registrations = try await deps.registrations.list(conferenceId: conference.id, query: query, page: page)
        return .ok(.init(body: .json(.init(
            items: registrations.items.map(Components.Schemas.Registration.init), nextCursor: registrations.nextCursor))))
    }

    func getRegistrationStats(_ input: Operations.GetRegistrationStats.Input) async throws -> Operations.GetRegistrationStats.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        let stats = try await deps.registrations.stats(conferenceId: conference.id)
        return .ok(.init(body: .json(.init(
            categories: stats.categories.map {
                .init(categoryId: $0.categoryId.uuidString.lowercased(), confirmed: $0.confirmed, waitlisted: $0.waitlisted,
                      cancelled: $0.cancelled, checkedIn: $0.checkedIn)
            },
            revenue: stats.revenue.map { .init(currency: $0.currency, paid: $0.paid, outstanding: $0.outstanding) }))))
    }

    func getRegistration(_ input: Operations.GetRegistration.Input) async throws -> Operations.GetRegistration.Output {
        let (_, _, registration) = try await visibleRegistration(input.path.slug, input.path.registrationId)
        return .ok(.init(headers: .init(eTag: ETag.make(registration.version)), body: .json(.init(registration))))
    }

    func updateRegistration(_ input: Operations.UpdateRegistration.Input) async throws -> Operations.UpdateRegistration.Output {
        guard case .applicationMergePatchJson(let body) = input.body else { throw DomainError.invalid("body", "must be JSON") }
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        let updated = try await ChangeRegistration(context).run(
            try registrationId(input.path.registrationId), .payment(body.paymentStatus.domain), ifMatch: input.headers.ifMatch,
            in: conference, by: access)
        return .ok(.init(headers: .init(eTag: ETag.make(updated.version)), body: .json(.init(updated))))
    }

    func cancelRegistration(_ input: Operations.CancelRegistration.Input) async throws -> Operations.CancelRegistration.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        let cancelled = try await CancelRegistration(context).run(try registrationId(input.path.registrationId), in: conference, by: access)
        return .ok(.init(headers: .init(eTag: ETag.make(cancelled.version)), body: .json(.init(cancelled))))
    }

    func checkInRegistration(_ input: Operations.CheckInRegistration.Input) async throws -> Operations.CheckInRegistration.Output {
        let (conference, access) = try await conferenceAndAccess(input.path.slug)
        let checkedIn = try await ChangeRegistration(context).run(
            try registrationId(input.path.registrationId), .checkIn, ifMatch: nil, in: conference, by: access)
        return .ok(.init(headers: .init(eTag: ETag.make(checkedIn.version)), body: .json(.init(checkedIn))))
    }

    func listBadges(_ input: Operations.ListBadges.Input) async throws -> Operations.ListBadges.Output {
        let conference = try await conference(input.path.slug)
        try await access(to: conference).requireOrganizer()
        let language = LanguageNegotiation.best(for: input.headers.acceptLanguage, among: conference.languages)
        async let registrationsLoad = deps.registrations.all(conferenceId: conference.id, query: RegistrationQuery(status: .confirmed))
        async let categoriesLoad = deps.registrations.categories(conferenceId: conference.id)
        let (registrations, categories) = try await (registrationsLoad, categoriesLoad)
        let names = Dictionary(uniqueKeysWithValues: categories.map {
            ($0.id, $0.texts.text("name", in: language, fallbacks: conference.languages) ?? "")
        })
        let title = conference.text(.acronym, language: language) ?? conference.text(.name, language: language) ?? conference.slug
        let badges = registrations
            .sorted { ($0.attendee.name.lowercased(), $0.id.uuidString) < ($1.attendee.name.lowercased(), $1.id.uuidString) }
            .map { r in
                Components.Schemas.Badge(
                    registrationId: r.id.uuidString.lowercased(), name: r.attendee.name, affiliation: r.attendee.affiliation,
                    category: names[r.categoryId] ?? "", conference: title,
                    accessibility: Self.badgeNeeds(r.attendee.accessibility))
            }
        if Negotiation.prefers(.csv, over: .json, in: input.headers.accept) {
            let rows = badges.map { [$0.name, $0.affiliation ?? "", $0.category, $0.conference, $0.accessibility.map(\.rawValue).joined(separator: " ")] }
            return .ok(.init(body: .csv(HTTPBody(CSV.document(header: ["name", "affiliation", "category", "conference", "accessibility"], rows: rows)))))
        }
        let page = try PageRequest.parse(limit: input.query.limit, cursor: input.query.cursor)
        let shown = Page.of(badges, page) { [$0.name.lowercased(), $0.registrationId] }
        return .ok(.init(body: .json(.init(items: shown.items, nextCursor: shown.nextCursor))))
    }

    static func badgeNeeds(_ n: AccessibilityNeeds) -> [Components.Schemas.AccessibilityNeed] {
        let flags: [(Bool, Components.Schemas.AccessibilityNeed)] = [
            (n.wheelchairAccess, .wheelchairAccess), (n.signLanguageInterpretation, .signLanguageInterpretation),
            (n.hearingLoop, .hearingLoop), (n.largePrintOrBraille, .largePrintOrBraille), (n.quietRoom, .quietRoom),
            (n.companion, .companion),
        ]
        return flags.filter(\.0).map(\.1)
    }

    /// The registration if the caller may see it (organizers, its attendee); 404 otherwise.
    func visibleRegistration(_ slug: String, _ id: String) async throws -> (Conference, ConferenceAccess, Registration) {
        let (conference, access) = try await conferenceAndAccess(slug)
        _ = try access.caller.required()
        let registrationId = try registrationId(id)
        guard let registration = try await deps.registrations.find(conferenceId: conference.id, id: registrationId),
              RegistrationRules.isVisible(registration, to: access)
        else { throw RegistrationRules.notFound(registrationId) }
        return (conference, access, registration)
    }

    /// A registration id of a path: anything but a UUID names no registration.
    func registrationId(_ text: String) throws -> UUID {
        guard let id = UUID(exactly: text) else {
            throw DomainError.notFound("There is no registration \(text) that you can see in this conference.")
        }
        return id
    }

    /// One row per registration, accessibility needs as columns organizers can sort and count.
    func registrationsCSV(_ registrations: [Registration], categories: [RegistrationCategory], conference: Conference) -> String {
        let names = Dictionary(uniqueKeysWithValues: categories.map {
            ($0.id, $0.texts.text("name", in: conference.primaryLanguage, fallbacks: conference.languages) ?? "")
        })
        let yes = { (flag: Bool) in flag ? "yes" : "" }
        let header = ["id", "status", "waitlist_position", "category", "name", "email", "affiliation", "price", "currency",
                      "payment_status", "voucher", "dietary_requirements", "wheelchair_access", "sign_language_interpretation",
                      "hearing_loop", "large_print_or_braille", "quiet_room", "companion", "accessibility_other",
                      "checked_in_at", "registered_at"]
        let rows = registrations.map { r in
            let n = r.attendee.accessibility
            return [
                r.id.uuidString.lowercased(), r.status.rawValue, r.waitlistPosition.map(String.init) ?? "",
                names[r.categoryId] ?? "", r.attendee.name, r.attendee.email, r.attendee.affiliation ?? "",
                String(format: "%d.%02d", r.pricePaid.amount / 100, r.pricePaid.amount % 100), r.pricePaid.currency,
                r.paymentStatus.rawValue, r.voucherCode ?? "", r.attendee.dietaryRequirements ?? "",
                yes(n.wheelchairAccess), yes(n.signLanguageInterpretation), yes(n.hearingLoop), yes(n.largePrintOrBraille),
                yes(n.quietRoom), yes(n.companion), n.other ?? "", r.checkedInAt?.formatted(.iso8601) ?? "",
                r.createdAt.formatted(.iso8601),
            ]
        }
        return CSV.document(header: header, rows: rows)
    }
}

import ConferDomain
import Foundation

/// The reference conference as it stood in September 2019, for a frontend to build against: its people, forty
/// proposals in French and English, the committee's reviews and decisions, registrations with a waiting list, and
/// a released program (`DemoData/reference-demo.json`).
///
/// Everything is made through the use cases, each at the date it would have happened (the clock of every step is
/// fixed to that day), so every rule of the API holds: authors submit before the deadline, reviewers review what
/// is assigned to them before the decision, attendees register within the window.
public struct ReferenceDemo: Decodable, Sendable {
    struct Person: Decodable, Sendable {
        var key: String
        var name: String
        var email: String
        var affiliation: String?
        var country: String?
    }

    struct Attendee: Decodable, Sendable {
        var name: String
        var email: String
        var affiliation: String?
        var category: String
        var dietaryRequirements: String?
        var accessibility: [String]?
        var voucher: String?
    }

    struct Proposal: Decodable, Sendable {
        struct Review: Decodable, Sendable {
            var reviewer: String
            var score: Int
            var confidence: Int
            var forAuthors: String
            var forCommittee: String?
        }

        var title: String
        var abstract: String
        var language: String
        var format: String
        var topic: Int
        var keywords: [String]
        var authors: [String]
        var presenting: [String]
        var englishTitle: String?
        var outcome: String
        var reviews: [Review]
    }

    var people: [Person]
    var committee: [Person]
    var attendees: [Attendee]
    var proposals: [Proposal]

    /// The password of every demo account; `scripts/run` prints it with the accounts to try.
    public static let password = "confer-demo-2019"
    /// The accounts `scripts/run` names, one per role a frontend shows differently.
    public static let authorEmail = "author@confer.local"
    public static let reviewerEmail = "reviewer@confer.local"
    public static let attendeeEmail = "attendee@confer.local"
    /// Whom the demo's letters are from, and where replies go.
    public static let mailFrom = "EXPAIRs 2019 <expairs@confer.local>"
    public static let replyTo = "Comité d'organisation EXPAIRs <expairs-orga@confer.local>"

    /// What was loaded, for the seed command to report.
    public struct Summary: Sendable, Equatable {
        public var accounts: Int
        public var proposals: Int
        public var reviews: Int
        public var registrations: Int
        public var waitlisted: Int
        public var talks: Int
    }

    public static func bundled() throws -> ReferenceDemo {
        guard let url = Bundle.module.url(forResource: "DemoData", withExtension: nil)?.appendingPathComponent("reference-demo.json") else {
            throw ReferenceConference.Unreadable(description: "the bundled demo data is missing from this build")
        }
        do {
            return try JSONDecoder().decode(ReferenceDemo.self, from: Data(contentsOf: url))
        } catch {
            throw ReferenceConference.Unreadable(description: "cannot read the demo data at \(url.path): \(error)")
        }
    }

    /// Loads the demo into `conference` (just created by `ReferenceConference.seed`, its topics in `topicIds`),
    /// organised by `organizer`.
    public func seed(into conference: Conference, topicIds: [UUID], by organizer: Caller, context: UseCaseContext) async throws -> Summary {
        let organizing = ConferenceAccess(caller: organizer, roles: [.organizer])
        var summary = Summary(accounts: 0, proposals: 0, reviews: 0, registrations: 0, waitlisted: 0, talks: 0)

        // March: the conference's own sender, accounts, fee categories and the peer supporters' voucher.
        let march = try context.at("2019-03-01T10:00:00+01:00")
        var sender = ConferenceInput()
        sender.mailFrom = Self.mailFrom
        sender.replyTo = Self.replyTo
        let conference = try await ChangeConference(march).run(sender, ifMatch: nil, in: conference, by: organizing)
        var callers: [String: Caller] = [:]
        for person in people + committee {
            callers[person.key] = try await Self.account(person.name, person.email, person.affiliation, person.country, march)
        }
        var attendeeCallers: [Caller] = []
        for attendee in attendees {
            attendeeCallers.append(try await Self.account(attendee.name, attendee.email, attendee.affiliation, nil, march))
        }
        summary.accounts = callers.count + attendeeCallers.count
        let categories = try await categories(in: conference, by: organizing, try context.at("2019-03-20T10:00:00+01:00"))

        // May: proposals drafted and submitted before the deadline of 30 May.
        var submissionIds: [UUID?] = []
        for (index, proposal) in proposals.enumerated() {
            let owner = try Self.known(callers, proposal.authors.first ?? "")
            let day = try context.at(String(format: "2019-05-%02dT%02d:00:00+02:00", 2 + index % 27, 9 + index % 9))
            let author = ConferenceAccess(caller: owner, roles: [])
            let (created, _) = try await CreateProposal(day).run(try input(proposal, callers, topicIds), in: conference, by: author)
            summary.proposals += 1
            if proposal.outcome == "draft" {
                submissionIds.append(nil)
                continue
            }
            _ = try await SubmitProposal(day).run(created.id.uuidString, in: conference, by: author)
            submissionIds.append(created.id)
        }

        // June: the scientific committee, its assignments and reviews.
        let june = try context.at("2019-06-03T09:00:00+02:00")
        for member in committee {
            _ = try await PutMember(june).run(
                try Self.known(callers, member.key).accountId, roles: [.reviewer], topicIds: nil, in: conference, by: organizing)
        }
        for (proposal, id) in zip(proposals, submissionIds) {
            guard let id else { continue }
            for review in proposal.reviews {
                _ = try await AssignReviewer(june).run(
                    id.uuidString, reviewerId: try Self.known(callers, review.reviewer).accountId, in: conference, by: organizing)
            }
        }
        let reviewing = try context.at("2019-06-24T18:00:00+02:00")
        for (proposal, id) in zip(proposals, submissionIds) {
            guard let id else { continue }
            for review in proposal.reviews {
                let reviewer = ConferenceAccess(caller: try Self.known(callers, review.reviewer), roles: [.reviewer])
                _ = try await WriteReview(reviewing).run(id.uuidString, ReviewInput(
                    score: review.score, confidence: review.confidence, commentsForAuthors: review.forAuthors,
                    commentsForCommittee: review.forCommittee), in: conference, by: reviewer)
                summary.reviews += 1
            }
        }

        // July: decisions, and the authors notified on the announced date.
        let deciding = try context.at("2019-07-08T14:00:00+02:00")
        for (proposal, id) in zip(proposals, submissionIds) {
            guard let id, let decision = Decision(rawValue: proposal.outcome) else { continue }
            _ = try await DecideSubmission(deciding).run(id.uuidString, decision, format: nil, in: conference, by: organizing)
        }
        _ = try await NotifyDecisions(try context.at("2019-07-15T09:00:00+02:00")).run(in: conference, by: organizing)

        // July to September: registrations, the student places running out.
        for (index, (attendee, caller)) in zip(attendees, attendeeCallers).enumerated() {
            guard let categoryId = categories[attendee.category] else {
                throw ReferenceConference.Unreadable(description: "attendee \(attendee.name) names no known category \(attendee.category)")
            }
            var needs = AccessibilityNeeds()
            for need in attendee.accessibility ?? [] { try needs.require(need) }
            let day = try context.at(String(format: "2019-%02d-%02dT12:00:00+02:00", 7 + index / 10, 1 + (index % 10) * 3))
            let registration = try await RegisterAttendee(day).run(RegistrationRequest(
                categoryId: categoryId, accountId: nil, name: nil, email: nil, affiliation: nil,
                dietaryRequirements: attendee.dietaryRequirements, accessibility: needs, voucherCode: attendee.voucher,
            ), in: conference, by: ConferenceAccess(caller: caller, roles: []))
            summary.registrations += 1
            if registration.status == .waitlisted { summary.waitlisted += 1 }
        }

        // End of August: rooms and sessions, the accepted proposals placed, and the program released on 1 September.
        let august = try context.at("2019-08-26T10:00:00+02:00")
        try await sessions(in: conference, by: organizing, august)
        let (_, _, talks) = try await ScheduleProgram(august).run(talkMinutes: 20, in: conference, by: organizing)
        summary.talks = talks.count
        _ = try await PublishProgram(try context.at("2019-09-01T08:00:00+02:00")).run(
            note: "Programme provisoire / Provisional programme", in: conference, by: organizing)
        return summary
    }

    // MARK: Steps

    private static func account(_ name: String, _ email: String, _ affiliation: String?, _ country: String?, _ context: UseCaseContext) async throws -> Caller {
        let account = try await SignUp(context).run(email: email, password: password, name: name, affiliation: affiliation, country: country)
        return Caller(accountId: account.id, email: account.email, name: account.name, isAdmin: false)
    }

    private static func known(_ callers: [String: Caller], _ key: String) throws -> Caller {
        guard let caller = callers[key] else { throw ReferenceConference.Unreadable(description: "the demo data names no person \(key)") }
        return caller
    }

    private func input(_ proposal: Proposal, _ callers: [String: Caller], _ topicIds: [UUID]) throws -> SubmissionInput {
        let byKey = Dictionary((people + committee).map { ($0.key, $0) }) { first, _ in first }
        guard topicIds.indices.contains(proposal.topic) else {
            throw ReferenceConference.Unreadable(description: "proposal \"\(proposal.title)\" names no topic \(proposal.topic)")
        }
        var input = SubmissionInput()
        input.title = proposal.title
        input.abstract = proposal.abstract
        input.topicId = .some(topicIds[proposal.topic])
        input.format = SubmissionFormat(rawValue: proposal.format)
        input.language = proposal.language
        input.keywords = proposal.keywords
        input.authors = try proposal.authors.map { key in
            guard let person = byKey[key] else { throw ReferenceConference.Unreadable(description: "the demo data names no person \(key)") }
            return SubmissionAuthor(name: person.name, email: person.email, affiliation: person.affiliation, presenting: proposal.presenting.contains(key))
        }
        if let english = proposal.englishTitle {
            var translations = Translations()
            translations.set("title", english, in: "en")
            input.translations = translations
        }
        return input
    }

    /// Full rate, students (twelve places, then a waiting list) and peer supporters; the voucher waives the fee.
    private func categories(in conference: Conference, by access: ConferenceAccess, _ context: UseCaseContext) async throws -> [String: UUID] {
        let drafts: [(key: String, french: String, english: String, amount: Int, capacity: Int?)] = [
            ("full", "Plein tarif", "Full rate", 12_000, nil),
            ("student", "Étudiant·e, doctorant·e", "Student, PhD candidate", 4_500, 12),
            ("peer", "Pair-aidant·e", "Peer supporter", 2_000, nil),
        ]
        var ids: [String: UUID] = [:]
        for draft in drafts {
            var english = Translations()
            english.set("name", draft.english, in: "en")
            let category = try await CreateRegistrationCategory(context).run(CategoryInput(
                name: draft.french, description: nil, translations: english,
                price: Money(amount: draft.amount, currency: "EUR"), capacity: draft.capacity), in: conference, by: access)
            ids[draft.key] = category.id
        }
        _ = try await CreateVoucher(context).run(VoucherInput(
            code: "PAIRS2019", categoryIds: [ids["student"], ids["peer"]].compactMap { $0 }, discountPercent: 100,
            discountAmount: nil, maxUses: 10, validUntil: try Self.instant("2019-10-31T23:59:59+01:00")), in: conference, by: access)
        return ids
    }

    /// Two days in the MSHB: an opening and a closing plenary in the lecture hall, parallel sessions in two
    /// rooms, a poster session in the hall, breaks in between (14–15 November 2019, UTC+1).
    private func sessions(in conference: Conference, by access: ConferenceAccess, _ context: UseCaseContext) async throws {
        var rooms: [String: UUID] = [:]
        for (name, capacity) in [("Amphithéâtre Gaston Berger", 250), ("Salle 1", 60), ("Salle 2", 60), ("Hall", 120)] {
            rooms[name] = try await CreateRoom(context).run(name: name, capacity: capacity, in: conference, by: access).id
        }
        let plan: [(title: String, room: String, day: Int, from: String, to: String, kind: SessionKind)] = [
            ("Ouverture et conférence plénière", "Amphithéâtre Gaston Berger", 14, "09:00", "10:30", .plenary),
            ("Pause café", "Hall", 14, "10:30", "11:00", .break),
            ("Ateliers A1", "Salle 1", 14, "11:00", "12:40", .parallel),
            ("Ateliers B1", "Salle 2", 14, "11:00", "12:40", .parallel),
            ("Déjeuner", "Hall", 14, "12:40", "14:00", .break),
            ("Session posters", "Hall", 14, "14:00", "15:00", .poster),
            ("Ateliers A2", "Salle 1", 14, "15:00", "17:00", .parallel),
            ("Ateliers B2", "Salle 2", 14, "15:00", "17:00", .parallel),
            ("Ateliers A3", "Salle 1", 15, "09:00", "11:00", .parallel),
            ("Ateliers B3", "Salle 2", 15, "09:00", "11:00", .parallel),
            ("Pause café", "Hall", 15, "11:00", "11:30", .break),
            ("Ateliers A4", "Salle 1", 15, "11:30", "12:30", .parallel),
            ("Ateliers B4", "Salle 2", 15, "11:30", "12:30", .parallel),
            ("Table ronde et clôture", "Amphithéâtre Gaston Berger", 15, "14:00", "16:00", .plenary),
        ]
        for session in plan {
            guard let room = rooms[session.room] else { continue }
            _ = try await CreateSession(context).run(SessionInput(
                title: session.title, roomId: room, startsAt: try Self.instant("2019-11-\(session.day)T\(session.from):00+01:00"),
                endsAt: try Self.instant("2019-11-\(session.day)T\(session.to):00+01:00"), kind: session.kind, topicId: nil,
                chairIds: []), in: conference, by: access)
        }
    }

    static func instant(_ text: String) throws -> Date {
        guard let date = try? Date.ISO8601FormatStyle().parse(text) else {
            throw ReferenceConference.Unreadable(description: "not an RFC 3339 instant: \(text)")
        }
        return date
    }
}

extension UseCaseContext {
    /// This context with its clock stopped at `instant`: a step of the demo happening on its own day.
    func at(_ instant: String) throws -> UseCaseContext {
        var copy = self
        copy.clock = FixedWallClock(try ReferenceDemo.instant(instant))
        return copy
    }
}

extension AccessibilityNeeds {
    /// Sets the need the demo data names by its API field name.
    mutating func require(_ need: String) throws {
        switch need {
        case "wheelchairAccess": wheelchairAccess = true
        case "signLanguageInterpretation": signLanguageInterpretation = true
        case "hearingLoop": hearingLoop = true
        case "largePrintOrBraille": largePrintOrBraille = true
        case "quietRoom": quietRoom = true
        case "companion": companion = true
        default: throw ReferenceConference.Unreadable(description: "the demo data names no accessibility need \(need)")
        }
    }
}

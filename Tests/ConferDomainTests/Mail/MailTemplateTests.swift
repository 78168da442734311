import ConferMail
import Foundation
import Testing
@testable import ConferDomain

@Suite("Mail templates: defaults, checks, rendering")
struct MailTemplateTests {
    let engine = MustacheTemplateEngine()

    @Test("Every default, French and English, uses only its kind's variables", arguments: MailKind.allCases)
    func defaultsAreValid(kind: MailKind) {
        for text in [DefaultMailTemplates.french(kind), DefaultMailTemplates.english(kind)] {
            #expect(engine.problem(in: text.subject, samples: kind.samples) == nil)
            #expect(engine.problem(in: text.body, samples: kind.samples) == nil)
        }
    }

    @Test("An unknown variable is named, at the top, dotted, inside a section, or below a text")
    func unknownVariables() {
        let samples = MailKind.decisionAccepted.samples
        #expect(engine.problem(in: "Bonjour {{nope}}", samples: samples) == .unknownVariables(["nope"]))
        #expect(engine.problem(in: "{{submission.nope}}", samples: samples) == .unknownVariables(["submission.nope"]))
        #expect(engine.problem(in: "{{#comments}}{{nope}}{{/comments}}", samples: samples) == .unknownVariables(["nope"]))
        #expect(engine.problem(in: "{{^hasComments}}{{oops}}{{/hasComments}}", samples: samples) == .unknownVariables(["oops"]))
        #expect(engine.problem(in: "{{recipient.name.first}}", samples: samples) == .unknownVariables(["recipient.name.first"]))
        #expect(engine.problem(in: "{{a}} {{b.c}}", samples: samples) == .unknownVariables(["a", "b"]))
    }

    @Test("Names of outer values are found from inside a section")
    func stackLookups() {
        let samples = MailKind.reviewAssigned.samples
        #expect(engine.problem(in: "{{#submissions}}{{title}} {{conference.name}} {{recipient.name}}{{/submissions}}", samples: samples) == nil)
        #expect(engine.problem(in: "{{#submissions}}{{.}}{{/submissions}}{{count}}", samples: samples) == nil)
    }

    @Test("A variable of another kind is unknown here")
    func otherKindsVariables() {
        #expect(engine.problem(in: "{{registration.category}}", samples: MailKind.decisionRejected.samples)
            == .unknownVariables(["registration"]))
    }

    @Test("A syntax error says where", arguments: ["{{#comments}}never closed", "Hello {{recipient.name", "{{#a}}{{/b}}"])
    func syntax(template: String) {
        guard case .syntax(let detail) = engine.problem(in: template, samples: MailKind.decisionAccepted.samples) else {
            Issue.record("no syntax problem for \(template)")
            return
        }
        #expect(detail.contains("line 1"))
    }

    @Test("Values are not HTML-escaped: mail is plain text")
    func noEscaping() throws {
        let values = TemplateValue.object(["recipient": .object(["name": .text("Zoé O'Brien <zoe@example.org> & co")])])
        #expect(try engine.render("{{recipient.name}}", values) == "Zoé O'Brien <zoe@example.org> & co")
    }

    @Test("Sections: flags and lists")
    func sections() throws {
        let values = TemplateValue.object([
            "on": .flag(true), "off": .flag(false),
            "items": .list([.object(["n": .text("1")]), .object(["n": .text("2")])]),
        ])
        #expect(try engine.render("{{#on}}A{{/on}}{{#off}}B{{/off}}{{^off}}C{{/off}}{{#items}}[{{n}}]{{/items}}", values) == "AC[1][2]")
    }

    @Test("A subject renders on one line whatever its values hold")
    func oneLineSubject() throws {
        let writer = LetterWriter(templates: MailTemplates([]), engine: engine)
        let message = try writer.compose(
            kind: "x", text: MailText(subject: "{{t}}", body: "{{t}}"), values: .object(["t": .text("a\r\nBcc: b@example.org")]),
            recipient: "r@example.org", recipientName: nil, language: "en")
        #expect(message.subject == "a Bcc: b@example.org")
        #expect(message.body == "a\r\nBcc: b@example.org")
    }

    @Test("The variables of a kind are listed, dotted")
    func variables() {
        #expect(MailKind.decisionAccepted.variables.contains("submission.title"))
        #expect(MailKind.decisionAccepted.variables.contains("comments.text"))
        #expect(MailKind.registrationConfirmed.variables.contains("registration.category"))
        #expect(MailKind.reviewReminder.variables.contains("submissions.title"))
        #expect(!MailKind.reviewReminder.variables.contains("registration.category"))
        #expect(MailKind.allCases.allSatisfy { $0.variables.contains("recipient.name") && $0.variables.contains("conference.name") })
    }

    @Test("A conference's own wording wins in its language; others fall back to the defaults")
    func customWording() {
        let own = MailText(subject: "Sujet", body: "Corps")
        let templates = MailTemplates([MailTemplate(kind: .decisionAccepted, texts: ["fr": own], updatedAt: Date())])
        #expect(templates.text(.decisionAccepted, language: "fr-CA") == ("fr", own))
        #expect(templates.text(.decisionAccepted, language: "en").text == DefaultMailTemplates.english(.decisionAccepted))
        #expect(templates.text(.decisionAccepted, language: "de").language == "en")
        #expect(templates.text(.decisionRejected, language: "fr").text == DefaultMailTemplates.french(.decisionRejected))
    }

    @Test("Registration letters name the category and the amount in the letter's language")
    func registrationLetter() throws {
        let conference = try Fixtures.referenceConference()
        var r = RegistrationDecisionTests.attendeeRegistration()
        r.pricePaid = Money(amount: 12050, currency: "EUR")
        let category = RegistrationCategory(
            id: r.categoryId, conferenceId: conference.id,
            texts: Translations(["fr": ["name": "Étudiant"], "en": ["name": "Student"]]), price: r.pricePaid, capacity: nil,
            position: 0, createdAt: Date(), updatedAt: Date(), version: 1)
        let message = try Letters.registration(r, .confirmed, conference: conference, category: category)
        #expect(message.kind == "registration-confirmed")
        #expect(message.subject == "\(Fixtures.frenchName) : votre inscription est confirmée")
        #expect(message.body.contains("(Étudiant, 120,50 EUR) est confirmée"))
    }
}

import ConferMail
import Foundation
@testable import ConferDomain

/// Letters worded with the default templates by the engine the server uses.
enum Letters {
    static let writer = LetterWriter(templates: MailTemplates([]), engine: MustacheTemplateEngine())

    static func decision(_ s: Submission, conference: Conference, reviews: [Review]) throws -> [OutboundMessage] {
        try DecisionLetter.letters(s, conference: conference, reviews: reviews).map(writer.write)
    }

    static func registration(
        _ r: Registration, _ event: RegistrationEvent = .promoted, conference: Conference, category: RegistrationCategory? = nil
    ) throws -> OutboundMessage {
        try writer.write(RegistrationLetter.letter(r, event, category: category, conference: conference))
    }
}

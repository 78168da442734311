import ConferDomain
import Foundation

extension Transaction {
    /// Writes what `events` cause to both outboxes, in this transaction: the letters each sends, worded by `engine`
    /// from the conference's templates, and the webhook event each raises; returns how many messages it queued. Both
    /// exist if and only if the change that caused them commits.
    @discardableResult
    func publish(_ events: [DomainEvent], conference: Conference, engine: any TemplateEngine) async throws -> Int {
        var queued = 0
        var categories: [UUID: RegistrationCategory] = [:]
        let writer = LetterWriter(templates: MailTemplates([]), engine: engine)
        for event in events {
            if case .registration(let r, _, _) = event, categories[r.categoryId] == nil {
                categories[r.categoryId] = try await category(r.categoryId, conferenceId: conference.id, lock: .none)
            }
            let letters = Notices.letters(for: event, conference: conference, categories: categories)
            queued += letters.count
            for letter in letters {
                try await enqueue(try writer.write(letter), conferenceId: conference.id, at: event.at)
            }
            if let webhookEvent = WebhookEvent(event, messages: letters.count) {
                try await emit(webhookEvent)
            }
        }
        return queued
    }
}

import Foundation

/// A letter to one person, before it is worded: its kind, its recipient, the language they read, and the values its
/// template may name, built in the language the letter ends up in.
public struct Letter: Sendable {
    public var kind: MailKind
    public var submissionId: UUID?
    public var recipient: String
    public var recipientName: String?
    /// The recipient's language; the letter is in it when the conference or the defaults word it, else in English.
    public var language: String
    public var values: @Sendable (_ language: String) -> TemplateValue

    public init(
        kind: MailKind, submissionId: UUID? = nil, recipient: String, recipientName: String?, language: String,
        values: @escaping @Sendable (_ language: String) -> TemplateValue
    ) {
        self.kind = kind
        self.submissionId = submissionId
        self.recipient = recipient
        self.recipientName = recipientName
        self.language = language
        self.values = values
    }
}

/// Words letters with a conference's templates: the one place a template becomes a message.
public struct LetterWriter: Sendable {
    public var templates: MailTemplates
    public var engine: any TemplateEngine

    public init(templates: MailTemplates, engine: any TemplateEngine) {
        self.templates = templates
        self.engine = engine
    }

    public func write(_ letter: Letter) throws -> OutboundMessage {
        let (language, text) = templates.text(letter.kind, language: letter.language)
        return try compose(
            kind: letter.kind.rawValue, text: text, values: letter.values(language), submissionId: letter.submissionId,
            recipient: letter.recipient, recipientName: letter.recipientName, language: language)
    }

    /// One message from `text` rendered with `values`; the subject is kept to one line whatever the values hold.
    public func compose(
        kind: String, text: MailText, values: TemplateValue, submissionId: UUID? = nil, recipient: String,
        recipientName: String?, language: String
    ) throws -> OutboundMessage {
        let subject = try engine.render(text.subject, values)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return OutboundMessage(
            kind: kind, submissionId: submissionId, recipient: recipient, recipientName: recipientName,
            language: language, subject: subject, body: try engine.render(text.body, values))
    }
}

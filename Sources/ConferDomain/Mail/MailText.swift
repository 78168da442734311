import Foundation

/// The subject and body of a letter in one language, as Mustache templates.
public struct MailText: Sendable, Equatable {
    public var subject: String
    public var body: String

    public init(subject: String, body: String) {
        self.subject = subject
        self.body = body
    }
}

/// A conference's own wording of one kind of letter, by language; languages it does not word use the defaults.
public struct MailTemplate: Sendable, Equatable {
    public var kind: MailKind
    public var texts: [String: MailText]
    public var updatedAt: Date

    public init(kind: MailKind, texts: [String: MailText], updatedAt: Date) {
        self.kind = kind
        self.texts = texts
        self.updatedAt = updatedAt
    }
}

/// The wording of every kind of letter of one conference: its own where it has one, else the default.
public struct MailTemplates: Sendable {
    public var custom: [MailKind: MailTemplate]

    public init(_ custom: [MailTemplate]) {
        self.custom = Dictionary(custom.map { ($0.kind, $0) }, uniquingKeysWith: { $1 })
    }

    /// The text for a recipient who reads `language`, and the language it is in: the conference's own wording in
    /// that language, else the default in it (French or English), else the conference's or the default English.
    public func text(_ kind: MailKind, language: String) -> (language: String, text: MailText) {
        let base = MailTemplates.base(language)
        if let own = custom[kind]?.texts[base] { return (base, own) }
        if base == "fr" { return ("fr", DefaultMailTemplates.french(kind)) }
        if let own = custom[kind]?.texts["en"] { return ("en", own) }
        return ("en", DefaultMailTemplates.english(kind))
    }

    /// `fr-CA` → `fr`.
    public static func base(_ language: String) -> String {
        String(language.lowercased().split(separator: "-").first ?? "en")
    }
}

import Foundation

/// What a mail template may name: texts, flags for `{{#section}}`s, lists to repeat, and objects of named values.
/// The domain says what each kind of letter offers; the template engine only reads it.
public indirect enum TemplateValue: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// The dotted names a template may use, sorted: `recipient.name`, `comments`, `comments.text`…
    public var variables: [String] {
        var names = Set<String>()
        func walk(_ value: TemplateValue, _ prefix: String) {
            switch value {
            case .text, .flag:
                names.insert(prefix)
            case .list(let items):
                names.insert(prefix)
                for item in items { walk(item, prefix) }
            case .object(let fields):
                if !prefix.isEmpty { names.insert(prefix) }
                for (name, field) in fields { walk(field, prefix.isEmpty ? name : "\(prefix).\(name)") }
            }
        }
        walk(self, "")
        return names.sorted()
    }

    /// This object with `other`'s fields laid over it.
    public func merging(_ other: [String: TemplateValue]) -> TemplateValue {
        guard case .object(let fields) = self else { return self }
        return .object(fields.merging(other) { $1 })
    }
}

/// Why a template cannot be saved.
public enum TemplateProblem: Error, Sendable, Equatable {
    /// The text is not a Mustache template: where and what.
    case syntax(String)
    /// Names the letter does not offer, sorted.
    case unknownVariables([String])

    public var message: String {
        switch self {
        case .syntax(let detail): "is not a valid template: \(detail)"
        case .unknownVariables(let names):
            "names \(names.count == 1 ? "a variable" : "variables") this letter does not have: "
                + names.map { "{{\($0)}}" }.joined(separator: ", ")
        }
    }
}

/// Renders and checks Mustache templates. Implemented outside the domain (ConferMail, with swift-mustache); mail is
/// plain text, so an implementation must never HTML-escape.
public protocol TemplateEngine: Sendable {
    /// The first problem of `template` rendered against each of `samples` (every section taken and not taken), or nil.
    func problem(in template: String, samples: [TemplateValue]) -> TemplateProblem?
    /// `template` rendered with `values`; a template that does not parse is a `TemplateProblem.syntax`.
    func render(_ template: String, _ values: TemplateValue) throws -> String
}

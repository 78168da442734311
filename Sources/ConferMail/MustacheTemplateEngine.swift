import ConferDomain
import Mustache

/// Mail templates in Mustache (swift-mustache). Mail is plain text, so every template is parsed as TEXT content:
/// variables are never HTML-escaped (an apostrophe stays an apostrophe).
public struct MustacheTemplateEngine: TemplateEngine {
    public init() {}

    // Put before the organizer's text; it sits on their first line, so parse errors on it are reported shifted back.
    private static let pragma = "{{% CONTENT_TYPE: TEXT}}"

    public func render(_ template: String, _ values: TemplateValue) throws -> String {
        try Self.parse(template).render(Self.plain(values))
    }

    public func problem(in template: String, samples: [TemplateValue]) -> TemplateProblem? {
        let parsed: MustacheTemplate
        do { parsed = try Self.parse(template) } catch let problem as TemplateProblem { return problem } catch {
            return .syntax(String(describing: error))
        }
        let recorder = LookupRecorder()
        for sample in samples {
            _ = parsed.render(RecordingNode(sample, path: "", recorder: recorder))
            recorder.finish()
        }
        return recorder.unknown.isEmpty ? nil : .unknownVariables(recorder.unknown.sorted())
    }

    static func parse(_ template: String) throws -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: pragma + template)
        } catch let error as MustacheTemplate.ParserError {
            let column = error.context.lineNumber == 1
                ? error.context.columnNumber - pragma.count : error.context.columnNumber
            throw TemplateProblem.syntax("line \(error.context.lineNumber), column \(max(column, 1)): \(error.error)")
        }
    }

    /// Values as swift-mustache reads them: strings, booleans, arrays and dictionaries.
    static func plain(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): text
        case .flag(let flag): flag
        case .list(let items): items.map(plain)
        case .object(let fields): fields.mapValues(plain)
        }
    }
}

/// Notes the names a template looks up that no value answers. Mustache looks a name up in each enclosing section's
/// value, innermost first, then in the letter's values (the root): a miss at the root is a name nothing has; a miss
/// elsewhere is one only if the lookup does not go on to an outer value with the same name (that is a dotted name,
/// `submission.nope`, not a climb).
private final class LookupRecorder {
    var unknown: Set<String> = []
    private var pending: (name: String, path: String, node: ObjectIdentifier)?

    func asked(_ name: String, of node: RecordingNode, found: Bool) {
        if let waiting = pending {
            pending = nil
            if !(waiting.name == name && waiting.node != ObjectIdentifier(node)) { unknown.insert(waiting.path) }
        }
        guard !found else { return }
        if node.path.isEmpty { unknown.insert(name) } else { pending = (name, "\(node.path).\(name)", ObjectIdentifier(node)) }
    }

    func finish() {
        if let waiting = pending { unknown.insert(waiting.path) }
        pending = nil
    }
}

/// A sample value that reports every lookup to the recorder; texts are nodes too, so `recipient.name.x` is caught.
private final class RecordingNode: MustacheParent, CustomStringConvertible {
    let value: TemplateValue
    let path: String
    let recorder: LookupRecorder

    init(_ value: TemplateValue, path: String, recorder: LookupRecorder) {
        self.value = value
        self.path = path
        self.recorder = recorder
    }

    var description: String {
        if case .text(let text) = value { return text }
        return ""
    }

    func child(named name: String) -> Any? {
        guard case .object(let fields) = value, let field = fields[name] else {
            recorder.asked(name, of: self, found: false)
            return nil
        }
        recorder.asked(name, of: self, found: true)
        let childPath = path.isEmpty ? name : "\(path).\(name)"
        switch field {
        case .flag(let flag): return flag
        case .list(let items): return items.map { RecordingNode($0, path: childPath, recorder: recorder) }
        case .text, .object: return RecordingNode(field, path: childPath, recorder: recorder)
        }
    }
}

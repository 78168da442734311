import Foundation

/// The human texts of one resource in every language it has: language code → field → text.
///
/// Conferences are bilingual as a rule (the reference conference is French and English), so texts are
/// stored per language and the plain fields of a response are filled from the caller's best language.
public struct Translations: Sendable, Equatable, Codable {
    /// Texts by language code, then by field name.
    public var byLanguage: [String: [String: String]]

    public init(_ byLanguage: [String: [String: String]] = [:]) {
        self.byLanguage = byLanguage
    }

    /// The text of `field` in `language`, if any.
    public func text(_ field: String, in language: String) -> String? {
        byLanguage[language]?[field]
    }

    /// The text of `field` in `language`, else in the first of `fallbacks` that has it.
    public func text(_ field: String, in language: String, fallbacks: [String]) -> String? {
        if let value = text(field, in: language) { return value }
        for other in fallbacks {
            if let value = text(field, in: other) { return value }
        }
        return nil
    }

    /// Sets (or with nil, removes) one text; a language left with no text disappears.
    public mutating func set(_ field: String, _ value: String?, in language: String) {
        var fields = byLanguage[language] ?? [:]
        fields[field] = value
        byLanguage[language] = fields.isEmpty ? nil : fields
    }

    /// These texts with every text of `other` laid over them, field by field, trimmed; an empty text removes one.
    public func merging(_ other: Translations) -> Translations {
        var merged = self
        for (language, fields) in other.byLanguage {
            for (field, value) in fields {
                merged.set(field, value.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty, in: language)
            }
        }
        return merged
    }

    /// Only the texts in `languages`.
    public func restricted(to languages: [String]) -> Translations {
        Translations(byLanguage.filter { languages.contains($0.key) })
    }

    /// Checks every text against its limit and every language against the resource's languages.
    public func validate(
        languages: [String], limits: [String: ClosedRange<Int>], into v: inout Validator
    ) {
        for (language, fields) in byLanguage.sorted(by: { $0.key < $1.key }) {
            guard languages.contains(language) else {
                v.add("translations.\(language)", "is not one of the conference's languages (\(languages.joined(separator: ", ")))")
                continue
            }
            for (field, value) in fields.sorted(by: { $0.key < $1.key }) {
                guard let range = limits[field] else {
                    v.add("translations.\(language).\(field)", "is not a translatable field")
                    continue
                }
                // An empty text removes that translation (see `merging`).
                if value.isEmpty { continue }
                v.text(value, "translations.\(language).\(field)", min: range.lowerBound, max: range.upperBound)
            }
        }
    }
}

/// Picks the language of a response from `Accept-Language` (RFC 9110 §12.5.4).
public enum LanguageNegotiation {
    /// The language among `available` that the header prefers most; the first available one when none matches.
    public static func best(for header: String?, among available: [String]) -> String {
        let fallback = available.first ?? "en"
        guard let header, !header.isEmpty else { return fallback }
        var ranges: [(tag: String, quality: Double)] = []
        for range in header.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased(), !tag.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            ranges.append((tag, quality))
        }
        // `*` stands only for languages the header does not name (so `fr;q=0, *` never picks fr).
        let named = Set(ranges.compactMap { $0.tag == "*" ? nil : match($0.tag, in: available) })
        let unnamed = available.filter { !named.contains($0) }
        var best: (language: String, quality: Double, order: Int)?
        for (order, (tag, quality)) in ranges.enumerated() {
            let candidate = tag == "*" ? unnamed.first : match(tag, in: available)
            guard quality > 0, let match = candidate else { continue }
            if let current = best, quality <= current.quality { continue }
            best = (match, quality, order)
        }
        return best?.language ?? fallback
    }

    /// `fr-CA` matches `fr`, `en` matches `en-GB`, `*` matches the first language.
    static func match(_ tag: String, in available: [String]) -> String? {
        if tag == "*" { return available.first }
        if let exact = available.first(where: { $0.lowercased() == tag }) { return exact }
        let primary = tag.split(separator: "-").first.map(String.init) ?? tag
        return available.first { $0.lowercased().split(separator: "-").first.map(String.init) == primary }
    }

    /// `fr` and its regional variants (`fr-CA`), not other languages whose codes start with "fr" (`frr`).
    public static func isFrench(_ code: String) -> Bool {
        code.split(separator: "-").first.map { $0.lowercased() == "fr" } ?? false
    }

    /// Whether `code` looks like a language tag this service accepts: `fr`, `en`, `pt-BR`.
    public static func isValidCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
              language.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        if parts.count == 1 { return true }
        return parts.count == 2 && parts[1].count == 2 && parts[1].allSatisfy { $0.isASCII && $0.isUppercase }
    }
}

import ConferDomain
import Foundation

/// Texts are stored as `jsonb`, bound as text and cast in SQL.
enum JSONColumn {
    static func encode(_ translations: Translations) -> String {
        let data = (try? JSONEncoder().encode(translations.byLanguage)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Any value as JSON text with sorted keys, for a `::jsonb` parameter.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decodeTranslations(_ text: String) throws -> Translations {
        Translations(try JSONDecoder().decode([String: [String: String]].self, from: Data(text.utf8)))
    }
}

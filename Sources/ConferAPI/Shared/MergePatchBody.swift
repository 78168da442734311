import ConferDomain
import Foundation

/// What a merge patch's `null`s mean for the domain inputs: the paths become the input's `cleared`, and a text of
/// `translations` set to `null` becomes an empty text, which removes it when translations merge.
enum MergePatchBody {
    /// The JSON paths this request's merge patch set to `null` (`RequestBodyMiddleware`).
    static var nulls: Set<String> { RequestScope.current.nulls }

    /// `given` (language → field → text) with an empty text for each of `fields` the patch set to `null`.
    static func translations(_ given: [String: [String: String]]?, fields: [String], nulls: Set<String> = nulls) -> Translations? {
        var byLanguage = given ?? [:]
        for path in nulls where path.hasPrefix("translations.") {
            let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 3, fields.contains(parts[2]) { byLanguage[parts[1], default: [:]][parts[2]] = "" }
        }
        return given == nil && byLanguage.isEmpty ? nil : Translations(byLanguage)
    }
}

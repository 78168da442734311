import Foundation

/// Merge patches (RFC 7396): a field set to `null` is cleared. Storage-free rules of which fields may be.
public enum MergePatch {
    /// Refuses a `null` on any field that cannot be cleared. `cleared` holds the JSON paths the patch set to `null`
    /// (`venue`, `translations.en.venue`); `clearable` the fields that may be, `translations.*` standing for
    /// everything under `translations` (but not `translations` itself).
    public static func check(_ cleared: Set<String>, clearable: Set<String>) throws(DomainError) {
        var v = Validator()
        for path in cleared.sorted() {
            let allowed = clearable.contains(path)
                || clearable.contains { $0.hasSuffix(".*") && path.hasPrefix($0.dropLast()) && path.count > $0.count - 1 }
            v.require(allowed, path, "must not be null: this field cannot be cleared (leave it out to keep it)")
        }
        try v.finish()
    }
}

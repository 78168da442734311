import Foundation

extension UUID {
    /// A UUID written exactly as one (36 characters, hyphens included); nil for anything else. Foundation's
    /// `init(uuidString:)` on Linux stops reading at a NUL byte, so `"<uuid>\u{0}junk"` would name that uuid.
    public init?(exactly text: String) {
        guard text.utf8.count == 36, !text.utf8.contains(0), let uuid = UUID(uuidString: text) else { return nil }
        self = uuid
    }
}

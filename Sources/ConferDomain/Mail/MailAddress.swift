import Foundation

/// A mailbox as people write it in settings: `expairs@example.org` or `EXPAIRs 2019 <expairs@example.org>`.
public struct MailAddress: Sendable, Equatable {
    public var name: String?
    public var address: String

    public init(name: String?, address: String) {
        self.name = name?.isEmpty == true ? nil : name
        self.address = address
    }

    /// Reads `Name <address>` or a bare address; nil unless the address has one `@` with text on both sides and
    /// nothing that could break a header or an SMTP command (spaces, angle brackets, control characters).
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name: String?
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            let display = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            name = display.hasPrefix("\"") && display.hasSuffix("\"") && display.count >= 2
                ? String(display.dropFirst().dropLast()) : display
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              !address.unicodeScalars.contains(where: { $0.value <= 0x20 || $0 == "<" || $0 == ">" || $0.value == 0x7F }),
              !(name ?? "").unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return nil }
        self.init(name: name, address: address)
    }

    /// As people write it, and as `init?(_:)` reads it back: `EXPAIRs 2019 <expairs@example.org>`.
    public var text: String {
        guard let name else { return address }
        let quoted = name.contains(where: { ",;:<>@\"()[]\\".contains($0) }) ? "\"\(name)\"" : name
        return "\(quoted) <\(address)>"
    }

    /// The sender when the server's `MAIL_FROM` is not set.
    public static let serverDefault = MailAddress(name: "Confer", address: "confer@localhost")

    /// The part after `@`, for the `Message-ID`s of mail sent from this address.
    public var domain: String { String(address.split(separator: "@").last ?? "") }
}

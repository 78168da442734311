import Foundation

/// The letter to an attendee whose registration was confirmed, waitlisted, promoted or cancelled, in the
/// conference's first language (accounts do not state a language of their own yet).
public enum RegistrationLetter {
    public static func letter(
        _ r: Registration, _ event: RegistrationEvent, category: RegistrationCategory?, conference: Conference
    ) -> Letter {
        let kind: MailKind = switch event {
        case .confirmed: .registrationConfirmed
        case .waitlisted: .registrationWaitlisted
        case .promoted: .registrationPromoted
        case .cancelled: .registrationCancelled
        }
        return Letter(
            kind: kind, recipient: r.attendee.email, recipientName: r.attendee.name, language: conference.primaryLanguage
        ) { language in
            var fields = LetterValues.common(name: r.attendee.name, email: r.attendee.email, conference: conference, language: language)
            fields["registration"] = .object([
                "category": .text(category?.texts.text("name", in: language, fallbacks: conference.languages) ?? ""),
                "status": .text(r.status.rawValue),
                "amount": .text(LetterValues.money(r.pricePaid, language: language)),
                "waitlistPosition": .text(r.waitlistPosition.map(String.init) ?? ""),
                "paymentStatus": .text(r.paymentStatus.rawValue),
            ])
            return .object(fields)
        }
    }
}

extension LetterValues {
    /// `120,00 EUR` in French, `120.00 EUR` otherwise.
    static func money(_ m: Money, language: String) -> String {
        let units = m.amount / 100, cents = abs(m.amount % 100)
        let separator = language == "fr" ? "," : "."
        return "\(units)\(separator)\(cents < 10 ? "0" : "")\(cents) \(m.currency)"
    }
}

import Foundation

/// The letter to one reviewer naming proposals: those newly assigned to them, or those whose review is still due.
/// Reviewers are assigned the proposals they read, so titles and numbers hide nothing the review mode keeps from
/// them; authors are never named.
public enum ReviewerLetter {
    public static func letter(
        _ kind: MailKind, to reviewer: Member, submissions: [Submission], conference: Conference
    ) -> Letter {
        Letter(kind: kind, recipient: reviewer.email, recipientName: reviewer.name, language: conference.primaryLanguage) { language in
            var fields = LetterValues.common(name: reviewer.name, email: reviewer.email, conference: conference, language: language)
            fields["count"] = .text(String(submissions.count))
            fields["submissions"] = .list(submissions.sorted { $0.number < $1.number }.map { LetterValues.submission($0, language: language) })
            return .object(fields)
        }
    }
}

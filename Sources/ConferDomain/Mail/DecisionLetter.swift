import Foundation

/// The decision letter to each author of a decided proposal, in the proposal's language.
public enum DecisionLetter {
    public static func letters(_ s: Submission, conference: Conference, reviews: [Review]) -> [Letter] {
        let kind: MailKind = s.status == .accepted ? .decisionAccepted : .decisionRejected
        // Only what reviewers wrote for authors, never for the committee; blank comments are not numbered.
        let comments = reviews.map(\.commentsForAuthors).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        return s.authors.map { author in
            Letter(kind: kind, submissionId: s.id, recipient: author.email, recipientName: author.name, language: s.language) { language in
                var fields = LetterValues.common(name: author.name, email: author.email, conference: conference, language: language)
                fields["submission"] = LetterValues.submission(s, language: language)
                fields["hasComments"] = .flag(!comments.isEmpty)
                fields["comments"] = .list(comments.enumerated().map { index, text in
                    .object(["number": .text(String(index + 1)), "text": .text(text)])
                })
                return .object(fields)
            }
        }
    }
}

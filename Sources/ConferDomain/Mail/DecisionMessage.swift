import Foundation

/// The decision letter to each author of a decided proposal, in the proposal's language (French or English).
public enum DecisionMessage {
    public static let kind = "decision"

    public static func compose(_ s: Submission, conference: Conference, reviews: [Review]) -> [OutboundMessage] {
        let french = LanguageNegotiation.isFrench(s.language)
        let language = french ? "fr" : "en"
        let conferenceName = conference.text(.name, language: language) ?? conference.slug
        let accepted = s.status == .accepted
        let subject = french
            ? "\(conferenceName) : votre proposition n° \(s.number) est \(accepted ? "acceptée" : "refusée")"
            : "\(conferenceName): your proposal #\(s.number) is \(accepted ? "accepted" : "rejected")"
        let comments = reviews.map(\.commentsForAuthors).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        return s.authors.map { author in
            var body: String
            if french {
                body = "Bonjour \(author.name),\n\n"
                body += accepted
                    ? "Nous avons le plaisir de vous annoncer que votre proposition « \(s.title) » a été acceptée (format : \(formatName(s.format, french: true))).\n"
                    : "Nous avons le regret de vous annoncer que votre proposition « \(s.title) » n'a pas été retenue.\n"
                if !comments.isEmpty {
                    body += "\nCommentaires du comité scientifique :\n"
                    for (index, comment) in comments.enumerated() { body += "\n— Évaluation \(index + 1) —\n\(comment)\n" }
                }
                body += "\nLe comité d'organisation de \(conferenceName)\n"
            } else {
                body = "Dear \(author.name),\n\n"
                body += accepted
                    ? "We are pleased to tell you that your proposal \"\(s.title)\" has been accepted (format: \(formatName(s.format, french: false))).\n"
                    : "We regret to tell you that your proposal \"\(s.title)\" has not been accepted.\n"
                if !comments.isEmpty {
                    body += "\nComments from the scientific committee:\n"
                    for (index, comment) in comments.enumerated() { body += "\n— Review \(index + 1) —\n\(comment)\n" }
                }
                body += "\nThe organizing committee of \(conferenceName)\n"
            }
            return OutboundMessage(
                kind: kind, submissionId: s.id, recipient: author.email, recipientName: author.name, language: language,
                subject: subject, body: body)
        }
    }

    static func formatName(_ format: SubmissionFormat, french: Bool) -> String {
        switch format {
        case .oral: french ? "communication orale" : "oral presentation"
        case .poster: "poster"
        case .video: french ? "vidéo" : "video"
        }
    }
}

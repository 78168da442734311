import Foundation

/// A non-blocking remark on a saved proposal: it is stored and shown to its authors and organizers, never to reviewers.
public struct SubmissionWarning: Sendable, Equatable, Codable {
    /// What was found; the raw values are the stable codes clients switch on.
    public enum Code: String, Sendable, Codable, CaseIterable {
        case authorName = "author-name", authorEmail = "author-email", authorAffiliation = "author-affiliation",
             selfReference = "self-reference", possibleDuplicate = "possible-duplicate"
    }

    /// The JSON path of the text concerned: "title", "abstract", "keywords[2]", "translations.fr.abstract".
    public var field: String
    public var code: Code
    /// In English, for a human; names what was found so the authors can find it in their text.
    public var message: String

    public init(field: String, code: Code, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    /// True for every code but possibleDuplicate.
    public var isAnonymity: Bool { code != .possibleDuplicate }

    /// The warning given when the same corresponding author already has a similar proposal (number `number`) in the conference.
    ///
    /// `score` is the similarity from 0 to 1; it is shown as a rounded percentage.
    public static func possibleDuplicate(ofNumber number: Int, score: Double) -> SubmissionWarning {
        // Clamped so a score slightly off [0, 1] (rounding upstream) never prints "101 %", and NaN never traps.
        let percent = score.isFinite ? Int((min(max(score, 0), 1) * 100).rounded()) : 0
        return SubmissionWarning(
            field: "abstract", code: .possibleDuplicate,
            message: "This proposal is very similar (\(percent) %) to your proposal #\(number) in this conference; submit each work once.")
    }
}

import Foundation

/// Looks for what would reveal the authors to reviewers of a double-blind conference.
///
/// Only a hint for the authors: it runs on every save, so it must be fast and would rather miss a clue than
/// cry wolf on ordinary words (a name is matched on whole words only, a short family name not alone).
public enum AnonymityCheck {
    public static func warnings(for submission: Submission, reviewMode: ReviewMode) -> [SubmissionWarning] {
        guard reviewMode == .doubleBlind else { return [] }
        let authors = submission.authors.map(AuthorClues.init)
        var warnings: [SubmissionWarning] = []
        for field in fields(of: submission) {
            let text = FoldedText(field.text)
            guard !text.scalars.isEmpty else { continue }
            warnings += check(text, in: field, authors: authors)
        }
        return warnings
    }

    // MARK: Fields

    /// One text of the proposal, with its JSON path and the words a message names it with.
    struct Field {
        var path: String
        var text: String
        /// Starts a sentence: "The title", "The French translation of the abstract".
        var subject: () -> String
    }

    /// The texts reviewers read, in the order warnings are listed.
    static func fields(of s: Submission) -> [Field] {
        var fields = [
            Field(path: "title", text: s.title, subject: { "The title" }),
            Field(path: "abstract", text: s.abstract, subject: { "The abstract" }),
        ]
        for (i, keyword) in s.keywords.enumerated() {
            fields.append(Field(path: "keywords[\(i)]", text: keyword, subject: { "A keyword" }))
        }
        for (language, texts) in s.translations.byLanguage.sorted(by: { $0.key < $1.key }) {
            for name in ["title", "abstract"] {
                guard let text = texts[name] else { continue }
                fields.append(Field(
                    path: "translations.\(language).\(name)", text: text,
                    subject: { "The \(languageName(language)) translation of the \(name)" }))
            }
        }
        return fields
    }

    /// "French" for `fr`; the code itself when Foundation has no name for it.
    static func languageName(_ code: String) -> String {
        Locale(identifier: "en").localizedString(forLanguageCode: code) ?? code
    }

    // MARK: Matching

    static func check(_ text: FoldedText, in field: Field, authors: [AuthorClues]) -> [SubmissionWarning] {
        var found: [SubmissionWarning] = []
        var seen = Set<Seen>()
        func add(_ code: SubmissionWarning.Code, _ key: [Unicode.Scalar], _ message: (String) -> String) {
            // Keyed per code too: the same words may be both a name and an affiliation ("Institut Curie").
            guard seen.insert(Seen(code: code, folded: key)).inserted else { return }
            found.append(SubmissionWarning(field: field.path, code: code, message: message(field.subject())))
        }

        // A family name inside a full name (the author's or a namesake co-author's) or an email ("c.martin@…")
        // says nothing more than the warning on that.
        let fullNameMatches = authors.map { author in author.fullName.map { text.occurrences(of: $0.folded) } ?? [] }
        let emailMatches = authors.compactMap(\.email).flatMap { text.occurrences(of: $0.folded, wholeWords: false) }
        let covered = fullNameMatches.flatMap { $0 } + emailMatches
        for (author, matches) in zip(authors, fullNameMatches) {
            if let name = author.fullName, !matches.isEmpty {
                add(.authorName, name.folded) { "\($0) names an author (\(name.display)); \(Self.consequence)" }
            } else if let family = author.familyName,
                      text.occurrences(of: family.folded).contains(where: { !covered.contains(enclosing: $0) }) {
                add(.authorName, family.folded) { "\($0) names an author (\(family.display)); \(Self.consequence)" }
            }
        }
        for email in authors.compactMap(\.email) where text.contains(email.folded, wholeWords: false) {
            add(.authorEmail, email.folded) { "\($0) gives an author's email address (\(email.display)); \(Self.consequence)" }
        }
        for affiliation in authors.compactMap(\.affiliation) where text.contains(affiliation.folded, wholeWords: true) {
            add(.authorAffiliation, affiliation.folded) {
                "\($0) names an author's affiliation (\(affiliation.display)); \(Self.consequence)"
            }
        }
        // "in our previous paper" holds "our previous paper": report the longer phrase only.
        let phraseMatches = selfReferences.map { text.occurrences(of: $0.folded) }
        for (phrase, matches) in zip(selfReferences, phraseMatches) where !matches.isEmpty {
            let longer = zip(selfReferences, phraseMatches)
                .filter { $0.0.folded.count > phrase.folded.count }
                .flatMap { $0.1 }
            guard matches.contains(where: { !longer.contains(enclosing: $0) }) else { continue }
            add(.selfReference, phrase.folded) {
                "\($0) refers to the authors' own earlier work (“\(phrase.display)”); in a double-blind conference, "
                    + "cite it as anyone else's work, in the third person."
            }
        }
        return found
    }

    /// One thing found in one field.
    struct Seen: Hashable {
        var code: SubmissionWarning.Code
        var folded: [Unicode.Scalar]
    }

    static let consequence = "reviewers of a double-blind conference must not learn who wrote it."

    /// What a text is searched for, folded once, with the words a message quotes it with.
    struct Needle {
        var display: String
        var folded: [Unicode.Scalar]

        init?(_ display: String, minimumLength: Int = 1) {
            let folded = FoldedText(display).scalars
            guard folded.count >= minimumLength else { return nil }
            self.display = display
            self.folded = folded
        }
    }

    /// What could identify one author.
    struct AuthorClues {
        var fullName: Needle?
        /// Only a family name of 4 letters or more: shorter ones ("Lee", "Roy") are too often ordinary words.
        var familyName: Needle?
        var email: Needle?
        var affiliation: Needle?

        init(_ author: SubmissionAuthor) {
            let words = author.name.split(whereSeparator: \.isWhitespace)
            fullName = Needle(words.joined(separator: " "))
            if words.count > 1, let last = words.last, last.filter(\.isLetter).count >= 4 {
                familyName = Needle(String(last))
            }
            email = Needle(author.email.trimmingCharacters(in: .whitespacesAndNewlines))
            affiliation = (author.affiliation?.split(whereSeparator: \.isWhitespace).joined(separator: " "))
                .flatMap { Needle($0, minimumLength: 3) }
        }
    }

    /// Phrases by which authors point at their own earlier work, in English and French.
    static let selfReferences: [Needle] = [
        "our previous work", "our previous works", "our earlier work", "our prior work",
        "our previous study", "our previous studies", "our earlier study", "our earlier studies",
        "our previous paper", "in our previous paper", "our previous research",
        "as we showed", "as we have shown", "we previously", "we have previously",
        "our research group", "our team's previous",
        "nos travaux antérieurs", "nos travaux précédents", "nos précédents travaux",
        "nos recherches antérieures", "nos recherches précédentes",
        "notre précédente étude", "notre étude précédente", "nos études précédentes", "nos précédentes études",
        "comme nous l'avons montré", "comme nous l'avons déjà montré", "nous avons précédemment",
        "notre équipe de recherche",
    ].compactMap { Needle($0) }

    /// A text folded for matching: no case, no diacritics, one kind of apostrophe, single spaces.
    struct FoldedText {
        let scalars: [Unicode.Scalar]
        /// Where a whole-word match may start (text start, or after a non-word scalar), grouped by the scalar
        /// there (ASCII ones each apart, all others together): a needle is tried only where a word starts with
        /// its first scalar. Bucket `b` is `starts[bucketEnds[b]..<bucketEnds[b + 1]]`.
        private var starts: [Int] = []
        private var bucketEnds: [Int] = []
        /// Where an `@` is: an email is tried only around one.
        private var ats: [Int] = []

        init(_ text: String) {
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(text.utf8.count)
            // Foundation's folding costs far more than the search; texts are mostly ASCII, and the few other
            // scalars repeat (é, è, à), so each is folded once per text.
            var foldedOnce: [Unicode.Scalar: String.UnicodeScalarView] = [:]
            var spaceDue = false
            func append(_ scalar: Unicode.Scalar) {
                if Self.isSpace(scalar) {
                    spaceDue = !scalars.isEmpty
                    return
                }
                // Folding leaves a few marks it does not know to strip; they would break a match for no reason.
                if !scalar.isASCII, scalar.properties.generalCategory == .nonspacingMark { return }
                if spaceDue {
                    scalars.append(" ")
                    spaceDue = false
                }
                scalars.append(!scalar.isASCII && Self.apostrophes.contains(scalar) ? "'" : scalar)
            }
            for scalar in text.unicodeScalars {
                if scalar.isASCII {
                    let v = scalar.value
                    append((0x41...0x5A).contains(v) ? Unicode.Scalar(UInt8(v + 0x20)) : scalar == "`" ? "'" : scalar)
                    continue
                }
                let folded = foldedOnce[scalar] ?? String(scalar)
                    .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars
                foldedOnce[scalar] = folded
                for s in folded { append(s) }
            }
            self.scalars = scalars
            // A counting sort: two passes, two arrays, whatever the number of distinct scalars.
            var wordStarts: [Int] = []
            var counts = [Int](repeating: 0, count: Self.bucketCount + 1)
            for (i, scalar) in scalars.enumerated() {
                if i == 0 || !Self.isWordScalar(scalars[i - 1]) {
                    wordStarts.append(i)
                    counts[Self.bucket(scalar) + 1] += 1
                }
                if scalar == "@" { ats.append(i) }
            }
            for b in 1..<counts.count { counts[b] += counts[b - 1] }
            bucketEnds = counts
            var fill = counts
            starts = [Int](repeating: 0, count: wordStarts.count)
            for i in wordStarts {
                let b = Self.bucket(scalars[i])
                starts[fill[b]] = i
                fill[b] += 1
            }
        }

        static let bucketCount = 129
        static func bucket(_ s: Unicode.Scalar) -> Int { s.isASCII ? Int(s.value) : 128 }

        /// Typographic apostrophes and quotes that stand for `'` (word processors turn one into the other).
        static let apostrophes: Set<Unicode.Scalar> = ["\u{2019}", "\u{2018}", "\u{02BC}", "\u{FF07}", "\u{00B4}"]

        static func isSpace(_ s: Unicode.Scalar) -> Bool {
            s.isASCII ? (s == " " || (0x09...0x0D).contains(s.value)) : s.properties.isWhitespace
        }

        /// Letters and digits: what a whole-word match must not touch on either side.
        static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
            if s.isASCII {
                let v = s.value
                return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
            }
            return s.properties.isAlphabetic || s.properties.numericType != nil
        }

        func contains(_ needle: [Unicode.Scalar], wholeWords: Bool) -> Bool {
            !occurrences(of: needle, wholeWords: wholeWords, first: true).isEmpty
        }

        /// Every occurrence of `needle`, left to right, not overlapping (only the first one when `first`).
        func occurrences(of needle: [Unicode.Scalar], wholeWords: Bool = true, first: Bool = false) -> [Range<Int>] {
            guard let head = needle.first else { return [] }
            // Where the needle would start: at a word start; around an `@` for an email; anywhere otherwise.
            let candidates: [Int]
            if wholeWords {
                let b = Self.bucket(head)
                candidates = Array(starts[bucketEnds[b]..<bucketEnds[b + 1]])
            } else if let at = needle.firstIndex(of: "@") {
                candidates = ats.map { $0 - at }
            } else {
                candidates = Array(scalars.indices)
            }
            var found: [Range<Int>] = []
            var next = 0
            for i in candidates where i >= next && i >= 0 && i < scalars.count && scalars[i] == head && matches(needle, at: i) {
                guard !wholeWords || i + needle.count == scalars.count || !Self.isWordScalar(scalars[i + needle.count])
                else { continue }
                found.append(i..<(i + needle.count))
                if first { break }
                next = i + needle.count
            }
            return found
        }

        private func matches(_ needle: [Unicode.Scalar], at i: Int) -> Bool {
            guard i >= 0, scalars.count - i >= needle.count else { return false }
            var j = 0
            while j < needle.count {
                if scalars[i + j] != needle[j] { return false }
                j += 1
            }
            return true
        }
    }
}

private extension Array where Element == Range<Int> {
    /// Whether one of these ranges holds all of `range`.
    func contains(enclosing range: Range<Int>) -> Bool {
        contains { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }
    }
}

// Micro-benchmarks of Confer's domain algorithms, run by scripts/bench in a release build.
// Speed is measured here, never asserted in a timed test.
import ConferDomain
import Foundation

/// A deterministic generator, so every run measures the same data set.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func uuid(_ n: Int, _ kind: UInt8) -> UUID {
    var bytes = [UInt8](repeating: 0, count: 16)
    bytes[0] = kind
    withUnsafeBytes(of: UInt64(n).bigEndian) { for (i, b) in $0.enumerated() { bytes[8 + i] = b } }
    return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                       bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
}

func measure(_ label: String, runs: Int = 5, _ body: () -> Int) {
    var best = Duration.seconds(1000)
    var result = 0
    for _ in 0..<runs {
        let clock = ContinuousClock()
        let elapsed = clock.measure { result = body() }
        best = min(best, elapsed)
    }
    let ms = Double(best.components.seconds) * 1000 + Double(best.components.attoseconds) / 1e15
    print(String(format: "%-52@ %10.1f ms   (%d)", label as NSString, ms, result))
}

/// Auto-assignment of 1,000 submitted proposals (1–6 authors, 40 affiliations, 14 topics) to 50 reviewers,
/// 2 reviews each, conflicts of interest computed as the API does.
func autoAssignment() {
    var rng = SplitMix64(state: 2019)
    let conference = uuid(0, 9)
    let topics = (0..<14).map { uuid($0, 1) }
    let affiliation = { (i: Int) in "Université numéro \(i)" }
    let reviewers = (0..<50).map { i in
        ReviewerProfile(
            accountId: uuid(i, 2), name: "Reviewer \(i)", email: "reviewer\(i)@example.org",
            affiliation: affiliation(Int.random(in: 0..<60, using: &rng)),
            topicIds: (0..<3).map { _ in topics[Int.random(in: 0..<14, using: &rng)] })
    }
    let now = Date(timeIntervalSince1970: 1_560_000_000)
    let submissions = (0..<1000).map { i in
        Submission(
            id: uuid(i, 3), conferenceId: conference, number: i + 1, ownerId: uuid(i, 4), status: .submitted,
            title: "Proposal \(i)", abstract: "Abstract", language: "fr", translations: Translations(),
            topicId: topics[i % 14], format: .oral, videoJustification: nil, keywords: [],
            authors: (0..<Int.random(in: 1...6, using: &rng)).map { a in
                SubmissionAuthor(name: "Author \(i).\(a)", email: "a\(i).\(a)@example.org",
                                 affiliation: affiliation(Int.random(in: 0..<40, using: &rng)), presenting: a == 0)
            },
            createdAt: now, updatedAt: now, submittedAt: now, withdrawnAt: nil, version: 2)
    }
    measure("auto-assignment 1,000 proposals x 50 reviewers") {
        let normalized = Dictionary(uniqueKeysWithValues: reviewers.compactMap { r in
            r.affiliation.map { (r.accountId, ConflictRules.normalize($0)) }
        })
        let candidates = submissions.map { s in
            AutoAssigner.Candidate(
                submissionId: s.id, topicId: s.topicId, assigned: [],
                conflicted: Set(ConflictRules.conflicts(reviewers: reviewers, normalizedAffiliations: normalized, submission: s, declared: []).keys))
        }
        return AutoAssigner.plan(candidates: candidates, reviewers: reviewers, load: [:], target: 2).assignments.count
    }
}

print("Confer domain benchmarks (best of 5 runs; the number in brackets is the size of the result)")
autoAssignment()

/// Automatic scheduling of 300 accepted talks (14 topics, some shared presenters) into 40 parallel sessions.
func autoScheduling() {
    var rng = SplitMix64(state: 2019)
    let conference = uuid(0, 9)
    let topics = (0..<14).map { uuid($0, 1) }
    let day = Date(timeIntervalSince1970: 1_573_714_800)  // 2019-11-14 08:00 UTC
    // 5 rooms x 4 sessions of 160 minutes (8 talks) x 2 days: 320 places for 300 talks.
    let sessions = (0..<40).map { (i: Int) -> ProgramSession in
        let offset: TimeInterval = Double((i / 5) % 4) * 10_800 + Double(i / 20) * 86_400
        let start = day.addingTimeInterval(offset)
        return ProgramSession(
            id: uuid(i, 5), conferenceId: conference, title: "Session \(i)", roomId: uuid(i % 5, 6), startsAt: start,
            endsAt: start.addingTimeInterval(9600), kind: .parallel, topicId: topics[i % 14], chairIds: [], createdAt: day,
            updatedAt: day, version: 1)
    }
    let candidates = (0..<300).map { i in
        AutoScheduler.Candidate(
            submissionId: uuid(i, 3), number: i + 1, topicId: topics[Int.random(in: 0..<14, using: &rng)], format: .oral,
            presenters: ["p\(i)@example.org", "p\(Int.random(in: 0..<300, using: &rng))@example.org"])
    }
    measure("auto-scheduling 300 talks x 40 sessions") {
        AutoScheduler.plan(candidates: candidates, sessions: sessions, scheduled: [], talkMinutes: 20, now: day).talks.count
    }
}

autoScheduling()

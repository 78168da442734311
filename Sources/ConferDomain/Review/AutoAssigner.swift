import Foundation

/// Automatic assignment of reviewers to proposals: no conflicts, balanced loads, matching topics preferred.
///
/// Deterministic for the same input. Slots are filled round by round (every proposal's first missing
/// reviewer, then every second one…), the most constrained proposals first, each time with the least
/// loaded eligible reviewer, a topic match breaking ties: so loads stay within one of each other whenever
/// conflicts allow it.
public enum AutoAssigner {
    /// One proposal to staff.
    public struct Candidate: Sendable, Equatable {
        public var submissionId: UUID
        public var topicId: UUID?
        /// Reviewers already assigned (kept).
        public var assigned: Set<UUID>
        /// Reviewers who may not review it, computed or declared.
        public var conflicted: Set<UUID>

        public init(submissionId: UUID, topicId: UUID?, assigned: Set<UUID>, conflicted: Set<UUID>) {
            self.submissionId = submissionId
            self.topicId = topicId
            self.assigned = assigned
            self.conflicted = conflicted
        }
    }

    /// A proposal left short of reviewers, and why.
    public struct Shortfall: Sendable, Equatable {
        public var submissionId: UUID
        public var assigned: Int
        public var needed: Int
        public var reason: String
    }

    public struct Plan: Sendable, Equatable {
        /// New pairs, in the order they were chosen.
        public var assignments: [(submissionId: UUID, reviewerId: UUID)]
        public var shortfalls: [Shortfall]

        public static func == (lhs: Plan, rhs: Plan) -> Bool {
            lhs.shortfalls == rhs.shortfalls && lhs.assignments.map(\.submissionId) == rhs.assignments.map(\.submissionId)
                && lhs.assignments.map(\.reviewerId) == rhs.assignments.map(\.reviewerId)
        }
    }

    /// The new assignments that bring every candidate to `target` reviewers.
    /// `load` counts each reviewer's existing assignments in the conference.
    public static func plan(candidates: [Candidate], reviewers: [ReviewerProfile], load: [UUID: Int], target: Int) -> Plan {
        let reviewers = reviewers.sorted { $0.accountId.uuidString < $1.accountId.uuidString }
        let topics = Dictionary(uniqueKeysWithValues: reviewers.map { ($0.accountId, Set($0.topicIds)) })
        var load = Dictionary(uniqueKeysWithValues: reviewers.map { ($0.accountId, load[$0.accountId] ?? 0) })
        var assigned = candidates.map(\.assigned)
        let eligibleCount = candidates.map { candidate in
            reviewers.count { !candidate.conflicted.contains($0.accountId) }
        }
        // Most constrained first: fewest eligible reviewers beyond what the proposal needs.
        let order = candidates.indices.sorted { a, b in
            let slackA = eligibleCount[a] - target, slackB = eligibleCount[b] - target
            if slackA != slackB { return slackA < slackB }
            return candidates[a].submissionId.uuidString < candidates[b].submissionId.uuidString
        }
        var result: [(submissionId: UUID, reviewerId: UUID)] = []
        for _ in 0..<max(target, 0) {
            for index in order where assigned[index].count < target {
                let candidate = candidates[index]
                var best: (reviewer: UUID, key: (Int, Int))?
                for reviewer in reviewers {
                    let id = reviewer.accountId
                    guard !candidate.conflicted.contains(id), !assigned[index].contains(id), let current = load[id] else { continue }
                    let mismatch = candidate.topicId.map { topics[id]?.contains($0) == true ? 0 : 1 } ?? 1
                    let key = (current, mismatch)
                    if let chosen = best, chosen.key <= key { continue }
                    best = (id, key)
                }
                guard let chosen = best else { continue }
                assigned[index].insert(chosen.reviewer)
                load[chosen.reviewer, default: 0] += 1
                result.append((candidate.submissionId, chosen.reviewer))
            }
        }
        let shortfalls = order.compactMap { index -> Shortfall? in
            guard assigned[index].count < target else { return nil }
            let candidate = candidates[index]
            let conflicted = reviewers.count { candidate.conflicted.contains($0.accountId) }
            return Shortfall(
                submissionId: candidate.submissionId, assigned: assigned[index].count, needed: target,
                reason: "only \(eligibleCount[index]) of \(reviewers.count) reviewers may review it (\(conflicted) in conflict of interest)")
        }
        return Plan(assignments: result, shortfalls: shortfalls)
    }
}

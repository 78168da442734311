import Foundation

/// Automatic assignment of reviewers to proposals: no conflicts, balanced loads, matching topics preferred.
///
/// Deterministic for the same input. Slots are filled round by round (every proposal's first missing
/// reviewer, then every second one…), the most constrained proposals first, each time with the least
/// loaded eligible reviewer, a topic match breaking ties. Greedy rounds can still leave a gap of two or more
/// (the last proposals of a round may only have busy reviewers left), so a repair pass then moves new
/// assignments from the busiest to the least busy reviewers, directly or through a third reviewer, until no
/// move narrows the gap.
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
        var moves = Rebalancer(
            candidates: candidates, reviewers: reviewers.map(\.accountId), topics: topics, assigned: assigned, load: load,
            index: Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1.submissionId, $0) }), pairs: result)
        moves.run()
        result = moves.pairs
        assigned = moves.assigned
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

    /// Narrows load gaps by moving new assignments; every move lowers the sum of squared loads, so it ends.
    struct Rebalancer {
        let candidates: [Candidate]
        let reviewers: [UUID]
        let topics: [UUID: Set<UUID>]
        var assigned: [Set<UUID>]
        var load: [UUID: Int]
        let index: [UUID: Int]
        var pairs: [(submissionId: UUID, reviewerId: UUID)]
        /// Indexes into `pairs`, by reviewer.
        var byReviewer: [UUID: [Int]] = [:]

        init(
            candidates: [Candidate], reviewers: [UUID], topics: [UUID: Set<UUID>], assigned: [Set<UUID>],
            load: [UUID: Int], index: [UUID: Int], pairs: [(submissionId: UUID, reviewerId: UUID)]
        ) {
            self.candidates = candidates
            self.reviewers = reviewers
            self.topics = topics
            self.assigned = assigned
            self.load = load
            self.index = index
            self.pairs = pairs
            for (position, pair) in pairs.enumerated() { byReviewer[pair.reviewerId, default: []].append(position) }
        }

        func eligible(_ pair: Int, _ reviewer: UUID) -> Bool {
            guard let candidate = index[pairs[pair].submissionId] else { return false }
            return !candidates[candidate].conflicted.contains(reviewer) && !assigned[candidate].contains(reviewer)
        }

        func pairs(of reviewer: UUID) -> [Int] { byReviewer[reviewer] ?? [] }

        mutating func move(_ pair: Int, to reviewer: UUID) {
            let from = pairs[pair].reviewerId
            guard let candidate = index[pairs[pair].submissionId] else { return }
            assigned[candidate].remove(from)
            assigned[candidate].insert(reviewer)
            load[from, default: 0] -= 1
            load[reviewer, default: 0] += 1
            pairs[pair].reviewerId = reviewer
            byReviewer[from]?.removeAll { $0 == pair }
            byReviewer[reviewer, default: []].append(pair)
        }

        /// One of `high`'s proposals that `low` may take, a topic match first.
        func movable(from high: UUID, to low: UUID) -> Int? {
            let options = pairs(of: high).filter { eligible($0, low) }
            return options.first { pair in
                index[pairs[pair].submissionId].flatMap { candidates[$0].topicId }.map { topics[low]?.contains($0) == true } ?? false
            } ?? options.first
        }

        mutating func run() {
            while true {
                let byLoad = reviewers.sorted { (load[$0] ?? 0, $0.uuidString) < (load[$1] ?? 0, $1.uuidString) }
                guard let least = byLoad.first, let most = byLoad.last, (load[most] ?? 0) - (load[least] ?? 0) >= 2 else { return }
                guard improveOnce(byLoad) else { return }
            }
        }

        /// One move between a busiest and a least busy reviewer; false when none exists.
        mutating func improveOnce(_ byLoad: [UUID]) -> Bool {
            let most = byLoad.last.flatMap { load[$0] } ?? 0
            let least = byLoad.first.flatMap { load[$0] } ?? 0
            for high in byLoad.reversed() where load[high] == most {
                for low in byLoad where load[low] == least {
                    if let pair = movable(from: high, to: low) {
                        move(pair, to: low)
                        return true
                    }
                    // Through a third reviewer: high → middle on one proposal, middle → low on another.
                    for middle in byLoad where middle != high && middle != low {
                        for first in pairs(of: high) where eligible(first, middle) {
                            if let second = pairs(of: middle).first(where: {
                                pairs[$0].submissionId != pairs[first].submissionId && eligible($0, low)
                            }) {
                                move(second, to: low)
                                move(first, to: middle)
                                return true
                            }
                        }
                    }
                }
            }
            return false
        }
    }
}

extension AutoAssigner {
    /// Reviews per proposal: the conference's, unless the organizer asks for another number (1 to 20).
    public static func target(_ requested: Int?, conference: Conference) throws(DomainError) -> Int {
        guard let requested else { return conference.reviewsPerSubmission }
        guard (1...20).contains(requested) else { throw DomainError.invalid("reviewsPerSubmission", "must be from 1 to 20") }
        return requested
    }

    /// What the plan needs of each proposal: its reviewers so far and those in conflict with it.
    public static func candidates(
        _ submissions: [Submission], reviewers: [ReviewerProfile], existing: [Assignment], declared: [DeclaredConflict]
    ) -> [Candidate] {
        let assignedBySubmission = Dictionary(grouping: existing, by: \.submissionId).mapValues { Set($0.map(\.reviewerId)) }
        let declaredBySubmission = Dictionary(grouping: declared, by: \.submissionId).mapValues { Set($0.map(\.reviewerId)) }
        let normalized = Dictionary(uniqueKeysWithValues: reviewers.compactMap { reviewer in
            reviewer.affiliation.map { (reviewer.accountId, ConflictRules.normalize($0)) }
        }.filter { !$0.1.isEmpty })
        return submissions.map { submission in
            let conflicts = ConflictRules.conflicts(
                reviewers: reviewers, normalizedAffiliations: normalized, submission: submission,
                declared: declaredBySubmission[submission.id] ?? [])
            return Candidate(
                submissionId: submission.id, topicId: submission.topicId,
                assigned: assignedBySubmission[submission.id] ?? [], conflicted: Set(conflicts.keys))
        }
    }
}

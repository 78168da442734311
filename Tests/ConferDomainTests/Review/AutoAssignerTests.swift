import Foundation
import Testing
@testable import ConferDomain

@Suite("AutoAssigner")
struct AutoAssignerTests {
    typealias R = ReviewFixtures
    typealias Candidate = AutoAssigner.Candidate

    // MARK: Helpers

    typealias Seeded = SeededGenerator

    static let topics = (0..<3).map(R.topicId)

    /// `count` reviewers, each declaring one of three topics.
    static func reviewers(_ count: Int) -> [ReviewerProfile] {
        (1...count).map { R.reviewer($0, topics: [topics[$0 % 3]]) }
    }

    /// 30 proposals on three topics; about a third conflict with one or two of the 8 reviewers.
    static func thirtyCandidates() -> [Candidate] {
        (0..<30).map { i in
            var conflicted: Set<UUID> = []
            if i % 3 == 0 { conflicted.insert(R.accountId(i % 8 + 1)) }
            if i % 5 == 0 { conflicted.insert(R.accountId((i + 3) % 8 + 1)) }
            return Candidate(submissionId: R.submissionId(i), topicId: topics[i % 3], assigned: [], conflicted: conflicted)
        }
    }

    /// Reviewers per proposal (existing and new) after `plan`.
    static func staffing(_ candidates: [Candidate], _ plan: AutoAssigner.Plan) -> [UUID: [UUID]] {
        var result = Dictionary(uniqueKeysWithValues: candidates.map { ($0.submissionId, Array($0.assigned)) })
        for pair in plan.assignments { result[pair.submissionId, default: []].append(pair.reviewerId) }
        return result
    }

    /// Each reviewer's load after `plan`, starting from `load`.
    static func loads(_ reviewers: [ReviewerProfile], _ plan: AutoAssigner.Plan, load: [UUID: Int] = [:]) -> [UUID: Int] {
        var result = Dictionary(uniqueKeysWithValues: reviewers.map { ($0.accountId, load[$0.accountId] ?? 0) })
        for pair in plan.assignments { result[pair.reviewerId, default: 0] += 1 }
        return result
    }

    static func spread(_ loads: [UUID: Int]) -> Int {
        (loads.values.max() ?? 0) - (loads.values.min() ?? 0)
    }

    /// Checks what must hold of any plan: new pairs only for known proposals and reviewers, never a conflicted
    /// or already-assigned reviewer, never the same pair twice, each proposal staffed to min(target, eligible).
    static func checkInvariants(
        _ candidates: [Candidate], _ reviewers: [ReviewerProfile], _ plan: AutoAssigner.Plan, target: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let byId = Dictionary(uniqueKeysWithValues: candidates.map { ($0.submissionId, $0) })
        let reviewerIds = Set(reviewers.map(\.accountId))
        var seen: Set<String> = []
        for pair in plan.assignments {
            guard let candidate = byId[pair.submissionId] else {
                Issue.record("unknown proposal \(pair.submissionId)", sourceLocation: sourceLocation)
                continue
            }
            #expect(reviewerIds.contains(pair.reviewerId), sourceLocation: sourceLocation)
            #expect(!candidate.conflicted.contains(pair.reviewerId), "conflicted reviewer assigned", sourceLocation: sourceLocation)
            #expect(!candidate.assigned.contains(pair.reviewerId), "already-assigned reviewer assigned again", sourceLocation: sourceLocation)
            #expect(seen.insert("\(pair.submissionId)/\(pair.reviewerId)").inserted, "same pair twice", sourceLocation: sourceLocation)
        }
        let staffing = staffing(candidates, plan)
        for candidate in candidates {
            let eligible = reviewers.count { !candidate.conflicted.contains($0.accountId) }
            let expected = max(candidate.assigned.count, min(max(target, 0), eligible))
            #expect(staffing[candidate.submissionId]?.count == expected, sourceLocation: sourceLocation)
        }
    }

    /// The most new pairs a plan could make with at most `capacity` new proposals per reviewer (Dinic's maximum flow):
    /// source → proposal (target − assigned) → eligible reviewer (1) → sink (capacity).
    static func maxFlow(_ candidates: [Candidate], _ reviewers: [ReviewerProfile], target: Int, capacity: Int) -> Int {
        struct Edge { var to: Int; var cap: Int }
        let source = 0, sink = 1, firstCandidate = 2, firstReviewer = 2 + candidates.count
        let nodeCount = firstReviewer + reviewers.count
        var edges: [Edge] = []
        var adjacency = Array(repeating: [Int](), count: nodeCount)
        func add(_ from: Int, _ to: Int, _ cap: Int) {
            adjacency[from].append(edges.count); edges.append(Edge(to: to, cap: cap))
            adjacency[to].append(edges.count); edges.append(Edge(to: from, cap: 0))
        }
        for (i, candidate) in candidates.enumerated() {
            add(source, firstCandidate + i, max(target - candidate.assigned.count, 0))
            for (j, reviewer) in reviewers.enumerated()
            where !candidate.conflicted.contains(reviewer.accountId) && !candidate.assigned.contains(reviewer.accountId) {
                add(firstCandidate + i, firstReviewer + j, 1)
            }
        }
        for j in reviewers.indices { add(firstReviewer + j, sink, capacity) }
        var flow = 0
        while true {
            var level = Array(repeating: -1, count: nodeCount)
            level[source] = 0
            var queue = [source], head = 0
            while head < queue.count {
                let node = queue[head]; head += 1
                for e in adjacency[node] where edges[e].cap > 0 && level[edges[e].to] < 0 {
                    level[edges[e].to] = level[node] + 1
                    queue.append(edges[e].to)
                }
            }
            if level[sink] < 0 { return flow }
            var next = Array(repeating: 0, count: nodeCount)
            func push(_ node: Int, _ limit: Int) -> Int {
                if node == sink { return limit }
                while next[node] < adjacency[node].count {
                    let e = adjacency[node][next[node]]
                    let to = edges[e].to
                    if edges[e].cap > 0 && level[to] == level[node] + 1 {
                        let pushed = push(to, min(limit, edges[e].cap))
                        if pushed > 0 {
                            edges[e].cap -= pushed
                            edges[e ^ 1].cap += pushed
                            return pushed
                        }
                    }
                    next[node] += 1
                }
                return 0
            }
            while true {
                let pushed = push(source, Int.max)
                if pushed == 0 { break }
                flow += pushed
            }
        }
    }

    // MARK: 30 proposals, 8 reviewers

    @Test("30 proposals, 8 reviewers, some conflicts, target 2: each gets exactly 2 eligible reviewers, loads within 1")
    func thirtyByEight() throws {
        let candidates = Self.thirtyCandidates()
        let reviewers = Self.reviewers(8)
        #expect(candidates.contains { !$0.conflicted.isEmpty })
        let plan = AutoAssigner.plan(candidates: candidates, reviewers: reviewers, load: [:], target: 2)

        #expect(plan.assignments.count == 60)
        #expect(plan.shortfalls.isEmpty)
        Self.checkInvariants(candidates, reviewers, plan, target: 2)
        let staffing = Self.staffing(candidates, plan)
        for candidate in candidates {
            let assigned = try #require(staffing[candidate.submissionId])
            #expect(assigned.count == 2)
            #expect(Set(assigned).count == 2)
            #expect(Set(assigned).isDisjoint(with: candidate.conflicted))
        }
        let loads = Self.loads(reviewers, plan)
        #expect(Self.spread(loads) <= 1, "loads: \(loads.values.sorted())")
        #expect(loads.values.reduce(0, +) == 60)
    }

    @Test("Existing assignments are kept, count toward the target and toward the load")
    func existingAssignments() throws {
        let reviewers = Self.reviewers(8)
        var candidates = Self.thirtyCandidates()
        var load: [UUID: Int] = [:]
        // A third of the proposals already have one reviewer (not conflicted), two of them already two.
        for i in stride(from: 1, to: 30, by: 3) {
            let reviewer = R.accountId((i * 5) % 8 + 1)
            guard !candidates[i].conflicted.contains(reviewer) else { continue }
            candidates[i].assigned.insert(reviewer)
            load[reviewer, default: 0] += 1
        }
        for i in [2, 5] {
            let pair = [R.accountId(1), R.accountId(2)].filter { !candidates[i].conflicted.contains($0) }
            for reviewer in pair where candidates[i].assigned.insert(reviewer).inserted { load[reviewer, default: 0] += 1 }
        }
        // Reviewer 1 also reviews much elsewhere (proposals not in this run).
        load[R.accountId(1), default: 0] += 6
        let existing = candidates.reduce(0) { $0 + $1.assigned.count }
        #expect(existing > 10)

        let plan = AutoAssigner.plan(candidates: candidates, reviewers: reviewers, load: load, target: 2)
        Self.checkInvariants(candidates, reviewers, plan, target: 2)
        #expect(plan.assignments.count == 60 - existing)
        #expect(plan.shortfalls.isEmpty)
        let staffing = Self.staffing(candidates, plan)
        for candidate in candidates {
            let all = try #require(staffing[candidate.submissionId])
            #expect(all.count == 2)
            #expect(candidate.assigned.isSubset(of: Set(all)))
        }
        // Fully staffed proposals get nothing new.
        let full = candidates.filter { $0.assigned.count == 2 }
        #expect(!full.isEmpty)
        for candidate in full {
            #expect(!plan.assignments.contains { $0.submissionId == candidate.submissionId })
        }
        let loads = Self.loads(reviewers, plan, load: load)
        #expect(Self.spread(loads) <= 1, "loads: \(loads.values.sorted())")
        // The busy reviewer gets fewer new proposals than anyone else.
        let newLoads = Self.loads(reviewers, plan)
        let busy = try #require(newLoads[R.accountId(1)])
        #expect(newLoads.filter { $0.key != R.accountId(1) }.values.allSatisfy { $0 > busy })
    }

    @Test("A reviewer's existing load sends new proposals to the others")
    func existingLoad() {
        let reviewers = [R.reviewer(1), R.reviewer(2)]
        let candidates = (0..<3).map { Candidate(submissionId: R.submissionId($0), topicId: nil, assigned: [], conflicted: []) }
        let plan = AutoAssigner.plan(candidates: candidates, reviewers: reviewers, load: [R.accountId(1): 3], target: 1)
        #expect(plan.assignments.map(\.reviewerId) == Array(repeating: R.accountId(2), count: 3))
    }

    @Test("A proposal already staffed to the target gets nothing; one with more than the target is left alone")
    func alreadyStaffed() {
        let reviewers = Self.reviewers(4)
        let candidates = [
            Candidate(submissionId: R.submissionId(1), topicId: nil, assigned: [R.accountId(1), R.accountId(2)], conflicted: []),
            Candidate(submissionId: R.submissionId(2), topicId: nil, assigned: Set((1...3).map(R.accountId)), conflicted: []),
        ]
        let plan = AutoAssigner.plan(candidates: candidates, reviewers: reviewers, load: [:], target: 2)
        #expect(plan.assignments.isEmpty)
        #expect(plan.shortfalls.isEmpty)
    }

    // MARK: Topics

    @Test("At equal load a reviewer declaring the proposal's topic is chosen over one who does not")
    func topicPreferred() {
        let topic = R.topicId(7)
        // Reviewer 1 sorts first, so only the topic can make reviewer 2 win.
        let reviewers = [R.reviewer(1, topics: [R.topicId(8)]), R.reviewer(2, topics: [R.topicId(9), topic])]
        let candidate = Candidate(submissionId: R.submissionId(1), topicId: topic, assigned: [], conflicted: [])
        let plan = AutoAssigner.plan(candidates: [candidate], reviewers: reviewers, load: [:], target: 1)
        #expect(plan.assignments.map(\.reviewerId) == [R.accountId(2)])
        // Given in the other order, the same choice.
        let reversed = AutoAssigner.plan(candidates: [candidate], reviewers: reviewers.reversed(), load: [:], target: 1)
        #expect(reversed.assignments.map(\.reviewerId) == [R.accountId(2)])
    }

    @Test("Without a topic match, ties go to the same reviewer whatever the input order")
    func tieWithoutTopic() {
        let reviewers = [R.reviewer(2), R.reviewer(1)]
        let candidate = Candidate(submissionId: R.submissionId(1), topicId: R.topicId(7), assigned: [], conflicted: [])
        let plan = AutoAssigner.plan(candidates: [candidate], reviewers: reviewers, load: [:], target: 1)
        let reversed = AutoAssigner.plan(candidates: [candidate], reviewers: reviewers.reversed(), load: [:], target: 1)
        #expect(plan == reversed)
        #expect(plan.assignments.count == 1)
    }

    @Test("A lighter load beats a topic match")
    func loadBeforeTopic() {
        let topic = R.topicId(7)
        let reviewers = [R.reviewer(1), R.reviewer(2, topics: [topic])]
        let candidate = Candidate(submissionId: R.submissionId(1), topicId: topic, assigned: [], conflicted: [])
        let plan = AutoAssigner.plan(candidates: [candidate], reviewers: reviewers, load: [R.accountId(2): 1], target: 1)
        #expect(plan.assignments.map(\.reviewerId) == [R.accountId(1)])
    }

    @Test("With the 30 proposals, most assignments match the proposal's topic")
    func topicsMostlyMatch() {
        let reviewers = Self.reviewers(8)
        let candidates = Self.thirtyCandidates()
        let plan = AutoAssigner.plan(candidates: candidates, reviewers: reviewers, load: [:], target: 2)
        let topicOf = Dictionary(uniqueKeysWithValues: candidates.map { ($0.submissionId, $0.topicId) })
        let declared = Dictionary(uniqueKeysWithValues: reviewers.map { ($0.accountId, Set($0.topicIds)) })
        let matches = plan.assignments.count { pair in
            topicOf[pair.submissionId].flatMap { $0 }.map { declared[pair.reviewerId]?.contains($0) == true } ?? false
        }
        #expect(matches > plan.assignments.count / 3, "\(matches) of \(plan.assignments.count) match")
    }

    // MARK: Determinism

    @Test("The same input gives the same plan, also with proposals and reviewers in another order", arguments: [1, 2, 3])
    func deterministic(target: Int) {
        let candidates = Self.thirtyCandidates()
        let reviewers = Self.reviewers(8)
        let load = [R.accountId(3): 2, R.accountId(6): 1]
        let plan = AutoAssigner.plan(candidates: candidates, reviewers: reviewers, load: load, target: target)
        #expect(plan == AutoAssigner.plan(candidates: candidates, reviewers: reviewers, load: load, target: target))
        #expect(plan == AutoAssigner.plan(
            candidates: candidates.reversed(), reviewers: reviewers.reversed(), load: load, target: target))
        var generator = Seeded(state: 42)
        for _ in 0..<5 {
            let shuffled = AutoAssigner.plan(
                candidates: candidates.shuffled(using: &generator), reviewers: reviewers.shuffled(using: &generator),
                load: load, target: target)
            #expect(plan == shuffled)
            // Plan's == compares pairs in order; check it explicitly too.
            #expect(plan.assignments.map { "\($0.submissionId)/\($0.reviewerId)" }
                == shuffled.assignments.map { "\($0.submissionId)/\($0.reviewerId)" })
        }
    }

    @Test("Plans with different pairs are not equal")
    func planEquality() {
        let a = AutoAssigner.Plan(assignments: [(R.submissionId(1), R.accountId(1))], shortfalls: [])
        let b = AutoAssigner.Plan(assignments: [(R.submissionId(1), R.accountId(2))], shortfalls: [])
        let c = AutoAssigner.Plan(assignments: [(R.submissionId(2), R.accountId(1))], shortfalls: [])
        #expect(a == a)
        #expect(a != b)
        #expect(a != c)
    }

    // MARK: Shortfalls

    @Test("Proposals with fewer eligible reviewers than the target are listed as shortfalls, with the conflicts")
    func shortfalls() throws {
        let reviewers = Self.reviewers(8)
        let all = Set(reviewers.map(\.accountId))
        let candidates = [
            // One eligible reviewer.
            Candidate(submissionId: R.submissionId(1), topicId: nil, assigned: [], conflicted: all.subtracting([R.accountId(4)])),
            // None.
            Candidate(submissionId: R.submissionId(2), topicId: nil, assigned: [], conflicted: all),
            // Plenty.
            Candidate(submissionId: R.submissionId(3), topicId: nil, assigned: [], conflicted: [R.accountId(1)]),
            // One already assigned and no one else eligible.
            Candidate(
                submissionId: R.submissionId(4), topicId: nil, assigned: [R.accountId(5)],
                conflicted: all.subtracting([R.accountId(5)])),
        ]
        let plan = AutoAssigner.plan(candidates: candidates, reviewers: reviewers, load: [R.accountId(5): 1], target: 2)
        Self.checkInvariants(candidates, reviewers, plan, target: 2)

        let byId = Dictionary(uniqueKeysWithValues: plan.shortfalls.map { ($0.submissionId, $0) })
        #expect(Set(byId.keys) == [R.submissionId(1), R.submissionId(2), R.submissionId(4)])
        let one = try #require(byId[R.submissionId(1)])
        #expect(one.assigned == 1)
        #expect(one.needed == 2)
        #expect(one.reason.contains("conflict"))
        #expect(one.reason.contains("7"))
        #expect(one.reason.contains("8"))
        let none = try #require(byId[R.submissionId(2)])
        #expect(none.assigned == 0)
        #expect(none.needed == 2)
        #expect(none.reason.contains("conflict"))
        let kept = try #require(byId[R.submissionId(4)])
        #expect(kept.assigned == 1)
        #expect(kept.needed == 2)
        #expect(plan.assignments.filter { $0.submissionId == R.submissionId(1) }.map(\.reviewerId) == [R.accountId(4)])
        #expect(!plan.assignments.contains { $0.submissionId == R.submissionId(2) || $0.submissionId == R.submissionId(4) })
        #expect(plan.assignments.filter { $0.submissionId == R.submissionId(3) }.count == 2)
    }

    @Test("The most constrained proposal is staffed first")
    func mostConstrainedFirst() {
        let reviewers = Self.reviewers(3)
        let candidates = [
            Candidate(submissionId: R.submissionId(1), topicId: nil, assigned: [], conflicted: []),
            Candidate(submissionId: R.submissionId(2), topicId: nil, assigned: [], conflicted: [R.accountId(1), R.accountId(2)]),
        ]
        let plan = AutoAssigner.plan(candidates: candidates, reviewers: reviewers, load: [:], target: 1)
        #expect(plan.assignments.first?.submissionId == R.submissionId(2))
        #expect(plan.assignments.first?.reviewerId == R.accountId(3))
        #expect(plan.assignments.last?.reviewerId != R.accountId(3))
    }

    // MARK: Nothing to do

    @Test("Target 0 (or less) assigns nothing and reports no shortfall", arguments: [0, -1])
    func targetZero(target: Int) {
        let plan = AutoAssigner.plan(
            candidates: Self.thirtyCandidates(), reviewers: Self.reviewers(8), load: [:], target: target)
        #expect(plan.assignments.isEmpty)
        #expect(plan.shortfalls.isEmpty)
    }

    @Test("No reviewers: no assignments, every proposal short")
    func noReviewers() {
        let candidates = Self.thirtyCandidates()
        let plan = AutoAssigner.plan(candidates: candidates, reviewers: [], load: [:], target: 2)
        #expect(plan.assignments.isEmpty)
        #expect(plan.shortfalls.count == 30)
        #expect(plan.shortfalls.allSatisfy { $0.assigned == 0 && $0.needed == 2 })
    }

    @Test("No proposals: an empty plan")
    func noCandidates() {
        let plan = AutoAssigner.plan(candidates: [], reviewers: Self.reviewers(8), load: [:], target: 2)
        #expect(plan.assignments.isEmpty)
        #expect(plan.shortfalls.isEmpty)
    }

    // MARK: Samples and scale

    @Test("Random samples with light conflicts: invariants hold, shortfalls only when conflicts leave too few, order does not matter", arguments: 1...20)
    func randomSamples(seed: Int) {
        var generator = Seeded(state: UInt64(seed))
        let reviewerCount = Int.random(in: 4...12, using: &generator)
        let reviewers = Self.reviewers(reviewerCount)
        let target = Int.random(in: 1...3, using: &generator)
        let candidates = (0..<Int.random(in: 10...60, using: &generator)).map { i in
            let conflicted = Set(reviewers.filter { _ in Int.random(in: 0..<10, using: &generator) == 0 }.map(\.accountId))
            return Candidate(
                submissionId: R.submissionId(i), topicId: Self.topics.randomElement(using: &generator), assigned: [],
                conflicted: conflicted)
        }
        let plan = AutoAssigner.plan(candidates: candidates, reviewers: reviewers, load: [:], target: target)
        Self.checkInvariants(candidates, reviewers, plan, target: target)
        #expect(plan.shortfalls.isEmpty == candidates.allSatisfy { reviewerCount - $0.conflicted.count >= target })
        #expect(plan == AutoAssigner.plan(
            candidates: candidates.reversed(), reviewers: reviewers.reversed(), load: [:], target: target))
    }

    @Test("1,000 proposals × 50 reviewers: every proposal gets the target")
    func scale() throws {
        let reviewers = (1...50).map { R.reviewer($0, topics: [Self.topics[$0 % 3]]) }
        var generator = Seeded(state: 2019)
        let candidates = (0..<1000).map { i in
            let conflicted = Set((0..<3).map { _ in R.accountId(Int.random(in: 1...50, using: &generator)) })
            return Candidate(
                submissionId: R.submissionId(i), topicId: Self.topics[i % 3], assigned: [], conflicted: conflicted)
        }
        let target = 3
        let plan = AutoAssigner.plan(candidates: candidates, reviewers: reviewers, load: [:], target: target)
        #expect(plan.assignments.count == 3000)
        #expect(plan.shortfalls.isEmpty)
        Self.checkInvariants(candidates, reviewers, plan, target: target)
        let staffing = Self.staffing(candidates, plan)
        #expect(staffing.values.allSatisfy { $0.count == target })
        let loads = Self.loads(reviewers, plan)
        #expect(loads.values.reduce(0, +) == 3000)
        // 3,000 slots, 50 reviewers: a plan giving each exactly 60 exists (maximum flow with capacity 60 per reviewer).
        #expect(Self.maxFlow(candidates, reviewers, target: target, capacity: 60) == 3000)
        #expect(Self.spread(loads) <= 1, "loads \(loads.values.sorted())")
    }

    // MARK: Balance

    @Test("3 proposals, 3 reviewers, no conflicts, target 2: each reviewer gets 2")
    func balanceWithoutConflicts() {
        let reviewers = Self.reviewers(3)
        let candidates = (1...3).map { Candidate(submissionId: R.submissionId($0), topicId: nil, assigned: [], conflicted: []) }
        let plan = AutoAssigner.plan(candidates: candidates, reviewers: reviewers, load: [:], target: 2)
        Self.checkInvariants(candidates, reviewers, plan, target: 2)
        let loads = Self.loads(reviewers, plan)
        // {1,2}, {2,3}, {3,1} would do; the plan gives 3, 2 and 1.
        #expect(Self.maxFlow(candidates, reviewers, target: 2, capacity: 2) == 6)
        #expect(Self.spread(loads) <= 1, "loads \(loads.values.sorted())")
    }

    @Test("4 reviewers, 2 proposals each in conflict with one reviewer, target 2: loads within 1 are possible and expected")
    func balanceWithConflicts() {
        let reviewers = Self.reviewers(4)
        let candidates = [
            Candidate(submissionId: R.submissionId(1), topicId: nil, assigned: [], conflicted: [R.accountId(2)]),
            Candidate(submissionId: R.submissionId(2), topicId: nil, assigned: [], conflicted: [R.accountId(4)]),
        ]
        let plan = AutoAssigner.plan(candidates: candidates, reviewers: reviewers, load: [:], target: 2)
        Self.checkInvariants(candidates, reviewers, plan, target: 2)
        let loads = Self.loads(reviewers, plan)
        // Proposal 1 → {3, 4} and proposal 2 → {1, 2} give every reviewer 1; the plan gives 2/1/1/0.
        #expect(Self.maxFlow(candidates, reviewers, target: 2, capacity: 1) == 4)
        #expect(Self.spread(loads) <= 1, "loads \(loads.values.sorted())")
    }
}

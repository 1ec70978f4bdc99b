import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildAssignmentModel } from "./buildAssignmentModel";
import type { AssignmentInput, Candidate, Expert, Problem } from "./model";
import { networkSimplex } from "./networkSimplex";
import { planAssignments } from "./planAssignments";
import { referenceSolver } from "./referenceSolver";

const distance = (a: string, b: string) => Math.abs(Number(a) - Number(b)) * 7;

const expert = (id: string, over: Partial<Expert> = {}): Expert => ({
  id, homeCounty: "0", trades: ["weld"], skillLevel: 5, capacity: 1, currentLoad: 0, helpedEnterprises: [], ...over,
});
const problem = (id: string, over: Partial<Problem> = {}): Problem => ({
  id, county: "0", enterprise: `ent-${id}`, trade: "weld", priorityTier: 0, teamSize: 1, ...over,
});

/** Small random campaigns: few experts and trades, so capacity is often short and teams compete. */
const campaign: fc.Arbitrary<AssignmentInput> = fc
  .record({
    problems: fc.array(
      fc.record({ county: fc.integer({ min: 0, max: 9 }), trade: fc.constantFrom("weld", "cnc"), tier: fc.integer({ min: 0, max: 2 }), team: fc.integer({ min: 1, max: 3 }), ent: fc.integer({ min: 0, max: 3 }) }),
      { minLength: 1, maxLength: 6 },
    ),
    experts: fc.array(
      fc.record({
        county: fc.integer({ min: 0, max: 9 }),
        trades: fc.shuffledSubarray(["weld", "cnc", "paint"], { minLength: 1 }),
        skill: fc.integer({ min: 1, max: 5 }),
        capacity: fc.integer({ min: 1, max: 3 }),
        load: fc.integer({ min: 0, max: 2 }),
        helped: fc.subarray([0, 1, 2, 3]),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    pairs: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
  })
  .map(({ problems, experts, pairs }) => ({
    problems: problems.map((p, i) => problem(`p${i}`, { county: `${p.county}`, trade: p.trade, priorityTier: p.tier, teamSize: p.team, enterprise: `ent${p.ent}` })),
    experts: experts.map((e, i) =>
      expert(`e${i}`, { homeCounty: `${e.county}`, trades: e.trades, skillLevel: e.skill, capacity: e.capacity, currentLoad: e.load, helpedEnterprises: e.helped.map((h) => `ent${h}`) })),
    candidates: pairs.map(([p, e]): Candidate => ({ problem: `p${p % problems.length}`, expert: `e${e % experts.length}` })),
    distance,
  }));

describe("buildAssignmentModel and planAssignments", () => {
  it("keeps team rules, capacities and candidates, and explains every cost", () => {
    fc.assert(
      fc.property(campaign, (input) => {
        const plan = planAssignments(input);
        const allowed = new Set(input.candidates.map((c) => `${c.expert}/${c.problem}`));
        const pairs = plan.assignments.map((a) => `${a.expert}/${a.problem}`);
        expect(new Set(pairs).size, "an expert twice on one team").toBe(pairs.length);
        for (const a of plan.assignments) {
          expect(allowed.has(`${a.expert}/${a.problem}`)).toBe(true);
          const e = input.experts.find((x) => x.id === a.expert)!;
          const p = input.problems.find((x) => x.id === a.problem)!;
          expect(e.trades).toContain(p.trade);
          const t = a.terms;
          expect(t.tradeFit + t.skill + t.travel + t.load + t.continuity).toBe(a.cost);
          expect(t.travel).toBe(distance(e.homeCounty, p.county));
          expect(t.continuity).toBe(e.helpedEnterprises.includes(p.enterprise) ? 0 : 20);
        }
        for (const e of input.experts) {
          const used = plan.assignments.filter((a) => a.expert === e.id).length;
          expect(used).toBeLessThanOrEqual(Math.max(0, e.capacity - e.currentLoad));
        }
        for (const p of input.problems) {
          const filled = plan.assignments.filter((a) => a.problem === p.id).length;
          const empty = plan.unassigned.filter((u) => u.problem === p.id).map((u) => u.slot);
          expect(filled + empty.length).toBe(p.teamSize);
          expect(empty).toEqual(Array.from({ length: empty.length }, (_, i) => filled + i + 1));
        }
        const sum = plan.assignments.reduce((s, a) => s + a.cost, 0) + plan.unassigned.reduce((s, u) => s + u.penalty, 0);
        expect(sum).toBe(plan.totalCost);
      }),
      { numRuns: 400 },
    );
  });

  it("finds the same optimum as the reference solver", () => {
    fc.assert(
      fc.property(campaign, (input) => {
        const { network } = buildAssignmentModel(input);
        const ours = networkSimplex(network);
        const reference = referenceSolver(network);
        expect(ours.status).toBe("optimal");
        expect(ours.status === "optimal" && ours.cost).toBe(reference.status === "optimal" && reference.cost);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves higher-tier slots empty last: no eligible expert is idle or serves a lower tier", () => {
    fc.assert(
      fc.property(campaign, (input) => {
        const plan = planAssignments(input);
        const tier = new Map(input.problems.map((p) => [p.id, p.priorityTier]));
        for (const slot of plan.unassigned) {
          const p = input.problems.find((x) => x.id === slot.problem)!;
          const team = new Set(plan.assignments.filter((a) => a.problem === p.id).map((a) => a.expert));
          for (const c of input.candidates.filter((c) => c.problem === p.id && !team.has(c.expert))) {
            const e = input.experts.find((x) => x.id === c.expert)!;
            if (!e.trades.includes(p.trade)) continue;
            const serves = plan.assignments.filter((a) => a.expert === e.id);
            expect(serves.length, `${e.id} idle while ${p.id} lacks help`).toBe(Math.max(0, e.capacity - e.currentLoad));
            for (const a of serves) expect(tier.get(a.problem)!, `${e.id} serves a lower tier than ${p.id}`).toBeGreaterThanOrEqual(p.priorityTier);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it("sends a scarce expert to the priority county even when another problem is next door", () => {
    const plan = planAssignments({
      problems: [problem("near", { county: "1" }), problem("far-mountain", { county: "9", priorityTier: 1 })],
      experts: [expert("x", { homeCounty: "1" })],
      candidates: [{ problem: "near", expert: "x" }, { problem: "far-mountain", expert: "x" }],
      distance,
    });
    expect(plan.assignments.map((a) => [a.expert, a.problem, a.terms.travel])).toEqual([["x", "far-mountain", 56]]);
    expect(plan.unassigned).toEqual([{ problem: "near", slot: 1, penalty: expect.any(Number) as number, reason: "experts-needed-elsewhere" }]);
  });

  it("says why slots stay empty", () => {
    const plan = planAssignments({
      problems: [problem("alone", { teamSize: 3 }), problem("nobody", { trade: "cnc" })],
      experts: [expert("a", { capacity: 2 }), expert("full", { capacity: 1, currentLoad: 1 })],
      candidates: [{ problem: "alone", expert: "a" }, { problem: "alone", expert: "full" }, { problem: "nobody", expert: "a" }],
      distance,
    });
    expect(plan.assignments.map((a) => a.expert)).toEqual(["a"]);
    expect(plan.unassigned.map((u) => [u.problem, u.slot, u.reason])).toEqual([
      ["alone", 2, "too-few-eligible-experts"],
      ["alone", 3, "too-few-eligible-experts"],
      ["nobody", 1, "no-eligible-expert"],
    ]);
    expect(plan.droppedCandidates).toBe(2); // the full expert, and an expert without the trade
  });

  it("prefers an expert who helped the enterprise before, other things equal", () => {
    const plan = planAssignments({
      problems: [problem("p", { enterprise: "acme" })],
      experts: [expert("new"), expert("known", { helpedEnterprises: ["acme"] })],
      candidates: [{ problem: "p", expert: "new" }, { problem: "p", expert: "known" }],
      distance,
    });
    expect(plan.assignments.map((a) => [a.expert, a.terms.continuity])).toEqual([["known", 0]]);
  });

  it("uses given penalties and weights", () => {
    // With a penalty below the travel cost, leaving the slot empty is cheaper than sending the expert.
    const plan = planAssignments({
      problems: [problem("p", { county: "9" })],
      experts: [expert("x", { homeCounty: "0" })],
      candidates: [{ problem: "p", expert: "x" }],
      distance,
      weights: { unassignedPenalty: [10], continuity: 0 },
    });
    expect(plan.assignments).toEqual([]);
    expect(plan.totalCost).toBe(10);
  });
});

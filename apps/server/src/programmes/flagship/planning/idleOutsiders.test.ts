import type { AssignmentPlan } from "@jiangxin/matching";
import { describe, expect, it } from "vitest";
import type { ArcExpert } from "./candidateArcs";
import { idleOutsiders } from "./idleOutsiders";

const key = (p: string, e: string) => `${p}|${e}`;
const expert = (id: string, trades: string[], room: number): ArcExpert => ({ id, trades, homeCounty: 0, skillLevel: 5, room, currentLoad: 0 });
const slot = (problem: string) => ({ problem, slot: 1, penalty: 100, reason: "experts-needed-elsewhere" as const });
const plan = (assignments: [string, string][], short: string[]): AssignmentPlan => ({
  assignments: assignments.map(([problem, e]) => ({ problem, expert: e, cost: 1, terms: { tradeFit: 0, skill: 0, travel: 1, load: 0, continuity: 0 } })),
  unassigned: short.map(slot),
  totalCost: 0,
  droppedCandidates: 0,
});

describe("idleOutsiders", () => {
  const problems = [
    { id: "p1", trade: "车工", county: 0, enterpriseId: "x" },
    { id: "p2", trade: "车工", county: 0, enterpriseId: "y" },
    { id: "p3", trade: "焊工", county: 0, enterpriseId: "z" },
  ];
  const experts = [
    expert("a", ["车工"], 1), // on its shortlist, used by p1
    expert("b", ["车工"], 2), // outside p2's shortlist, used once, one place left
    expert("c", ["车工", "焊工"], 1), // idle, both trades
    expert("d", ["焊工"], 0), // no room at all
    expert("e", ["钳工"], 3), // idle, wrong trade
  ];

  it("offers a short problem every idle expert of its trade it did not have", () => {
    const extra = idleOutsiders({
      plan: plan(
        [
          ["p1", "a"],
          ["p1", "b"],
        ],
        ["p2", "p3"],
      ),
      problems,
      experts,
      candidates: [
        { problem: "p2", expert: "a" },
        { problem: "p3", expert: "d" },
      ],
      forbids: new Set([key("p3", "c")]),
      pins: new Map(),
      pairKey: key,
    });
    // p2: b (one place left) and c (idle); a is full and already a candidate. p3: c is forbidden,
    // d has no room: nothing for it.
    expect(extra).toEqual([
      { problem: "p2", expert: "b" },
      { problem: "p2", expert: "c" },
    ]);
  });

  it("adds nothing when every slot is filled, or the short problem is a pin", () => {
    const base = { problems, experts, candidates: [], forbids: new Set<string>(), pairKey: key };
    expect(idleOutsiders({ ...base, plan: plan([["p1", "a"]], []), pins: new Map() })).toEqual([]);
    expect(idleOutsiders({ ...base, plan: plan([], ["p1"]), pins: new Map([["p1", "a"]]) })).toEqual([]);
  });
});

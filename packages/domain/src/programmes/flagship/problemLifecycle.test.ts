import { describe, expect, it } from "vitest";
import { finalProblemStatuses, findTransition, problemStatuses, problemTransitions, transitionsFrom, type ProblemStatus } from "./problemLifecycle";

function reachableFrom(start: ProblemStatus): Set<ProblemStatus> {
  const seen = new Set<ProblemStatus>([start]);
  const queue = [start];
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    for (const t of transitionsFrom(s)) {
      if (!seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return seen;
}

describe("the problem transition table", () => {
  it("reaches every status from submitted or from onSite (problems found on a visit), or by the enterprise's withdrawal", () => {
    const reached = new Set<ProblemStatus>([...reachableFrom("submitted"), ...reachableFrom("onSite"), "withdrawn"]);
    expect([...problemStatuses].filter((s) => !reached.has(s))).toEqual([]);
  });

  it("leads every open status to a final one", () => {
    for (const s of problemStatuses) {
      const finals = [...reachableFrom(s)].filter((r) => finalProblemStatuses.includes(r));
      expect(finals.length, s).toBeGreaterThan(0);
    }
  });

  it("has no move out of a final status", () => {
    for (const s of finalProblemStatuses) expect(transitionsFrom(s), s).toEqual([]);
  });

  it("gives every move at least one role, a label, and no duplicates", () => {
    const keys = new Set<string>();
    for (const t of problemTransitions) {
      expect(t.roles.length, `${t.from}→${t.to}`).toBeGreaterThan(0);
      expect(t.label.length).toBeGreaterThan(0);
      expect(t.from).not.toBe(t.to);
      const key = `${t.from}→${t.to}`;
      expect(keys.has(key), key).toBe(false);
      keys.add(key);
    }
  });

  it("asks a reason for rejecting and closing, and an owner for assigning", () => {
    for (const t of problemTransitions) if (t.to === "rejected" || t.to === "closed") expect(t.noteRequired, `${t.from}→${t.to}`).toBe(true);
    expect(findTransition("accepted", "matched")?.needsOwner).toBe(true);
  });

  it("keeps enterprises and workers out of every move", () => {
    for (const t of problemTransitions) {
      expect(t.roles).not.toContain("enterprise");
      expect(t.roles).not.toContain("worker");
    }
  });

  it("filters moves by role", () => {
    expect(transitionsFrom("submitted", "expert")).toEqual([]);
    expect(transitionsFrom("onSite", "expert").map((t) => t.to).sort()).toEqual(["solutionProposed", "unresolved"]);
  });
});

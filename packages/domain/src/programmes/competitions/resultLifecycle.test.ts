import { describe, expect, it } from "vitest";
import { appealWindowOpen, canFinalise, findResultTransition, resultStatuses, resultTransitions } from "./resultLifecycle";

describe("the result lifecycle", () => {
  it("is a single path draft → verified → signed → published → final", () => {
    expect(resultTransitions.map((t) => `${t.from}>${t.to}`)).toEqual(
      resultStatuses.slice(0, -1).map((s, i) => `${s}>${resultStatuses[i + 1]}`),
    );
    expect(findResultTransition("draft", "published")).toBeUndefined();
  });

  it("signing takes both the chief judge and the supervisor", () => {
    expect(findResultTransition("verified", "signed")?.by).toEqual(["chief", "supervisor"]);
  });

  it("the appeal window runs 2 hours from publication; final needs it closed and every appeal decided", () => {
    const at = new Date("2025-10-18T08:00:00Z");
    expect(appealWindowOpen(at, 120, new Date("2025-10-18T09:59:59Z"))).toBe(true);
    expect(appealWindowOpen(at, 120, new Date("2025-10-18T10:00:00Z"))).toBe(false);
    expect(canFinalise({ status: "published", windowOpen: false, openAppeals: 0 })).toBe(true);
    expect(canFinalise({ status: "published", windowOpen: true, openAppeals: 0 })).toBe(false);
    expect(canFinalise({ status: "published", windowOpen: false, openAppeals: 1 })).toBe(false);
  });
});

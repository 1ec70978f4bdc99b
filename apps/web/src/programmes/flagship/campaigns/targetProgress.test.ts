import { describe, expect, it } from "vitest";
import { targetProgress } from "./targetProgress";

const progress = { sessions: 29, trainees: 3150, enterprises: 40, problemsSolved: 0 };

describe("targetProgress", () => {
  it("lists only the targets that were set, in report order", () => {
    const rows = targetProgress({ targets: { trainees: 3000, sessions: 30 }, progress });
    expect(rows.map((r) => r.key)).toEqual(["sessions", "trainees"]);
  });

  it("rounds down, so a target one short is not shown as reached", () => {
    const [sessions] = targetProgress({ targets: { sessions: 30 }, progress });
    expect(sessions).toMatchObject({ done: 29, target: 30, percent: 96, barPercent: 96, met: false });
  });

  it("reports more than 100% but keeps the bar full", () => {
    const [trainees] = targetProgress({ targets: { trainees: 3000 }, progress });
    expect(trainees).toMatchObject({ percent: 105, barPercent: 100, met: true });
  });

  it("treats a zero target as met and nothing done as 0%", () => {
    const rows = targetProgress({ targets: { enterprises: 0, problemsSolved: 5 }, progress });
    expect(rows[0]).toMatchObject({ percent: 100, met: true });
    expect(rows[1]).toMatchObject({ percent: 0, met: false });
  });
});

import type { Problem, ProblemStatus } from "@jiangxin/domain";
import { describe, expect, it } from "vitest";
import { linkCandidates } from "./linkCandidates";

const firmA = "00000000-0000-4000-8000-00000000000a";
const firmB = "00000000-0000-4000-8000-00000000000b";

function problem(id: string, enterpriseId: string, status: ProblemStatus, createdAt: string, sessionId: string | null = null): Problem {
  return {
    id,
    code: id,
    title: `难题${id}`,
    description: "设备频繁故障影响生产",
    trade: "6-31-01-09",
    urgency: "normal",
    status,
    statusChangedAt: createdAt,
    enterpriseId,
    enterpriseName: enterpriseId === firmA ? "甲公司" : "乙公司",
    countyCode: "330127",
    countyName: "淳安县",
    demandListId: null,
    sessionId,
    ownerExpertId: null,
    ownerExpertName: null,
    ownerExpertDetail: null,
    teamSize: 1,
    solution: null,
    solvedAt: null,
    createdAt,
    voided: null,
  };
}

describe("linkCandidates", () => {
  it("keeps accepted and matched problems on no session, once each, by the session's enterprise order then oldest first", () => {
    const pages = [
      { items: [problem("b1", firmB, "accepted", "2025-03-01T00:00:00Z"), problem("b0", firmB, "accepted", "2025-01-01T00:00:00Z")], total: 2 },
      {
        items: [
          problem("a2", firmA, "matched", "2025-02-01T00:00:00Z"),
          problem("a1", firmA, "matched", "2025-04-01T00:00:00Z"),
          problem("linked", firmA, "matched", "2025-01-01T00:00:00Z", "00000000-0000-4000-8000-000000000999"),
        ],
        total: 3,
      },
      // The same problem twice (two pages overlapping) and statuses a session may not take.
      { items: [problem("a2", firmA, "matched", "2025-02-01T00:00:00Z"), problem("x", firmA, "onSite", "2025-01-01T00:00:00Z"), problem("y", firmA, "submitted", "2025-01-01T00:00:00Z")], total: 3 },
    ];
    const got = linkCandidates(pages, [firmA, firmB]);
    expect(got.items.map((p) => p.id)).toEqual(["a2", "a1", "b0", "b1"]);
    expect(got.truncated).toBe(false);
  });

  it("says when a page held fewer rows than the enterprise has", () => {
    expect(linkCandidates([{ items: [problem("a", firmA, "accepted", "2025-01-01T00:00:00Z")], total: 250 }], [firmA]).truncated).toBe(true);
    expect(linkCandidates([], [firmA])).toEqual({ items: [], truncated: false });
  });
});

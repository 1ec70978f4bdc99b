import type { Problem } from "@jiangxin/domain";
import { describe, expect, it } from "vitest";
import { teamOwnerGaps } from "./teamOwnerGaps";

const p = (id: string, ownerExpertId: string | null) => ({ id, ownerExpertId, ownerExpertName: "郭红英", voided: null }) as unknown as Problem;

describe("teamOwnerGaps", () => {
  it("names the problems whose owner is not on the team, comparing ids, not same names", () => {
    const session = { experts: [{ id: "guo-ningbo", name: "郭红英", detail: "宁波港集团有限公司", leader: true, problemIds: [] }] };
    expect(teamOwnerGaps(session, [p("1", "guo-hangzhou"), p("2", "guo-ningbo"), p("3", null)]).map((x) => x.id)).toEqual(["1"]);
  });
});

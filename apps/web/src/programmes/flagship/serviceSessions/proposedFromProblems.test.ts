import type { Problem } from "@jiangxin/domain";
import { describe, expect, it } from "vitest";
import { proposedFromProblems } from "./proposedFromProblems";

const p = (id: string, enterpriseId: string, owner: string | null, detail: string | null = null) =>
  ({ id, enterpriseId, enterpriseName: "千岛湖精工机械有限公司", countyCode: "330127", countyName: "淳安县", ownerExpertId: owner, ownerExpertName: owner ? "郭红英" : null, ownerExpertDetail: detail }) as unknown as Problem;

describe("a session proposed from problems", () => {
  it("proposes the problems' owners as the team, by id (two 郭红英 stay two), their firms and county", () => {
    const proposed = proposedFromProblems([p("1", "f1", "guo-a", "杭州汽轮机股份有限公司 · 淳安县"), p("2", "f1", "guo-b", "宁波港集团有限公司 · 武义县"), p("3", "f1", null), p("4", "f1", "guo-a")]);
    expect(proposed.expertIds).toEqual(["guo-a", "guo-b"]);
    expect(proposed.expertNames["guo-b"]).toBe("郭红英（宁波港集团有限公司 · 武义县）");
    expect(proposed.enterpriseIds).toEqual(["f1"]);
    expect(proposed).toMatchObject({ countyCode: "330127", title: "千岛湖精工机械有限公司难题现场服务" });
  });
});

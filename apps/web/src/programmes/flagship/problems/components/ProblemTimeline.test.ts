import { describe, expect, it } from "vitest";
import { expertLabel } from "../../experts/expertLabel";
import { actorText } from "./ProblemTimeline";

describe("timeline actors", () => {
  it("read as names with their unit, never a role beside a union's or a role's own name", () => {
    expect(actorText({ byName: "郭红英", byUnit: "杭州汽轮机股份有限公司", byRole: "expert", byExpertDetail: null })).toBe("郭红英（杭州汽轮机股份有限公司）");
    expect(actorText({ byName: "淳安县总工会", byUnit: null, byRole: "county", byExpertDetail: null })).toBe("淳安县总工会");
    expect(actorText({ byName: "县总工会", byUnit: null, byRole: "enterprise", byExpertDetail: null })).toBe("县总工会");
    expect(actorText({ byName: "企业", byUnit: null, byRole: "enterprise", byExpertDetail: null })).toBe("企业");
    expect(actorText({ byName: "张三", byUnit: null, byRole: "county", byExpertDetail: null })).toBe("张三（县(市、区)总工会）");
  });

  it("name an expert by the same identity as every list, so two namesakes at one employer differ", () => {
    const a = actorText({ byName: "郭红英", byUnit: "杭州汽轮机股份有限公司", byRole: "expert", byExpertDetail: "杭州汽轮机股份有限公司 · 上城区 · 高级技师" });
    const b = actorText({ byName: "郭红英", byUnit: "杭州汽轮机股份有限公司", byRole: "expert", byExpertDetail: "杭州汽轮机股份有限公司 · 淳安县 · 技师" });
    expect(a).toBe(expertLabel("郭红英", "杭州汽轮机股份有限公司 · 上城区 · 高级技师"));
    expect(a).not.toBe(b);
  });
});

import { describe, expect, it } from "vitest";
import { actorText } from "./ProblemTimeline";

describe("timeline actors", () => {
  it("read as names with their unit, never a role beside a union's or a role's own name", () => {
    expect(actorText({ byName: "郭红英", byUnit: "杭州汽轮机股份有限公司", byRole: "expert" })).toBe("郭红英（杭州汽轮机股份有限公司）");
    expect(actorText({ byName: "淳安县总工会", byUnit: null, byRole: "county" })).toBe("淳安县总工会");
    expect(actorText({ byName: "县总工会", byUnit: null, byRole: "enterprise" })).toBe("县总工会");
    expect(actorText({ byName: "企业", byUnit: null, byRole: "enterprise" })).toBe("企业");
    expect(actorText({ byName: "张三", byUnit: null, byRole: "county" })).toBe("张三（县(市、区)总工会）");
  });
});

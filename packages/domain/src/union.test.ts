import { describe, expect, it } from "vitest";
import { unionCoverageQuerySchema, unionInputSchema } from "./union";

const parent = "5f0c9d4e-8a1b-4c2d-9e3f-1a2b3c4d5e6f";
const firm = (n: number) => `5f0c9d4e-8a1b-4c2d-9e3f-${String(n).padStart(12, "0")}`;
const base = { name: "淳安某机械有限公司工会委员会", kind: "grassroots", formation: "single", regionCode: "330127", parentId: parent, enterpriseIds: [firm(1)] };
const fieldsOf = (input: unknown) => {
  const r = unionInputSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("union input", () => {
  it("accepts a single-enterprise grassroots union and fills the defaults", () => {
    const r = unionInputSchema.parse(base);
    expect(r).toMatchObject({ foundedOn: null, chairName: null, memberCount: 0 });
  });

  it("names each rule of the kind and 建会方式 by its field, in Chinese", () => {
    expect(fieldsOf({ ...base, formation: null })).toEqual({ formation: "基层工会请选择建会方式" });
    expect(fieldsOf({ ...base, kind: "industry" })).toEqual({ formation: "产业工会不填建会方式" });
    expect(fieldsOf({ ...base, enterpriseIds: [firm(1), firm(2)] })).toEqual({ enterpriseIds: "单独建会的工会应覆盖且只覆盖1家企业" });
    expect(fieldsOf({ ...base, formation: "joint" })).toEqual({ enterpriseIds: "联合建会的工会应覆盖至少2家企业" });
    expect(fieldsOf({ ...base, formation: "joint", enterpriseIds: [firm(1), firm(1)] })).toEqual({ enterpriseIds: "覆盖企业有重复" });
    expect(fieldsOf({ ...base, formation: "coverage", enterpriseIds: [] })).toEqual({});
    expect(fieldsOf({ ...base, kind: "provincial" })).toEqual({ kind: "请选择工会类别(产业工会或基层工会)" });
    expect(fieldsOf({ ...base, memberCount: 1.5 })).toEqual({ memberCount: "会员人数应为整数" });
  });
});

describe("coverage query", () => {
  it("defaults to large and medium firms and refuses an unknown size", () => {
    expect(unionCoverageQuerySchema.parse({})).toEqual({ sizes: ["large", "medium"], nonPublicOnly: false });
    expect(unionCoverageQuerySchema.parse({ sizes: "large", nonPublicOnly: "true" })).toMatchObject({ sizes: ["large"], nonPublicOnly: true });
    expect(unionCoverageQuerySchema.safeParse({ sizes: "huge" }).success).toBe(false);
  });
});

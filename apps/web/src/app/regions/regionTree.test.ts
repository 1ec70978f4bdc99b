import type { RegionNode } from "@jiangxin/domain";
import { describe, expect, it } from "vitest";
import { filterRegionTree, parentCodes } from "./filterRegionTree";
import { countiesIn, findRegionPath, regionScope, toTreeOptions } from "./regionTree";

function node(code: string, name: string, level: RegionNode["level"], children: RegionNode[] = [], priority: RegionNode["priority"] = []): RegionNode {
  return { code, name, level, parentCode: null, lng: null, lat: null, priority, children };
}

const tree = node("330000", "浙江省", "province", [
  node("330100", "杭州市", "city", [node("330102", "上城区", "county"), node("330127", "淳安县", "county", [], ["mountainous"])]),
  node("330900", "舟山市", "city", [node("330902", "定海区", "county", [], ["island"])]),
]);

describe("region scope", () => {
  it("is the whole province for province staff, one city for city staff, one county for county staff", () => {
    expect(regionScope(tree, "330000")?.code).toBe("330000");
    expect(countiesIn(regionScope(tree, "330100")!).map((c) => c.code)).toEqual(["330102", "330127"]);
    expect(countiesIn(regionScope(tree, "330127")!).map((c) => c.code)).toEqual(["330127"]);
  });

  it("is empty for an account bound to no region or to an unknown code", () => {
    expect(regionScope(tree, null)).toBeNull();
    expect(regionScope(tree, "110000")).toBeNull();
  });

  it("finds the path from the province down", () => {
    expect(findRegionPath(tree, "330902").map((n) => n.code)).toEqual(["330000", "330900", "330902"]);
  });

  it("makes only counties selectable when asked", () => {
    const options = toTreeOptions(tree, true);
    expect(options.selectable).toBe(false);
    expect(options.children?.[0]?.children?.[1]).toMatchObject({ value: "330127", selectable: true, children: undefined });
  });
});

describe("filterRegionTree", () => {
  it("keeps priority counties and their cities", () => {
    const filtered = filterRegionTree(tree, { priorityOnly: true, text: "" });
    expect(countiesIn(filtered!).map((c) => c.code)).toEqual(["330127", "330902"]);
  });

  it("matches county names and code prefixes", () => {
    expect(countiesIn(filterRegionTree(tree, { priorityOnly: false, text: "淳安" })!).map((c) => c.code)).toEqual(["330127"]);
    expect(countiesIn(filterRegionTree(tree, { priorityOnly: false, text: "3309" })!).map((c) => c.code)).toEqual(["330902"]);
  });

  it("keeps every county of a matching city", () => {
    expect(countiesIn(filterRegionTree(tree, { priorityOnly: false, text: "杭州" })!)).toHaveLength(2);
  });

  it("answers null when nothing matches", () => {
    expect(filterRegionTree(tree, { priorityOnly: false, text: "温州" })).toBeNull();
  });

  it("lists the codes to expand", () => {
    expect(parentCodes(tree)).toEqual(["330000", "330100", "330900"]);
  });
});

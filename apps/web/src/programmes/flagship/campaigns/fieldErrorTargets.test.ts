import { describe, expect, it } from "vitest";
import { fieldErrorTargets } from "./fieldErrorTargets";

const formFields = [["name"], ["year"], ["regionCodes"], ["priorityOnly"], ["targets", "sessions"], ["targets", "trainees"]];

describe("fieldErrorTargets", () => {
  it("puts an array element's message on the field that holds the array", () => {
    const { placed, unplaced } = fieldErrorTargets({ "regionCodes.0": "“杭州市”不在您的辖区内", "regionCodes.2": "区划代码“1”不存在" }, formFields);
    expect(placed).toEqual([{ name: ["regionCodes"], errors: ["“杭州市”不在您的辖区内", "区划代码“1”不存在"] }]);
    expect(unplaced).toEqual([]);
  });

  it("puts a nested object's message on the nested field", () => {
    const { placed } = fieldErrorTargets({ "targets.sessions": "应为整数", name: "行动名称至少4个字" }, formFields);
    expect(placed).toEqual([
      { name: ["targets", "sessions"], errors: ["应为整数"] },
      { name: ["name"], errors: ["行动名称至少4个字"] },
    ]);
  });

  it("returns messages no field can show, and does not match a field by a mere name prefix", () => {
    const { placed, unplaced } = fieldErrorTargets({ "targets.budget": "未知字段", nameX: "x", "": "整体有误" }, formFields);
    expect(placed).toEqual([]);
    expect(unplaced).toEqual(["未知字段", "x", "整体有误"]);
  });
});

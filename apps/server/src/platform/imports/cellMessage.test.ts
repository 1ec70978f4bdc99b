import { describe, expect, it } from "vitest";
import { cellMessage } from "./cellMessage";

describe("cellMessage", () => {
  const sizes = ["大型", "中型", "小型", "微型"];
  it("quotes a value that is not on the list and names the list", () => {
    expect(cellMessage("请选择企业规模", "巨型", sizes)).toBe("“巨型”不是可选值，请从下拉列表中选择（大型、中型、小型、微型）");
  });
  it("says an empty required cell is required", () => {
    expect(cellMessage("请选择企业规模", "", sizes)).toBe("此项为必填项，请从下拉列表中选择");
    expect(cellMessage("请填写联系人", " ", [])).toBe("此项为必填项，请填写联系人");
  });
  it("shortens a long list", () => {
    const many = Array.from({ length: 20 }, (_, i) => `项${i}`);
    expect(cellMessage("请选择工种", "x", many)).toMatch(/项7等20项）$/);
  });
  it("leaves messages already written for a cell", () => {
    expect(cellMessage("与第2行重复", "91330127MA2XXXXXXX", [])).toBe("与第2行重复");
  });
});

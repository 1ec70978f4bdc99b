import type { FormInstance } from "antd";
import { describe, expect, it } from "vitest";
import { ApiError } from "./ApiError";
import { formErrorOf } from "./applyFieldErrors";

/** Records what would be put on the form's fields. */
function fakeForm() {
  const placed: { name: string[]; errors: string[] }[] = [];
  const form = { setFields: (f: { name: string[]; errors: string[] }[]) => placed.push(...f) } as unknown as FormInstance;
  return { form, placed };
}

describe("formErrorOf", () => {
  it("puts field messages on known fields and returns the rest as the form's message", () => {
    const { form, placed } = fakeForm();
    const error = new ApiError(400, { code: "VALIDATION_FAILED", message: "请求内容有误", fields: { topic: "请填写培训主题", extra: "不支持的字段“extra”" } });
    expect(formErrorOf(form, error, ["topic"])).toBe("不支持的字段“extra”");
    expect(placed).toEqual([{ name: ["topic"], errors: ["请填写培训主题"] }]);
  });

  it("returns null when every message found its field", () => {
    const { form } = fakeForm();
    expect(formErrorOf(form, new ApiError(400, { code: "VALIDATION_FAILED", message: "x", fields: { topic: "请填写培训主题" } }), ["topic"])).toBeNull();
  });

  it("returns the whole-request message when there are no field messages", () => {
    const { form, placed } = fakeForm();
    expect(formErrorOf(form, new ApiError(409, { code: "CONFLICT", message: "该成效已核实，不能重复核实" }), ["topic"])).toBe("该成效已核实，不能重复核实");
    expect(placed).toEqual([]);
  });
});

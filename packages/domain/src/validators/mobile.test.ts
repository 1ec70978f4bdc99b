import { describe, it, expect } from "vitest";
import { mobileSchema, normaliseMobile } from "./mobile";

describe("normaliseMobile", () => {
  it.each([
    ["13812345678", "13812345678"],
    ["+86 138-1234-5678", "13812345678"],
    ["008613812345678", "13812345678"],
    ["+8613812345678", "13812345678"],
    ["１３８１２３４５６７８", "13812345678"],
    ["＋８６ １３８ １２３４ ５６７８", "13812345678"],
    [" 199 0000 0000 ", "19900000000"],
  ])("accepts %s", (input, expected) => {
    expect(normaliseMobile(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    "92012345678", // npm validator's zh-CN rule wrongly accepts this
    "12345678901",
    "1381234567",
    "138123456789",
    "8613812345678",
  ])("rejects %s", (input) => {
    expect(normaliseMobile(input)).toEqual({ ok: false, message: "手机号应为11位数字，以1开头，第二位为3–9" });
  });

  it("names a stray non-digit", () => {
    expect(normaliseMobile("138a2345678")).toEqual({ ok: false, message: "手机号只能包含数字，“a”不是数字" });
  });

  it("asks for a number when empty", () => {
    expect(normaliseMobile(" - ")).toEqual({ ok: false, message: "请填写手机号" });
  });
});

describe("mobileSchema", () => {
  it("outputs the bare 11 digits", () => {
    expect(mobileSchema.parse("+86 138-1234-5678")).toBe("13812345678");
  });

  it("reports missing and malformed numbers", () => {
    expect(mobileSchema.safeParse(undefined).error?.issues[0]?.message).toBe("请填写手机号");
    expect(mobileSchema.safeParse("92012345678").error?.issues[0]?.message).toBe(
      "手机号应为11位数字，以1开头，第二位为3–9",
    );
  });
});

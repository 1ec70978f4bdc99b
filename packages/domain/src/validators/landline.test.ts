import { describe, expect, it } from "vitest";
import { contactPhoneSchema, normaliseContactPhone, normaliseLandline } from "./landline";
import { maskPhone } from "./mask";
import { mobileSchema } from "./mobile";

describe("normaliseLandline", () => {
  it.each([
    ["0571-88886666", "0571-88886666"],
    ["057188886666", "0571-88886666"],
    ["(0571)88886666", "0571-88886666"],
    ["（0571）8888 6666", "0571-88886666"],
    ["010-62345678", "010-62345678"],
    ["021 5888 6666", "021-58886666"],
    ["0571-8888666", "0571-8888666"],
    ["0571-88886666-123", "0571-88886666-123"],
    ["0571-88886666转123", "0571-88886666-123"],
    ["+86 571 88886666", "0571-88886666"],
  ])("accepts %s", (input, expected) => {
    expect(normaliseLandline(input)).toEqual({ ok: true, value: expected });
  });

  it.each(["88886666", "0571-0888666", "0571-888", "0171-88886666", "0571-88886666666"])("rejects %s", (input) => {
    expect(normaliseLandline(input).ok).toBe(false);
  });
});

describe("contact phone (an enterprise's 联系电话)", () => {
  it("takes a mobile or a landline, one spelling each", () => {
    expect(contactPhoneSchema.parse("+86 138-1234-5678")).toBe("13812345678");
    expect(contactPhoneSchema.parse("0571-88886666")).toBe("0571-88886666");
  });

  it("explains what is accepted", () => {
    expect(normaliseContactPhone("12345")).toEqual({ ok: false, message: "手机号应为11位数字，以1开头，第二位为3–9" });
    expect(normaliseContactPhone("88886666")).toEqual({ ok: false, message: "联系电话应为11位手机号或带区号的固定电话，如 13812345678 或 0571-88886666" });
    expect(normaliseContactPhone(" ")).toEqual({ ok: false, message: "请填写联系电话" });
  });

  it("leaves a person's mobile mobile-only", () => {
    expect(mobileSchema.safeParse("0571-88886666").success).toBe(false);
  });

  it("masks a landline keeping its area code and last four", () => {
    expect(maskPhone("0571-88886666")).toBe("0571-****6666");
    expect(maskPhone("13812345678")).toBe("138****5678");
  });
});

import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { checkUscc, computeUsccCheckChar, usccCharset, usccSchema } from "./uscc";

const charsetChar = fc.constantFrom(...usccCharset);
const digit = fc.constantFrom(..."0123456789");
const validUscc = fc
  .tuple(
    fc.array(charsetChar, { minLength: 2, maxLength: 2 }),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
    fc.array(charsetChar, { minLength: 9, maxLength: 9 }),
  )
  .map(([head, region, org]) => {
    const first17 = [...head, ...region, ...org].join("");
    return first17 + computeUsccCheckChar(first17);
  });
// Characters that stay illegal after NFKC and upper-casing (lower-case letters would become legal).
const illegalChar = fc.constantFrom("I", "O", "S", "V", "Z", "*", "#", "-", "中", "é");

function substitute(code: string, index: number, char: string): string {
  return code.slice(0, index) + char + code.slice(index + 1);
}

describe("checkUscc", () => {
  it("accepts the worked example from the standard", () => {
    expect(checkUscc("91350100M000100Y43")).toEqual({ ok: true, value: "91350100M000100Y43" });
    expect(computeUsccCheckChar("91350100M000100Y4")).toBe("3");
  });

  it("normalises lower case, full-width characters and surrounding spaces", () => {
    expect(checkUscc(" 91350100m000100y43 ")).toEqual({ ok: true, value: "91350100M000100Y43" });
    expect(checkUscc("９１３５０１００Ｍ０００１００Ｙ４３")).toEqual({ ok: true, value: "91350100M000100Y43" });
  });

  it("accepts trade-union codes (registering department 8)", () => {
    const first17 = "81330106MC1234567";
    const code = first17 + computeUsccCheckChar(first17);
    expect(checkUscc(code)).toEqual({ ok: true, value: code });
  });

  it("writes check value 31 as '0'", () => {
    // All-zero prefix: Σ = 0, so 31 − 0 = 31, which the standard writes as '0'.
    expect(computeUsccCheckChar("00000000000000000")).toBe("0");
    expect(checkUscc("000000000000000000").ok).toBe(true);
  });

  it("reports the length", () => {
    expect(checkUscc("91350100M000100Y4")).toMatchObject({ ok: false, message: "统一社会信用代码应为18位，当前为17位" });
    expect(checkUscc("")).toMatchObject({ ok: false, message: "请填写统一社会信用代码" });
  });

  it("names an illegal character and its position", () => {
    expect(checkUscc("9135I100M000100Y43")).toEqual({
      ok: false,
      message: "第5位字符“I”不是合法字符（不使用I、O、S、V、Z）",
      position: 5,
    });
  });

  it("requires digits in the region code (positions 3–8)", () => {
    expect(checkUscc("9135A100M000100Y43")).toMatchObject({ ok: false, position: 5 });
  });

  it("says what the check character should be", () => {
    expect(checkUscc("91350100M000100Y4Y")).toEqual({
      ok: false,
      message: "校验码不符：第18位应为“3”，实际为“Y”，请核对前17位是否有误",
      position: 18,
    });
  });

  it("accepts every generated valid code", () => {
    fc.assert(fc.property(validUscc, (code) => checkUscc(code).ok));
  });

  it("rejects every substitution of one character by another legal character", () => {
    fc.assert(
      fc.property(validUscc, fc.nat({ max: 17 }), charsetChar, (code, index, replacement) => {
        fc.pre(code[index] !== replacement);
        expect(checkUscc(substitute(code, index, replacement)).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("rejects every substitution by an illegal character and names its position", () => {
    fc.assert(
      fc.property(validUscc, fc.nat({ max: 17 }), illegalChar, (code, index, replacement) => {
        const result = checkUscc(substitute(code, index, replacement));
        expect(result).toMatchObject({ ok: false, position: index + 1 });
        if (!result.ok) expect(result.message).toContain(`第${index + 1}位`);
      }),
      { numRuns: 1000 },
    );
  });

  it("computeUsccCheckChar refuses malformed prefixes", () => {
    expect(() => computeUsccCheckChar("9135")).toThrow(RangeError);
    expect(() => computeUsccCheckChar("91350100I000100Y4")).toThrow(RangeError);
  });
});

describe("usccSchema", () => {
  it("outputs the normalised code", () => {
    expect(usccSchema.parse(" 91350100m000100y43")).toBe("91350100M000100Y43");
  });

  it("uses the check's message", () => {
    const result = usccSchema.safeParse("91350100M000100Y4Y");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("校验码不符：第18位应为“3”，实际为“Y”，请核对前17位是否有误");
  });

  it("asks for the code when missing", () => {
    expect(usccSchema.safeParse(undefined).error?.issues[0]?.message).toBe("请填写统一社会信用代码");
  });
});

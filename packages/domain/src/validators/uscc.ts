import { z } from "zod";
import type { CheckResult } from "./result";

/** GB 32100-2015 alphabet; a character's value is its index. I, O, S, V and Z are left out to avoid misreading. */
export const usccCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const length = 18;

function charValue(char: string): number {
  return usccCharset.indexOf(char);
}

/**
 * The 18th character for a 17-character prefix (already normalised). Throws on bad input because
 * callers are code (test factories, seed data), not users.
 */
export function computeUsccCheckChar(first17: string): string {
  const chars = [...first17];
  if (chars.length !== weights.length) {
    throw new RangeError(`computeUsccCheckChar needs 17 characters, got ${chars.length}`);
  }
  let sum = 0;
  chars.forEach((char, i) => {
    const value = charValue(char);
    if (value < 0) throw new RangeError(`computeUsccCheckChar: "${char}" is not in the USCC charset`);
    sum += value * (weights[i] ?? 0);
  });
  // 31 − 0 would be 31, which the standard writes as '0'.
  return usccCharset[(31 - (sum % 31)) % 31] ?? "0";
}

/** Validates a 统一社会信用代码 and returns it normalised (NFKC, trimmed, upper-case). */
export function checkUscc(input: string): CheckResult<string> {
  const code = input.normalize("NFKC").trim().toUpperCase();
  if (code === "") return { ok: false, message: "请填写统一社会信用代码" };

  // Code points, not UTF-16 units, so a stray emoji counts as one character in messages.
  const chars = [...code];
  if (chars.length !== length) {
    return { ok: false, message: `统一社会信用代码应为18位，当前为${chars.length}位` };
  }

  const illegal = chars.findIndex((char) => charValue(char) < 0);
  if (illegal >= 0) {
    return {
      ok: false,
      message: `第${illegal + 1}位字符“${chars[illegal]}”不是合法字符（不使用I、O、S、V、Z）`,
      position: illegal + 1,
    };
  }

  // Positions 3–8 are the GB/T 2260 region code, so letters there mean a typo even if the check char matches.
  const regionOffset = chars.slice(2, 8).findIndex((char) => !/^\d$/.test(char));
  if (regionOffset >= 0) {
    const position = regionOffset + 3;
    return {
      ok: false,
      message: `第3–8位为行政区划码，应为数字，第${position}位为“${chars[position - 1]}”`,
      position,
    };
  }

  const expected = computeUsccCheckChar(chars.slice(0, 17).join(""));
  if (chars[17] !== expected) {
    return {
      ok: false,
      message: `校验码不符：第18位应为“${expected}”，实际为“${chars[17]}”，请核对前17位是否有误`,
      position: 18,
    };
  }
  return { ok: true, value: code };
}

/** Form/API field: accepts any spelling checkUscc accepts and outputs the normalised code. */
export const usccSchema = z.string({ error: "请填写统一社会信用代码" }).transform((raw, ctx) => {
  const result = checkUscc(raw);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  }
  return result.value;
});

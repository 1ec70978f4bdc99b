import { z } from "zod";
import type { CheckResult } from "./result";

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkChars = "10X98765432";
/** The standard's own worked example is born in 1880, so 1900 would reject legitimate test data. */
const earliestBirthYear = 1800;
const chinaOffsetMs = 8 * 60 * 60 * 1000;

export type ResidentIdInfo = { id: string; birthDate: string; sex: "male" | "female" };

/** ISO 7064 MOD 11-2 check character for 17 digits. Throws because callers are code, not users. */
export function computeResidentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError("computeResidentIdCheckChar needs exactly 17 digits");
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] ?? 0);
  return checkChars[sum % 11] ?? "";
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Date.UTC rolls 30 Feb over into March, so a round trip exposes impossible dates.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's date in China as YYYY-MM-DD, so the future-birth check does not depend on the server's time zone. */
function chinaDate(now: Date): string {
  return new Date(now.getTime() + chinaOffsetMs).toISOString().slice(0, 10);
}

/**
 * The one spelling an ID number is stored, hashed and compared in: NFKC folds full-width digits and
 * Ｘ/ｘ to ASCII, every space (also the full-width one and those inside, "3301 2719…") goes, and a
 * trailing x is upper-cased. Typed twice by different hands, the same number normalises the same.
 */
export function normaliseResidentId(input: string): string {
  return input.normalize("NFKC").replace(/\s+/g, "").replace(/x$/, "X");
}

/**
 * Validates an 18-digit GB 11643-1999 resident ID and extracts birth date and sex.
 * Fifteen-digit IDs are refused: they carry no check digit and new records must use 18 digits.
 */
export function checkResidentId(input: string, today: Date = new Date()): CheckResult<ResidentIdInfo> {
  const id = normaliseResidentId(input);
  if (id === "") return { ok: false, message: "请填写身份证号" };
  if (/^\d{15}$/.test(id)) return { ok: false, message: "不再受理15位身份证号，请填写18位号码" };

  const chars = [...id];
  if (chars.length !== 18) return { ok: false, message: `身份证号应为18位，当前为${chars.length}位` };

  const notDigit = chars.slice(0, 17).findIndex((char) => !/^\d$/.test(char));
  if (notDigit >= 0) {
    const position = notDigit + 1;
    return { ok: false, message: `第${position}位应为数字，实际为“${chars[notDigit]}”`, position };
  }
  const last = chars[17] ?? "";
  if (!/^[\dX]$/.test(last)) {
    return { ok: false, message: `第18位校验码应为数字或X，实际为“${last}”`, position: 18 };
  }

  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (year < earliestBirthYear) {
    return { ok: false, message: `第7–14位出生日期“${id.slice(6, 14)}”早于${earliestBirthYear}年，请核对` };
  }
  if (!isRealDate(year, month, day)) {
    return { ok: false, message: `第7–14位出生日期“${id.slice(6, 14)}”不是有效日期` };
  }
  if (birthDate > chinaDate(today)) {
    return { ok: false, message: `第7–14位出生日期“${id.slice(6, 14)}”晚于今天，请核对` };
  }

  const expected = computeResidentIdCheckChar(id.slice(0, 17));
  if (last !== expected) {
    return {
      ok: false,
      message: `校验码不符：第18位应为“${expected}”，实际为“${last}”，请核对前17位是否有误`,
      position: 18,
    };
  }

  // The 17th digit is the last of the 3-digit sequence, so its parity is the sequence's.
  const sex = Number(id[16]) % 2 === 1 ? "male" : "female";
  return { ok: true, value: { id, birthDate, sex } };
}

/** Form/API field: outputs the normalised 18-character ID (full-width digits folded, trailing x upper-cased). */
export const residentIdSchema = z.string({ error: "请填写身份证号" }).transform((raw, ctx) => {
  const result = checkResidentId(raw);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  }
  return result.value.id;
});

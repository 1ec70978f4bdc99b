import { z } from "zod";
import { normaliseMobile } from "./mobile";
import type { CheckResult } from "./result";

/**
 * A mainland fixed-line number as companies print it: "0571-88886666", "(0571)88886666",
 * "0571 8888 6666", "057188886666", with an extension as "-123", "转123" or "ext.123".
 * Area codes are 010, 02X (three digits) or 0[3-9]XX (four); the local number 7–8 digits not
 * starting with 0 or 1. Output: "0571-88886666" or "0571-88886666-123", one spelling for storage.
 */
export function normaliseLandline(input: string): CheckResult<string> {
  const t = input.normalize("NFKC").trim().replace(/^(?:\+86|0086)\s*/, "0").replace(/^00/, "0");
  const [, mainText = t, ext] = /^(.*?)(?:\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6}))?$/i.exec(t) ?? [];
  const compact = mainText.replace(/[\s()（）\u2010-\u2015-]/g, "");
  // "0571-88886666-123": a third group after two hyphens is an extension.
  const dashed = /^(0\d{2,3})[\s\u2010-\u2015-]+(\d{7,8})[\s\u2010-\u2015-]+(\d{1,6})$/.exec(mainText.replace(/[()（）]/g, ""));
  let digits = compact;
  let extension = ext;
  if (dashed?.[1] && dashed[2] && dashed[3]) {
    digits = dashed[1] + dashed[2];
    extension = dashed[3];
  }
  if (!/^\d+$/.test(digits)) return { ok: false, message: "固定电话只能包含数字、区号分隔符“-”和分机号" };
  const m = /^(010|02\d|0[3-9]\d{2})([2-9]\d{6,7})$/.exec(digits);
  if (!m?.[1] || !m[2]) return { ok: false, message: "固定电话应为区号加7–8位号码，如 0571-88886666" };
  return { ok: true, value: `${m[1]}-${m[2]}${extension ? `-${extension}` : ""}` };
}

/**
 * A phone where a company's switchboard is as good as a mobile (an enterprise's 联系电话): either
 * a mobile (stored as 11 digits) or a landline (stored as 0571-88886666). A person's own number
 * stays mobileSchema: messages and 2FA codes need a mobile.
 */
export function normaliseContactPhone(input: string): CheckResult<string> {
  const mobile = normaliseMobile(input);
  if (mobile.ok) return mobile;
  const trimmed = input.normalize("NFKC").trim();
  if (trimmed === "" || /^[\s-]*$/.test(trimmed)) return { ok: false, message: "请填写联系电话" };
  // Starts with 1 (after +86): meant as a mobile, so the mobile's own message is the helpful one.
  if (/^(?:\+86|0086)?[\s-]*1/.test(trimmed)) return mobile;
  const landline = normaliseLandline(trimmed);
  if (landline.ok) return landline;
  return { ok: false, message: "联系电话应为11位手机号或带区号的固定电话，如 13812345678 或 0571-88886666" };
}

export const contactPhoneSchema = z.string({ error: "请填写联系电话" }).transform((raw, ctx) => {
  const result = normaliseContactPhone(raw);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  }
  return result.value;
});

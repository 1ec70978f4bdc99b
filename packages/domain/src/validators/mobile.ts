import { z } from "zod";
import type { CheckResult } from "./result";

const mobilePattern = /^1[3-9]\d{9}$/;
const formatMessage = "手机号应为11位数字，以1开头，第二位为3–9";

/**
 * Reduces a mainland mobile number as people type it ("+86 138-1234-5678", full-width digits)
 * to its 11 digits. Stricter than npm validator's zh-CN rule, which lets numbers starting 92 through.
 */
export function normaliseMobile(input: string): CheckResult<string> {
  // NFKC folds full-width digits, plus and hyphen; the dash range covers hyphens pasted from documents.
  const compact = input.normalize("NFKC").replace(/[\s\u2010-\u2015-]/g, "");
  if (compact === "") return { ok: false, message: "请填写手机号" };

  const digits = compact.replace(/^(?:\+86|0086)/, "");
  const stray = [...digits].find((char) => !/^\d$/.test(char));
  if (stray !== undefined) return { ok: false, message: `手机号只能包含数字，“${stray}”不是数字` };
  if (!mobilePattern.test(digits)) return { ok: false, message: formatMessage };
  return { ok: true, value: digits };
}

/** Form/API field: outputs the bare 11 digits so storage and look-ups see one spelling. */
export const mobileSchema = z.string({ error: "请填写手机号" }).transform((raw, ctx) => {
  const result = normaliseMobile(raw);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  }
  return result.value;
});

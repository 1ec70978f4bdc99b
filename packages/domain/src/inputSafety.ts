/**
 * One check applied to every request body, query string and path parameter before its own schema
 * (the server's validator compiler calls it), so no route can forget it: text may hold no control
 * characters but line feed, carriage return and tab (PostgreSQL refuses NUL, and the others only
 * break exports and screens); a date written as a string lies in 1900–2100 (year 0000 does not exist
 * in PostgreSQL and nothing in this domain is that old or that far ahead); a number is finite and
 * within what a bigint column holds exactly. Each schema's own limits still apply after this.
 */
export type InputIssue = { path: string; message: string };

// C0 controls but \t \n \r, DEL, C1 controls, and the lone surrogates a JSON string can smuggle in.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const forbiddenCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const dateLike = /^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

export const minInputYear = 1900;
export const maxInputYear = 2100;

export const inputSafetyMessages = {
  control: "不能包含控制字符(如 NUL)",
  date: `日期应在${minInputYear}年至${maxInputYear}年之间`,
  dateInvalid: "日期无效",
  number: "数值超出范围",
  depth: "内容嵌套过深",
} as const;

/** The problem with one string, or undefined when it is acceptable anywhere. */
export function unsafeTextIssue(text: string): string | undefined {
  if (forbiddenCharacter.test(text)) return inputSafetyMessages.control;
  const date = dateLike.exec(text);
  if (date) {
    const year = Number(date[1]);
    if (year < minInputYear || year > maxInputYear) return inputSafetyMessages.date;
    const month = Number(date[2]);
    const day = Number(date[3]);
    if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return inputSafetyMessages.dateInvalid;
  }
  return undefined;
}

/** Walks any parsed JSON or query object and names every unacceptable value by its dotted path. */
export function unsafeInputIssues(value: unknown, path: string[] = [], depth = 0): InputIssue[] {
  const at = () => path.join(".") || "_";
  if (depth > 32) return [{ path: at(), message: inputSafetyMessages.depth }];
  if (typeof value === "string") {
    const message = unsafeTextIssue(value);
    return message ? [{ path: at(), message }] : [];
  }
  if (typeof value === "number") {
    return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? [] : [{ path: at(), message: inputSafetyMessages.number }];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => unsafeInputIssues(v, [...path, String(i)], depth + 1));
  if (value !== null && typeof value === "object") {
    const issues: InputIssue[] = [];
    for (const [key, v] of Object.entries(value)) {
      const keyProblem = unsafeTextIssue(key);
      if (keyProblem === inputSafetyMessages.control) issues.push({ path: [...path, "_"].join("."), message: keyProblem });
      issues.push(...unsafeInputIssues(v, [...path, key], depth + 1));
    }
    return issues;
  }
  return [];
}
